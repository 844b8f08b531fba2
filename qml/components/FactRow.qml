import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A labelled fact; hidden when the notice gives none.
RowLayout {
    id: fact

    property string label
    property string value

    visible: value !== ""
    spacing: 12
    Layout.fillWidth: true

    Label {
        text: fact.label
        color: Material.hintTextColor
        Layout.preferredWidth: 110
        Layout.alignment: Qt.AlignTop
        wrapMode: Text.Wrap
    }
    Label {
        text: fact.value
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
