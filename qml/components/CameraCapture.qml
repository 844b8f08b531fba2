import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia

// The device's camera, full screen: a live preview and a shutter. Each shot is written to the
// file `nextFile()` gives and announced by `captured`; the camera runs only while this is open.
Popup {
    id: popup

    // Returns the file URL for the next shot (VisitEditor.newCaptureFile).
    property var nextFile: function() { return "" }
    signal captured(url file)

    modal: true
    padding: 0
    parent: Overlay.overlay
    width: parent ? parent.width : 360
    height: parent ? parent.height : 640

    CaptureSession {
        camera: Camera {
            id: camera
            active: popup.opened
        }
        imageCapture: ImageCapture {
            id: shutter
            onImageSaved: (requestId, path) => popup.captured(Qt.url("file://" + path))
            onErrorOccurred: (requestId, error, message) => problem.text = message
        }
        videoOutput: preview
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        VideoOutput {
            id: preview
            fillMode: VideoOutput.PreserveAspectFit
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        Label {
            id: problem
            visible: text !== ""
            color: Material.color(Material.Red)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.margins: 8
        }
        RowLayout {
            Layout.margins: 8
            Button {
                objectName: "shutter"
                text: qsTr("拍照")
                highlighted: true
                enabled: shutter.readyForCapture
                Accessible.name: qsTr("拍照")
                Layout.fillWidth: true
                onClicked: {
                    problem.text = ""
                    const file = popup.nextFile()
                    if (file.toString() === "")
                        problem.text = qsTr("无法在数据目录中保存照片")
                    else
                        shutter.captureToFile(file.toString().replace("file://", ""))
                }
            }
            Button {
                text: qsTr("完成")
                flat: true
                onClicked: popup.close()
            }
        }
    }
}
