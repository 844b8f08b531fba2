import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// Completion (完成率) per group as horizontal bars: groupBar values (label, plan, completed, rate,
// rateText), 万元.
ColumnLayout {
    id: chart

    property string title
    property var bars: []

    spacing: 4
    Accessible.name: title

    Label {
        text: chart.title
        font.bold: true
    }
    Repeater {
        model: chart.bars
        delegate: RowLayout {
            id: bar
            required property groupBar modelData
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: bar.modelData.label
                elide: Text.ElideRight
                Layout.preferredWidth: 120
            }
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: 16
                Rectangle {
                    anchors.fill: parent
                    color: "#ECEFF1"
                    radius: 3
                }
                Rectangle {
                    width: parent.width * Math.min(Math.max(bar.modelData.rate, 0), 100) / 100
                    height: parent.height
                    radius: 3
                    color: bar.modelData.rate >= 100 ? "#2E7D32" : "#1565C0"
                }
            }
            Label {
                text: bar.modelData.rateText
                horizontalAlignment: Text.AlignRight
                Layout.preferredWidth: 56
            }
        }
    }
}
