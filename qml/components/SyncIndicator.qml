import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Duban

// The toolbar's sync state: a progress ring while a run is busy, counts of what waits.
ToolButton {
    id: button

    property SyncService sync

    // Records and photo files, as a person counts them (not the outbox's changes).
    readonly property int waiting: sync ? sync.waiting : 0

    objectName: "syncIndicator"
    text: !sync ? ""
          : sync.busy ? qsTr("同步中")
          : sync.inboxOpen > 0 ? qsTr("待处理 %1").arg(sync.inboxOpen)
          : sync.offline ? (waiting > 0 ? qsTr("离线 · %1 条待上传").arg(waiting) : qsTr("离线"))
          : waiting > 0 ? qsTr("%1 条待上传").arg(waiting)
          : qsTr("已同步")
    Accessible.name: qsTr("同步状态：%1").arg(text)

    BusyIndicator {
        running: button.sync !== null && button.sync.busy
        visible: running
        width: 24
        height: 24
        anchors.verticalCenter: parent.verticalCenter
        anchors.right: parent.left
        Material.accent: "white"
    }
}
