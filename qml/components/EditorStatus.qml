import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Where a form stands: saving, saved at, or what stops it.
Label {
    id: status

    property var editor

    Layout.fillWidth: true
    Layout.topMargin: 8
    wrapMode: Text.Wrap
    color: editor.message !== "" ? Material.color(Material.Red) : Material.hintTextColor
    text: editor.message !== "" ? editor.message
          : editor.saving ? qsTr("正在保存…")
          : !editor.editable ? qsTr("已提交，不能再修改")
          : editor.savedAt !== "" ? qsTr("草稿已保存 %1，离线也不会丢失").arg(editor.savedAt)
          : qsTr("填写后自动保存草稿")
}
