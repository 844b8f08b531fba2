import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A labelled input with the core's problem for it underneath.
ColumnLayout {
    id: field

    property string label
    property string error
    default property alias content: holder.data

    spacing: 2
    Layout.fillWidth: true

    Label {
        text: field.label
        color: field.error !== "" ? Material.color(Material.Red) : Material.hintTextColor
        font.pixelSize: 13
        Layout.topMargin: 8
    }
    RowLayout {
        id: holder
        Layout.fillWidth: true
    }
    Label {
        visible: field.error !== ""
        text: field.error
        color: Material.color(Material.Red)
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
