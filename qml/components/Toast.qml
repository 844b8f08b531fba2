import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A short confirmation at the bottom of the window ("已提交", "已保存，联网后自动上传") that goes by
// itself after a few seconds.
Popup {
    id: toast

    property string text: ""

    function show(message) {
        toast.text = message
        hideTimer.restart()
        open()
    }

    x: (parent ? parent.width - width : 0) / 2
    y: parent ? parent.height - height - 72 : 0
    padding: 12
    leftPadding: 20
    rightPadding: 20
    closePolicy: Popup.NoAutoClose
    modal: false
    focus: false
    Material.theme: Material.Dark

    contentItem: Label {
        objectName: "toastText"
        text: toast.text
        color: "white"
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: toast.text
    }
    background: Rectangle {
        radius: 20
        color: "#DD323232"
    }
    SequentialAnimation {
        id: hideTimer
        PauseAnimation { duration: 3500 }
        ScriptAction { script: toast.close() }
    }
}
