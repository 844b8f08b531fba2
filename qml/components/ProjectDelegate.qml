import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One project in the list: name, units, investment and this year's completion, warning level.
ItemDelegate {
    id: row

    required property string projectId
    required property string name
    required property string units
    required property string category
    required property string stage
    required property string years
    required property string totalInvestment
    required property string planInvestment
    required property real completionPercent
    required property string completionRate
    required property int warningLevel
    required property int waiting  // its reports and visits not sent yet

    Accessible.name: name
    padding: 12

    contentItem: RowLayout {
        spacing: 12

        ColumnLayout {
            spacing: 4
            Layout.fillWidth: true

            Label {
                text: row.name
                font.pixelSize: 16
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: [row.category, row.stage, row.years].filter(s => s !== "").join(" · ")
                visible: text !== ""
                color: Material.hintTextColor
                font.pixelSize: 13
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: row.units
                font.pixelSize: 13
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 8
                // Work tasks (targets, not investments) have no figures in 万元.
                visible: row.totalInvestment !== "—" || row.planInvestment !== "—"
                Layout.fillWidth: true
                Label {
                    text: qsTr("总投资 %1").arg(row.totalInvestment)
                    font.pixelSize: 13
                }
                Label {
                    text: qsTr("年度计划 %1").arg(row.planInvestment)
                    font.pixelSize: 13
                    color: Material.hintTextColor
                }
            }
            ProgressBar {
                visible: row.completionPercent >= 0
                value: Math.min(row.completionPercent, 100) / 100
                Layout.fillWidth: true
                Accessible.name: qsTr("完成率 %1").arg(row.completionRate)
            }
        }
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            WarningBadge {
                level: row.warningLevel
                Layout.alignment: Qt.AlignRight
            }
            PendingTag {
                objectName: "projectPending"
                pending: row.waiting > 0
                text: row.waiting > 1 ? qsTr("%1 条待上传").arg(row.waiting) : qsTr("待上传")
                Layout.alignment: Qt.AlignRight
            }
        }
    }
}
