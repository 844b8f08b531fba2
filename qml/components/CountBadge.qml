import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A count on a navigation item (待办 12, 待审核 3): hidden at zero, "99+" beyond.
Label {
    id: badge

    property int count: 0

    visible: count > 0
    text: count > 99 ? "99+" : String(count)
    color: "white"
    font.pixelSize: 11
    font.bold: true
    horizontalAlignment: Text.AlignHCenter
    leftPadding: 5
    rightPadding: 5
    topPadding: 1
    bottomPadding: 1
    background: Rectangle {
        implicitWidth: 18
        radius: height / 2
        color: "#D32F2F"
        border.color: "white"
        border.width: 1
    }
    Accessible.name: qsTr("%1 项").arg(badge.count)
}
