import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The warning level of the notice's three letters: 提醒 (1), 预警 (2), 纠责 (3).
Label {
    id: badge

    property int level: 0

    visible: level > 0
    text: [qsTr("正常"), qsTr("提醒"), qsTr("预警"), qsTr("纠责")][Math.max(0, Math.min(level, 3))]
    color: "white"
    font.pixelSize: 12
    font.bold: true
    padding: 4
    leftPadding: 8
    rightPadding: 8
    background: Rectangle {
        radius: 10
        color: badge.level >= 3 ? "#B71C1C" : badge.level === 2 ? "#E65100" : "#F9A825"
    }
    Accessible.name: qsTr("预警等级：%1").arg(text)
}
