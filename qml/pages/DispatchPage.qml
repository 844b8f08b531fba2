import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// The month on the supervisor's board (月调度): who reported by the 23rd, investment completed
// against the annual plan, milestones due and overdue, warnings; grouped with subtotals.
Page {
    id: page

    property alias period: board.period
    signal openProject(string projectId)

    title: qsTr("月调度")

    DispatchBoard {
        id: board
        objectName: "board"
        services: Services
        kind: kindBox.currentIndex === 1 ? "work_task" : "investment_project"
        grouping: ["category", "unit", "township"][Math.max(groupingBox.currentIndex, 0)]
        listCode: listBox.value
    }

    FilterOptions {
        id: options
        store: Services.store
    }

    header: Pane {
        padding: 8
        Flow {
            width: parent.width
            spacing: 8
            RowLayout {
                spacing: 0
                ToolButton {
                    text: "‹"
                    font.pixelSize: 20
                    Accessible.name: qsTr("上个月")
                    onClicked: board.previousMonth()
                }
                TextField {
                    text: board.period
                    horizontalAlignment: Text.AlignHCenter
                    Layout.preferredWidth: 96
                    Accessible.name: qsTr("月份")
                    onEditingFinished: board.period = text
                }
                ToolButton {
                    text: "›"
                    font.pixelSize: 20
                    Accessible.name: qsTr("下个月")
                    onClicked: board.nextMonth()
                }
            }
            ComboBox {
                id: kindBox
                width: 160
                model: [qsTr("重点项目"), qsTr("工作任务")]
                Accessible.name: qsTr("项目或工作任务")
            }
            ComboBox {
                id: groupingBox
                width: 150
                model: [qsTr("按类别"), qsTr("按责任单位"), qsTr("按所在乡镇")]
                Accessible.name: qsTr("分组")
            }
            FilterBox {
                id: listBox
                width: 240
                model: options.lists
                Accessible.name: qsTr("清单")
            }
            Button {
                text: qsTr("导出 Excel")
                flat: true
                enabled: !board.loading && board.periodError === ""
                onClicked: board.exportXlsx()
            }
            Button {
                text: qsTr("导出 PDF")
                flat: true
                enabled: !board.loading && board.periodError === ""
                onClicked: board.exportPdf()
            }
        }
    }

    ListView {
        id: list
        objectName: "dispatchList"
        anchors.fill: parent
        model: board
        clip: true
        ScrollBar.vertical: ScrollBar {}

        // The summary scrolls with the rows (a phone needs the room); as the list's header it is a
        // component of its own, which reads the page's board (qmllint 6.4 flags that; D23).
        // qmllint disable unqualified
        header: ColumnLayout {
            width: ListView.view.width
            spacing: 8
            Label {
                visible: board.exported !== "" || board.exportError !== ""
                text: board.exportError !== "" ? qsTr("导出失败：%1").arg(board.exportError)
                                               : qsTr("已导出：%1").arg(board.exported)
                color: board.exportError !== "" ? Material.color(Material.Red) : Material.foreground
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.margins: 12
            }
            Label {
                visible: text !== ""
                text: board.periodError !== "" ? board.periodError : board.loadError
                color: Material.color(Material.Red)
                Layout.margins: 12
            }
            Label {
                text: qsTr("%1 · 共 %2 个 · 按时报送 %3 · 逾期报送 %4 · 被退回 %5 · 未报送 %6 · 逾期节点 %7")
                      .arg(board.period).arg(board.totals.projects || 0).arg(board.totals.onTime || 0)
                      .arg(board.totals.late || 0).arg(board.totals.returned || 0)
                      .arg(board.totals.missing || 0).arg(board.totals.overdue || 0)
                wrapMode: Text.Wrap
                font.bold: true
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
                Layout.topMargin: 8
            }
            Label {
                visible: text !== ""
                text: board.totals.targetCounts || ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Label {
                visible: kindBox.currentIndex === 0
                text: qsTr("1—本月完成投资 %1 万元，年度计划 %2 万元，完成率 %3")
                      .arg(board.totals.completed || "—").arg(board.totals.plan || "—")
                      .arg(board.totals.rate || "—")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            GridLayout {
                visible: kindBox.currentIndex === 0
                columns: page.width >= 800 ? 2 : 1
                columnSpacing: 24
                Layout.fillWidth: true
                Layout.margins: 12
                GroupChart {
                    title: qsTr("按类别完成率")
                    bars: board.byCategory
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                GroupChart {
                    title: qsTr("按责任单位完成率")
                    bars: board.byUnit
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
            }
        }

        // qmllint enable unqualified
        delegate: ItemDelegate {
            id: row
            required property string entry
            required property string label
            required property string projectId
            required property string years
            required property string stage
            required property string plan
            required property string completed
            required property string rate
            required property string status
            required property string statusText
            required property string progress
            required property string problems
            required property string units
            required property string nextMilestone
            required property int overdue
            required property int warningLevel
            required property string counts
            required property string target
            required property string targetDetail
            required property string yearTarget
            required property string reported
            required property string targetStatus
            required property string targetStatusText
            required property string targetCounts

            width: ListView.view.width
            enabled: entry === "project"
            Accessible.name: entry === "group" ? label + " " + counts
                                               : [label, statusText, targetStatusText].filter(s => s !== "").join(" ")
            onClicked: page.openProject(projectId)  // qmllint disable unqualified
            background: Rectangle {
                color: row.entry === "group" ? "#FBE9E7" : (row.down ? "#EEEEEE" : "transparent")
            }

            contentItem: ColumnLayout {
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: row.label
                        font.bold: true
                        font.pixelSize: row.entry === "group" ? 16 : 15
                        color: Material.foreground
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    StatusBadge {
                        visible: row.entry === "project"
                        text: row.statusText
                        tone: row.status === "on_time" ? "#2E7D32"
                            : row.status === "late" ? "#E65100"
                            : row.status === "returned" ? "#6A1B9A"
                            : row.status === "missing" ? "#B71C1C" : "#78909C"
                    }
                    StatusBadge {
                        objectName: "targetStatus"
                        visible: row.entry === "project" && row.targetStatus !== ""
                        text: row.targetStatusText
                        tone: row.targetStatus === "achieved" ? "#2E7D32"
                            : row.targetStatus === "on_track" ? "#1565C0"
                            : row.targetStatus === "behind" ? "#B71C1C" : "#78909C"
                    }
                    WarningBadge {
                        level: row.warningLevel
                    }
                }
                Label {
                    visible: row.entry === "group"
                    text: row.counts
                    color: Material.hintTextColor
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "targetCounts"
                    visible: row.entry === "group" && row.targetCounts !== ""
                    text: row.targetCounts
                    color: Material.hintTextColor
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.entry === "project"
                    text: [row.units, row.years, row.stage].filter(s => s !== "").join(" · ")
                    color: Material.hintTextColor
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: kindBox.currentIndex === 0  // qmllint disable unqualified
                    text: qsTr("完成 %1 / 计划 %2 万元 · 完成率 %3").arg(row.completed).arg(row.plan).arg(row.rate)
                    font.pixelSize: 13
                    Layout.fillWidth: true
                }
                // A work task's target columns: 本期目标, 全年目标, 已报进度 (目标状态 is the badge).
                Label {
                    objectName: "target"
                    visible: row.entry === "project" && row.targetStatus !== ""
                    text: qsTr("本期目标：%1").arg(row.target)
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "targetDetail"
                    visible: row.entry === "project" && row.targetDetail !== ""
                    text: row.targetDetail
                    color: Material.hintTextColor
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "yearTarget"
                    visible: row.entry === "project" && row.targetStatus !== ""
                    text: qsTr("全年目标：%1").arg(row.yearTarget)
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "reported"
                    visible: row.entry === "project" && row.targetStatus !== ""
                    text: qsTr("已报进度：%1").arg(row.reported)
                    color: row.targetStatus === "behind" ? Material.color(Material.Red) : Material.foreground
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    // A task's row shows its progress toward the target (已报进度) instead.
                    visible: row.entry === "project" && row.progress !== "" && row.targetStatus === ""
                    text: qsTr("形象进度：%1").arg(row.progress)
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.entry === "project" && row.problems !== ""
                    text: qsTr("存在问题：%1").arg(row.problems)
                    color: Material.color(Material.Red)
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.entry === "project" && (row.overdue > 0 || row.nextMilestone !== "")
                    text: (row.overdue > 0 ? qsTr("逾期节点 %1 个 · ").arg(row.overdue) : "")
                          + qsTr("下一节点：%1").arg(row.nextMilestone || "—")
                    color: row.overdue > 0 ? Material.color(Material.DeepOrange) : Material.hintTextColor
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: list.count === 0 && !board.loading
            text: qsTr("这个月没有要调度的项目")
            color: Material.hintTextColor
        }
    }
}
