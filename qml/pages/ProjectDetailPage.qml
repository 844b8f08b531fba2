import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// One project: the notice's facts, plan against completion this year, milestones, and what
// happened (reports, visits, reviews, warnings), newest first.
Page {
    id: page

    property string projectId

    title: detail.found ? detail.facts.name : qsTr("项目")

    signal openRecord(string recordId)
    signal newVisit(string projectId)
    signal newReport(string projectId)
    signal openWarnings(string projectId)

    ProjectDetail {
        id: detail
        store: Services.store
        projectId: page.projectId
    }

    WarningsModel {
        id: openLetters
        services: Services
        projectId: page.projectId
        openOnly: true
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 12

            WarningBanner {
                waiting: openLetters.toAcknowledge
                Layout.fillWidth: true
                onClicked: page.openWarnings(page.projectId)
            }
            Label {
                visible: detail.message !== ""
                text: detail.message
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Pane {
                Layout.fillWidth: true
                Material.elevation: 1

                ColumnLayout {
                    width: parent.width
                    spacing: 6

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: detail.facts.name || ""
                            font.pixelSize: 20
                            font.bold: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        WarningBadge { level: detail.facts.warningLevel || 0 }
                    }
                    Flow {
                        visible: Services.authorsRecords
                        spacing: 8
                        Layout.fillWidth: true
                        Button {
                            text: qsTr("现场走访")
                            highlighted: true
                            onClicked: page.newVisit(page.projectId)
                        }
                        Button {
                            text: qsTr("进度填报")
                            highlighted: true
                            onClicked: page.newReport(page.projectId)
                        }
                    }
                    FactRow { label: qsTr("所属清单"); value: detail.facts.lists || "" }
                    FactRow { label: qsTr("类别"); value: detail.facts.category || "" }
                    FactRow { label: qsTr("建设阶段"); value: detail.facts.stage || "" }
                    FactRow { label: qsTr("建设起止年限"); value: detail.facts.years || "" }
                    FactRow { label: qsTr("牵头单位"); value: detail.facts.leadUnits || "" }
                    FactRow { label: qsTr("责任单位"); value: detail.facts.responsibleUnits || "" }
                    FactRow { label: qsTr("所在乡镇"); value: detail.facts.township || "" }
                    FactRow { label: qsTr("建设规模及内容"); value: detail.facts.scope || "" }
                    FactRow { label: qsTr("年度建设内容"); value: detail.facts.planContent || "" }
                    FactRow { label: qsTr("备注"); value: detail.facts.remarks || "" }
                }
            }

            Pane {
                Layout.fillWidth: true
                Material.elevation: 1

                ColumnLayout {
                    width: parent.width
                    spacing: 6

                    Label {
                        text: qsTr("投资情况")
                        font.bold: true
                        font.pixelSize: 16
                    }
                    FactRow { label: qsTr("总投资"); value: detail.facts.totalInvestment || "" }
                    FactRow { label: qsTr("以前年度完成"); value: detail.facts.completedBefore || "" }
                    FactRow {
                        label: qsTr("%1年计划投资").arg(detail.facts.planYear || "")
                        value: detail.facts.planInvestment || ""
                    }
                    FactRow { label: qsTr("今年已完成"); value: detail.facts.completedThisYear || "" }
                    FactRow { label: qsTr("完成率"); value: detail.facts.completionRate || "" }
                    PlanChart {
                        plan: detail.facts.planWan || 0
                        completed: detail.facts.completedWan || 0
                        Layout.fillWidth: true
                    }
                }
            }

            Pane {
                Layout.fillWidth: true
                Material.elevation: 1
                visible: detail.milestones.length > 0

                ColumnLayout {
                    width: parent.width
                    spacing: 6

                    Label {
                        text: qsTr("节点目标")
                        font.bold: true
                        font.pixelSize: 16
                    }
                    Repeater {
                        model: detail.milestones
                        delegate: RowLayout {
                            id: milestone
                            required property var modelData
                            Layout.fillWidth: true
                            Label {
                                text: milestone.modelData.achieved ? "✓" : "○"
                                color: milestone.modelData.achieved ? Material.color(Material.Green) : Material.hintTextColor
                            }
                            Label {
                                text: milestone.modelData.title
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: milestone.modelData.due
                                color: Material.hintTextColor
                            }
                        }
                    }
                }
            }

            Pane {
                Layout.fillWidth: true
                Material.elevation: 1

                ColumnLayout {
                    width: parent.width
                    spacing: 8

                    Label {
                        text: qsTr("动态")
                        font.bold: true
                        font.pixelSize: 16
                    }
                    Label {
                        visible: detail.timeline.length === 0
                        text: qsTr("还没有填报、走访或审核记录")
                        color: Material.hintTextColor
                    }
                    Repeater {
                        model: detail.timeline
                        delegate: TimelineEntry {
                            required property var modelData
                            entry: modelData
                            Layout.fillWidth: true
                            onOpen: if (modelData.kind === "report" || modelData.kind === "visit")
                                        page.openRecord(modelData.id)
                        }
                    }
                }
            }
        }
    }
}
