import QtQuick
import QtQuick.Controls

// One filter menu: {value, label} choices, the first meaning "any".
ComboBox {
    width: 200
    textRole: "label"
    valueRole: "value"
}
