import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// "您有N份督办函待签收": shown prominently to the unit whose letters wait for its acknowledgment.
ItemDelegate {
    id: banner

    // Letters waiting for the user (WarningsModel.toAcknowledge).
    property int waiting: 0

    visible: waiting > 0
    text: qsTr("您有%1份督办函待签收").arg(waiting)
    Material.foreground: "white"
    font.bold: true
    font.pixelSize: 16
    background: Rectangle { color: "#B71C1C" }
    Accessible.name: text
}
