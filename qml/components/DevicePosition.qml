import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtPositioning

// The device's position with its accuracy. Locating never waits for ever: with no position
// source it says so at once, and a source that gives no position within `timeoutMs` (indoors, a
// desktop without a provider) is stopped; either way the user is told to type the position.
RowLayout {
    id: row

    signal fix(real latitude, real longitude, real accuracy)

    // How long a first position may take before the device gives up.
    property int timeoutMs: 15000
    // Where positions come from: the device (Qt Positioning), unless a test hands in an object
    // with the same valid, position, sourceError, start() and stop().
    property var positionSource: deviceSource
    // Why the last attempt gave up, and what to do instead; empty while all is well.
    property string problem: positionSource.valid ? "" : row.noSourceText()
    readonly property bool locating: waiting.running

    function noSourceText(): string {
        return qsTr("本机没有定位功能：请手动填写纬度和经度。")
    }

    function locate() {
        if (!row.positionSource.valid) {
            row.problem = row.noSourceText()
            return
        }
        row.problem = ""
        waiting.start()
        row.positionSource.start()
    }

    function giveUp(why: string) {
        waiting.stop()
        row.positionSource.stop()
        row.problem = why
    }

    Layout.fillWidth: true

    PositionSource {
        id: deviceSource
        active: false
        updateInterval: 1000
    }

    Connections {
        target: row.positionSource
        function onPositionChanged() {
            const p = row.positionSource.position
            if (!waiting.running || !p.latitudeValid || !p.longitudeValid)
                return
            waiting.stop()
            row.positionSource.stop()
            row.fix(p.coordinate.latitude, p.coordinate.longitude,
                    p.horizontalAccuracyValid ? p.horizontalAccuracy : -1)
        }
        function onSourceErrorChanged() {
            if (waiting.running && row.positionSource.sourceError !== PositionSource.NoError)
                row.giveUp(qsTr("无法取得定位（定位服务不可用或未获授权）：请手动填写纬度和经度。"))
        }
    }

    Timer {
        id: waiting
        interval: row.timeoutMs
    }
    // Qt 6.4's qmllint does not see Timer's own signal in a handler; a Connections does.
    Connections {
        target: waiting
        function onTriggered() {
            row.giveUp(qsTr("%1 秒内没有取得定位：请到开阔处再试，或手动填写纬度和经度。")
                       .arg(Math.max(1, Math.ceil(row.timeoutMs / 1000))))
        }
    }

    Button {
        objectName: "locate"
        text: row.locating ? qsTr("正在定位…") : qsTr("使用设备定位")
        enabled: row.enabled && !row.locating
        flat: true
        onClicked: row.locate()
    }
    Label {
        objectName: "positionProblem"
        visible: text !== ""
        text: row.problem
        color: Material.hintTextColor
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
