import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// One report or visit as the reviewer sees it — the exact version a decision applies to, its
// photos — with the actions the core rules allow this user now.
Page {
    id: page

    property string recordId

    title: actions.entity === "site_visit" ? qsTr("走访记录") : qsTr("进度填报")

    RecordActions {
        id: actions
        services: Services
        recordId: page.recordId
    }

    readonly property var stateNames: ({
        draft: qsTr("草稿"), submitted: qsTr("已提交"), confirmed: qsTr("企业已确认"),
        returned: qsTr("已退回"), approved: qsTr("已通过")
    })

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 32, 760)
            x: 16
            spacing: 6

            Item { Layout.preferredHeight: 8 }
            Label {
                text: actions.record.project || ""
                font.pixelSize: 18
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            PendingTag {
                objectName: "recordPending"
                pending: actions.record.queued === true
            }
            FactRow {
                label: qsTr("状态")
                value: (page.stateNames[actions.state] || actions.state) + qsTr("（第 %1 版）").arg(actions.version)
            }
            FactRow { label: qsTr("填报月份"); value: actions.record.period || "" }
            FactRow {
                label: qsTr("本月完成投资")
                value: actions.entity === "progress_report" ? (actions.record.investment || "") : ""
            }
            FactRow {
                label: qsTr("形象进度")
                value: actions.record.percent >= 0 ? actions.record.percent + "%" : ""
            }
            FactRow { label: qsTr("进展情况"); value: actions.record.narrative || "" }
            FactRow { label: qsTr("存在问题"); value: actions.record.problems || "" }
            FactRow { label: qsTr("需协调解决事项"); value: actions.record.coordination || "" }
            FactRow { label: qsTr("走访时间"); value: actions.record.visitedAt || "" }
            FactRow { label: qsTr("位置"); value: actions.record.position || "" }
            FactRow { label: qsTr("走访记录"); value: actions.record.notes || "" }
            FactRow { label: qsTr("见面人员"); value: actions.record.peopleMet || "" }

            Label {
                visible: actions.photos.length > 0
                text: qsTr("照片 %1 张").arg(actions.photos.length)
                font.bold: true
            }
            Flow {
                spacing: 8
                Layout.fillWidth: true
                Repeater {
                    model: actions.photos
                    delegate: Rectangle {
                        id: photo
                        required property var modelData
                        width: 120
                        height: 120
                        color: "#ECEFF1"
                        // Photos come on demand: the thumbnail when shown, the photo when opened.
                        Component.onCompleted: if (modelData.thumbnail.toString() === "" && Services.sync)
                                                   Services.sync.fetchBlob(modelData.thumbnailSha256)
                        TapHandler {
                            onTapped: {
                                viewer.sha = photo.modelData.sha256  // qmllint disable unqualified
                                viewer.source = ""
                                viewer.open()
                                Services.sync.fetchBlob(photo.modelData.sha256)
                            }
                        }
                        Image {
                            anchors.fill: parent
                            source: photo.modelData.thumbnail
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                        }
                        Label {
                            anchors.centerIn: parent
                            visible: photo.modelData.thumbnail.toString() === ""
                            text: qsTr("未下载")
                            color: Material.hintTextColor
                        }
                        UploadProgress {
                            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 4 }
                            sha256: photo.modelData.sha256
                            waiting: photo.modelData.uploading === true
                        }
                        Accessible.name: qsTr("照片 %1").arg(modelData.size)
                    }
                }
            }

            TextArea {
                text: actions.comment
                visible: actions.canReturn || actions.canDispute
                placeholderText: actions.canReturn ? qsTr("退回意见（退回时必填）") : qsTr("异议说明（有异议时必填）")
                wrapMode: TextArea.Wrap
                Accessible.name: qsTr("意见")
                Layout.fillWidth: true
                onTextChanged: actions.comment = text
            }
            Label {
                visible: actions.message !== ""
                text: actions.message
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Flow {
                spacing: 8
                Layout.fillWidth: true
                Button {
                    visible: actions.canApprove
                    text: qsTr("通过")
                    highlighted: true
                    onClicked: actions.approve()
                }
                Button {
                    visible: actions.canReturn
                    text: qsTr("退回")
                    enabled: actions.returnReady
                    onClicked: actions.returnForCorrection()
                }
                Button {
                    visible: actions.canConfirm
                    text: qsTr("确认属实")
                    highlighted: true
                    onClicked: actions.confirm()
                }
                Button {
                    visible: actions.canDispute
                    text: qsTr("有异议")
                    enabled: actions.disputeReady
                    onClicked: actions.dispute()
                }
                Button {
                    visible: actions.canSubmit
                    text: qsTr("提交")
                    highlighted: true
                    onClicked: actions.submit()
                }
                Button {
                    visible: actions.canEdit
                    text: qsTr("修改")
                    onClicked: page.StackView.view.push(
                                   actions.entity === "site_visit" ? visitPage : reportPage,
                                   actions.entity === "site_visit" ? { visitId: page.recordId }
                                                                   : { reportId: page.recordId })
                }
            }
            Item { Layout.preferredHeight: 16 }
        }
    }

    Popup {
        id: viewer
        property string sha
        property url source
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 16, 1200)
        height: Math.min(page.height - 16, 900)
        modal: true
        Image {
            anchors.fill: parent
            source: viewer.source
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        BusyIndicator {
            anchors.centerIn: parent
            running: viewer.source.toString() === ""
        }
        Connections {
            target: Services.sync
            function onBlobReady(sha, file) {
                if (sha === viewer.sha)
                    viewer.source = file
            }
        }
    }

    Component {
        id: visitPage
        VisitPage {}
    }
    Component {
        id: reportPage
        ReportPage {}
    }
}
