import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// One photo's upload (SyncService.uploadProgress): "待上传" until its bytes move, then a bar with
// the percentage, then "已上传". Hidden for a photo that was never waiting.
ColumnLayout {
    id: upload

    property string sha256: ""
    property bool waiting: false
    property real fraction: -1  // -1: not started on this screen

    visible: waiting || fraction >= 0
    spacing: 0

    Connections {
        target: Services.sync
        function onUploadProgress(sha256, sent, total) {
            if (sha256 === upload.sha256 && total > 0)
                upload.fraction = sent / total
        }
    }

    ProgressBar {
        visible: upload.fraction >= 0 && upload.fraction < 1
        value: Math.max(upload.fraction, 0)
        Layout.fillWidth: true
    }
    Label {
        objectName: "uploadState"
        text: upload.fraction >= 1 ? qsTr("已上传")
              : upload.fraction >= 0 ? qsTr("上传中 %1%").arg(Math.floor(upload.fraction * 100))
              : qsTr("待上传")
        font.pixelSize: 11
        color: "#424242"
        leftPadding: 3
        background: Rectangle {
            color: "#DDFFFFFF"  // readable over the photo
            radius: 3
        }
        Layout.fillWidth: true
    }
}
