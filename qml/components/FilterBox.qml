import QtQuick.Controls

// One filter menu: {value, label} choices, the first meaning "any". `value` is the choice made;
// when the menu's choices are read again (after a sync or an approval) the same choice stays
// selected, or falls back to "any" if it is no longer offered.
ComboBox {
    id: box

    property string value: ""

    width: 200
    textRole: "label"
    valueRole: "value"
    onActivated: value = currentValue
    onModelChanged: Qt.callLater(() => {
        const index = box.indexOfValue(box.value)
        box.currentIndex = Math.max(index, 0)
        if (index < 0)
            box.value = ""
    })
}
