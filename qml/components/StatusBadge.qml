import QtQuick
import QtQuick.Controls

// A status in a coloured pill, white on `tone` (the board's 报送情况 and 目标状态).
Label {
    id: badge

    property color tone: "#78909C"

    color: "white"
    font.pixelSize: 12
    padding: 3
    leftPadding: 8
    rightPadding: 8
    background: Rectangle {
        radius: 9
        color: badge.tone
    }
}
