import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// Sync: what waits on this device, the run in progress, the last sync and its error.
Page {
    id: page

    readonly property SyncService sync: Services.sync

    title: qsTr("同步")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        ProgressBar {
            visible: page.sync && page.sync.busy
            indeterminate: page.sync && page.sync.progress < 0
            value: page.sync ? Math.max(page.sync.progress, 0) : 0
            Layout.fillWidth: true
            Accessible.name: qsTr("同步进度")
        }
        FactRow { label: qsTr("待同步修改"); value: page.sync ? String(page.sync.pending) : "" }
        FactRow { label: qsTr("待上传照片文件"); value: page.sync ? String(page.sync.photoFilesWaiting) : "" }
        FactRow {
            label: qsTr("上传被拒的照片")
            value: page.sync && page.sync.photoFilesFailed > 0 ? String(page.sync.photoFilesFailed) : ""
        }
        FactRow { label: qsTr("待处理（退回与冲突）"); value: page.sync ? String(page.sync.inboxOpen) : "" }
        FactRow {
            label: qsTr("上次同步")
            value: page.sync && page.sync.lastSyncAt !== "" ? page.sync.lastSyncAt : qsTr("尚未同步")
        }
        Label {
            visible: page.sync && page.sync.lastError !== ""
            text: page.sync ? (page.sync.offline ? qsTr("无法连接服务器，修改已保存在本机，恢复网络后自动同步。")
                                                  : page.sync.lastError) : ""
            color: page.sync && page.sync.offline ? Material.hintTextColor : Material.color(Material.Red)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Button {
                text: qsTr("立即同步")
                highlighted: true
                enabled: page.sync && !page.sync.busy
                onClicked: page.sync.syncNow()
            }
            Button {
                text: qsTr("停止")
                visible: page.sync && page.sync.busy
                onClicked: page.sync.cancel()
            }
        }
        Item { Layout.fillHeight: true }
    }
}
