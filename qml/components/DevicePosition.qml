import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtPositioning

// The device's position with its accuracy, where it has a positioning source; otherwise says so
// and the position is typed.
RowLayout {
    id: row

    signal fix(real latitude, real longitude, real accuracy)

    Layout.fillWidth: true

    PositionSource {
        id: source
        active: false
        updateInterval: 1000
        onPositionChanged: {
            const p = source.position
            if (p.latitudeValid && p.longitudeValid) {
                row.fix(p.coordinate.latitude, p.coordinate.longitude,
                        p.horizontalAccuracyValid ? p.horizontalAccuracy : -1)
                source.stop()
            }
        }
    }

    Button {
        text: source.active ? qsTr("正在定位…") : qsTr("使用设备定位")
        enabled: row.enabled && source.valid && !source.active
        flat: true
        onClicked: source.start()
    }
    Label {
        visible: !source.valid
        text: qsTr("本机没有定位功能，请手动填写经纬度")
        color: Material.hintTextColor
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
