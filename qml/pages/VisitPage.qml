import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Duban

// A site visit: when, where (the device's position with its accuracy, or typed), photos,
// notes and people met. Saved as a draft on every change; works with no network.
Page {
    id: page

    property string projectId
    property string visitId

    title: qsTr("现场走访")

    VisitEditor {
        id: editor
        services: Services
        projectId: page.projectId
        Component.onCompleted: if (page.visitId !== "") editor.load(page.visitId)
        onSubmitted: page.StackView.view.pop()
    }

    FileDialog {
        id: photoDialog
        objectName: "photoDialog"
        title: qsTr("选择照片")
        nameFilters: [qsTr("JPEG 照片 (*.jpg *.jpeg)")]
        fileMode: FileDialog.OpenFiles
        onAccepted: selectedFiles.forEach(file => editor.addPhoto(file))
    }

    MediaDevices {
        id: mediaDevices
    }

    // Created only when the camera is opened, so a device without one never starts it.
    Loader {
        id: camera
        active: false
        sourceComponent: CameraCapture {
            nextFile: () => editor.newCaptureFile()
            onCaptured: file => editor.addPhoto(file)
            onClosed: camera.active = false  // qmllint disable unqualified
            Component.onCompleted: open()
        }
    }

    Shortcut {
        sequence: "Ctrl+S"
        enabled: page.StackView.status === StackView.Active && editor.editable && !editor.saving
        onActivated: editor.save()
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: page.StackView.status === StackView.Active && editor.editable && !editor.saving
        onActivated: editor.submit()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 32, 720)
            x: 16
            spacing: 4

            Item { Layout.preferredHeight: 8 }
            FormField {
                label: qsTr("走访时间（北京时间）")
                error: editor.errors.visited_at || ""
                TextField {
                    text: editor.visitedAt
                    enabled: editor.editable
                    Accessible.name: qsTr("走访时间")
                    Layout.fillWidth: true
                    onTextEdited: editor.visitedAt = text
                }
            }
            FormField {
                label: editor.positionSource === "gps" ? qsTr("位置（设备定位）") : qsTr("位置（手动填写）")
                error: editor.errors.position || ""
                TextField {
                    text: editor.latitude
                    placeholderText: qsTr("纬度")
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    enabled: editor.editable
                    Accessible.name: qsTr("纬度")
                    Layout.fillWidth: true
                    onTextEdited: editor.latitude = text
                }
                TextField {
                    text: editor.longitude
                    placeholderText: qsTr("经度")
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    enabled: editor.editable
                    Accessible.name: qsTr("经度")
                    Layout.fillWidth: true
                    onTextEdited: editor.longitude = text
                }
                TextField {
                    text: editor.accuracy
                    placeholderText: qsTr("精度(米)")
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    enabled: editor.editable
                    Accessible.name: qsTr("定位精度，米")
                    Layout.preferredWidth: 90
                    onTextEdited: editor.accuracy = text
                }
            }
            DevicePosition {
                enabled: editor.editable
                onFix: (latitude, longitude, accuracy) => editor.setDevicePosition(latitude, longitude, accuracy)
            }
            FormField {
                label: qsTr("照片")
                error: editor.errors.photos || ""
                Flow {
                    spacing: 8
                    Layout.fillWidth: true
                    Repeater {
                        model: editor.photos
                        delegate: Image {
                            id: shot
                            required property var modelData
                            source: modelData.thumbnail
                            width: 96
                            height: 96
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                            Accessible.name: qsTr("照片 %1").arg(modelData.caption)
                            // Its upload once the visit syncs (the record page shows it too).
                            UploadProgress {
                                anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 2 }
                                sha256: shot.modelData.sha256
                            }
                        }
                    }
                    Button {
                        objectName: "takePhoto"
                        // Only where Qt Multimedia sees a camera; files always work.
                        visible: mediaDevices.videoInputs.length > 0
                        text: qsTr("拍照")
                        enabled: editor.editable
                        onClicked: camera.active = true
                    }
                    Button {
                        objectName: "photoFromFile"
                        text: editor.addingPhoto ? qsTr("正在处理…") : qsTr("从文件添加照片")
                        enabled: editor.editable && !editor.addingPhoto
                        // Qt's dialog crashes inside Qt when one of its modules is missing.
                        onClicked: if (Services.fileDialogProblem === "") photoDialog.open()
                                   else fileDialogProblem.visible = true
                    }
                }
            }
            Label {
                id: fileDialogProblem
                objectName: "fileDialogProblem"
                visible: false
                text: Services.fileDialogProblem
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            FormField {
                label: qsTr("走访记录")
                error: editor.errors.notes || ""
                TextArea {
                    text: editor.notes
                    wrapMode: TextArea.Wrap
                    enabled: editor.editable
                    Accessible.name: qsTr("走访记录")
                    Layout.fillWidth: true
                    Layout.minimumHeight: 80
                    onTextChanged: if (activeFocus) editor.notes = text
                }
            }
            FormField {
                label: qsTr("见面人员")
                error: editor.errors.people_met || ""
                TextField {
                    text: editor.peopleMet
                    enabled: editor.editable
                    Accessible.name: qsTr("见面人员")
                    Layout.fillWidth: true
                    onTextEdited: editor.peopleMet = text
                }
            }
            EditorStatus { editor: editor }
            RowLayout {
                Button {
                    text: qsTr("提交")
                    highlighted: true
                    enabled: editor.editable && !editor.saving
                    onClicked: editor.submit()
                }
                Button {
                    text: qsTr("保存草稿")
                    flat: true
                    enabled: editor.editable && !editor.saving
                    onClicked: editor.save()
                }
            }
            Item { Layout.preferredHeight: 16 }
        }
    }
}
