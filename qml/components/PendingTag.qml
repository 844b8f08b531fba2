import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// 待上传: a record with changes this device has not sent yet (offline, or waiting for the next
// sync). Hidden when there are none.
Label {
    id: tag

    property bool pending: false

    visible: pending
    text: qsTr("待上传")
    font.pixelSize: 12
    color: "#5D4037"
    leftPadding: 6
    rightPadding: 6
    topPadding: 1
    bottomPadding: 1
    background: Rectangle {
        radius: 8
        color: "#FFE0B2"
    }
    Accessible.name: qsTr("尚未上传到服务器")
}
