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
        PhotoUploadsModel {
            id: uploads
            services: Services
        }
        Label {
            text: qsTr("照片上传")
            font.bold: true
            visible: uploads.count > 0
        }
        Repeater {
            model: uploads
            delegate: RowLayout {
                id: upload
                required property string kind
                required property string state
                required property real progress
                required property string size
                required property string error
                Layout.fillWidth: true
                Label {
                    text: (upload.kind === "thumbnail" ? qsTr("缩略图") : qsTr("照片")) + " · " + upload.size
                    Layout.preferredWidth: 130
                }
                ProgressBar {
                    visible: upload.state !== "failed"
                    value: upload.progress
                    Layout.fillWidth: true
                    Accessible.name: qsTr("上传进度 %1%").arg(Math.round(upload.progress * 100))
                }
                Label {
                    visible: upload.state === "failed"
                    text: qsTr("被拒绝：%1").arg(upload.error)
                    color: Material.color(Material.Red)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
        Label {
            text: qsTr("待处理")
            font.bold: true
            visible: inbox.count > 0
        }
        InboxModel {
            id: inbox
            services: Services
        }
        ListView {
            model: inbox
            clip: true
            spacing: 8
            Layout.fillWidth: true
            Layout.fillHeight: true

            delegate: ColumnLayout {
                id: item
                required property string itemId
                required property string kind
                required property string entity
                required property string text
                required property string typed
                required property string at

                width: ListView.view.width
                spacing: 2
                Label {
                    text: (item.kind === "conflict" ? qsTr("冲突") : qsTr("被退回的修改")) + " · " + item.at
                    font.bold: true
                }
                Label {
                    text: item.text
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: item.typed !== "{}"
                    text: qsTr("您填写的内容：%1").arg(item.typed)
                    color: Material.hintTextColor
                    wrapMode: Text.Wrap
                    font.pixelSize: 13
                    Layout.fillWidth: true
                }
                RowLayout {
                    Button {
                        text: qsTr("重新提交")
                        flat: true
                        onClicked: inbox.resubmit(item.itemId)  // qmllint disable unqualified
                    }
                    Button {
                        text: qsTr("放弃")
                        flat: true
                        onClicked: inbox.discard(item.itemId)  // qmllint disable unqualified
                    }
                }
            }
        }
        Label {
            visible: inbox.message !== ""
            text: inbox.message
            color: Material.color(Material.Red)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Item {
            visible: inbox.count === 0
            Layout.fillHeight: true
        }
    }
}
