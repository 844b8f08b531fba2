import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// This year's plan against what approved reports completed, as two bars in 万元.
ColumnLayout {
    id: chart

    property real plan: 0
    property real completed: 0
    readonly property real scale: Math.max(plan, completed, 1)

    spacing: 4
    visible: plan > 0 || completed > 0
    Accessible.name: qsTr("年度计划 %1 万元，已完成 %2 万元").arg(plan).arg(completed)

    Repeater {
        model: [
            { label: qsTr("计划"), value: chart.plan, color: "#90A4AE" },
            { label: qsTr("完成"), value: chart.completed, color: "#2E7D32" }
        ]
        delegate: RowLayout {
            id: bar
            required property var modelData
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: bar.modelData.label
                Layout.preferredWidth: 36
            }
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: 18
                Rectangle {
                    width: parent.width * bar.modelData.value / chart.scale
                    height: parent.height
                    radius: 3
                    color: bar.modelData.color
                }
            }
            Label {
                text: Number(bar.modelData.value).toLocaleString(Qt.locale("zh_CN"), "f", 0) + qsTr("万元")
                Layout.preferredWidth: 110
                horizontalAlignment: Text.AlignRight
            }
        }
    }
}
