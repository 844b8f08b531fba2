import QtQuick
import QtTest
import Duban
import DubanTest

// The dispatch board as the screen reads it: a month's key projects with their report status,
// figures in 万元, groups first, and the month switched by its buttons; a month's work tasks with
// their targets, the progress reported toward them and their status, as the page shows them.
TestCase {
    id: testCase
    name: "DispatchBoard"
    when: windowShown
    visible: true  // a TestCase is hidden by default; the task columns are checked as shown

    Component {
        id: boardComponent
        DispatchBoard {
            services: Services
            listCode: "key_projects_2022"
            today: "2022-06-30"
        }
    }
    Component {
        id: editorComponent
        ReportEditor { services: Services }
    }
    Component {
        id: pageComponent
        DispatchPage {}
    }

    function rowOf(board, projectId) {
        for (let i = 0; i < board.rowCount(); ++i) {
            const index = board.index(i, 0)
            if (board.data(index, DispatchBoard.ProjectIdRole) === projectId)
                return index
        }
        return null
    }

    function test_a_month_of_key_projects_with_status_figures_and_groups() {
        const project = Harness.projectIdByCode("key_projects_2022#1")
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        editor.period = "2022-06"
        editor.investment = "2,500"
        editor.percent = "40"
        editor.narrative = "二区酿酒车间主体完工"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000, editor.message)

        const board = createTemporaryObject(boardComponent, this, { period: "2022-06" })
        tryVerify(() => !board.loading && board.totals.projects === 45, 5000, JSON.stringify(board.totals))
        // Submitted now, years after the 23rd of June 2022: filed, but late; the rest are missing.
        compare(board.totals.late, 1)
        compare(board.totals.missing, 44)
        const row = rowOf(board, project)
        verify(row !== null)
        compare(board.data(row, DispatchBoard.StatusRole), "late")
        compare(board.data(row, DispatchBoard.StatusTextRole), "逾期报送")
        compare(board.data(row, DispatchBoard.CompletedRole), "2,500")
        compare(board.data(row, DispatchBoard.PlanRole), "105,018")
        compare(board.data(row, DispatchBoard.RateRole), "2.4%")
        compare(board.data(row, DispatchBoard.ProgressRole), "二区酿酒车间主体完工")
        // Groups first: the first entry heads 新型工业 with its subtotal.
        const first = board.index(0, 0)
        compare(board.data(first, DispatchBoard.EntryRole), "group")
        compare(board.data(first, DispatchBoard.LabelRole), "新型工业")
        verify(board.data(first, DispatchBoard.CountsRole).indexOf("逾期 1") >= 0)
        verify(board.byCategory.length >= 2)
        verify(board.byUnit.length >= 2)

        board.grouping = "unit"
        tryVerify(() => !board.loading && board.data(board.index(0, 0), DispatchBoard.LabelRole) !== "新型工业", 5000)
        compare(board.data(board.index(0, 0), DispatchBoard.EntryRole), "group")

        board.exportXlsx()
        tryVerify(() => board.exported !== "" || board.exportError !== "", 10000)
        compare(board.exportError, "")
        verify(board.exported.endsWith("/exports/月调度-2022-06.xlsx"), board.exported)
        verify(Harness.fileExists("file://" + board.exported))
        board.exportPdf()
        tryVerify(() => board.exported.endsWith(".pdf") || board.exportError !== "", 20000)
        compare(board.exportError, "")
        verify(board.exported.endsWith("/exports/月调度-2022-06.pdf"), board.exported)
        verify(Harness.fileExists("file://" + board.exported))

        board.previousMonth()
        compare(board.period, "2022-05")
        tryVerify(() => !board.loading && board.totals.late === 0, 5000)
        board.period = "2022-13"
        verify(board.periodError !== "")
    }

    // The text a row of the page shows in the labelled place (objectName) of its delegate.
    function shown(list, index, name) {
        list.positionViewAtIndex(index, ListView.Beginning)
        const item = list.itemAtIndex(index)
        verify(item !== null, "row " + index + " is not shown")
        const label = findChild(item, name)
        verify(label !== null, name)
        verify(label.visible, name + " is hidden")
        return label.text
    }

    function test_work_tasks_show_their_targets_progress_and_status() {
        // 每年培育2家规模以上工业企业 (企业上市, 市科工信局 with 经开区): 30% reported in May.
        const task = Harness.projectIdByCode("listing_tasks_2022#1")
        const editor = createTemporaryObject(editorComponent, this, { projectId: task })
        editor.period = "2022-05"
        editor.investment = "0"
        editor.percent = "30"
        editor.narrative = "新增规上企业1家"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000, editor.message)

        const page = createTemporaryObject(pageComponent, testCase, { width: 800, height: 600 })
        const board = findChild(page, "board")
        verify(board !== null)
        board.today = "2022-06-30"
        board.period = "2022-06"
        board.kind = "work_task"
        board.listCode = "listing_tasks_2022"
        tryVerify(() => !board.loading && board.totals.tasks === 15, 5000, JSON.stringify(board.totals))
        // On 30 June 181 of the year's 365 days are gone: 30% + 20 points is on track; the other
        // fourteen reported nothing and are behind.
        compare(board.totals.targetsOnTrack, 1)
        compare(board.totals.targetsBehind, 14)
        compare(board.totals.targetCounts, "目标：已完成 0 · 进行中 1 · 滞后 14 · 未开始 0 · 无目标 0")

        const row = rowOf(board, task)
        verify(row !== null)
        compare(board.data(row, DispatchBoard.TargetRole), "2022年：每年培育2家规模以上工业企业。")
        compare(board.data(row, DispatchBoard.TargetDetailRole), "目标值 2家 · 2022-12-31 到期")
        compare(board.data(row, DispatchBoard.YearTargetRole), "2022年：每年培育2家规模以上工业企业。（目标值 2家）")
        compare(board.data(row, DispatchBoard.ReportedRole), "30% · 2022-05 · 新增规上企业1家")
        compare(board.data(row, DispatchBoard.ReportedPercentRole), 30)
        compare(board.data(row, DispatchBoard.TargetStatusRole), "on_track")
        compare(board.data(row, DispatchBoard.TargetStatusTextRole), "进行中")
        const group = board.index(0, 0)
        compare(board.data(group, DispatchBoard.EntryRole), "group")
        verify(board.data(group, DispatchBoard.TargetCountsRole).startsWith("目标：已完成 "))

        // The page: the task's columns, its status badge, and the group's counts.
        const list = findChild(page, "dispatchList")
        verify(list !== null)
        tryVerify(() => list.count === board.rowCount(), 5000)
        compare(shown(list, row.row, "target"), "本期目标：2022年：每年培育2家规模以上工业企业。")
        compare(shown(list, row.row, "targetDetail"), "目标值 2家 · 2022-12-31 到期")
        compare(shown(list, row.row, "yearTarget"), "全年目标：2022年：每年培育2家规模以上工业企业。（目标值 2家）")
        compare(shown(list, row.row, "reported"), "已报进度：30% · 2022-05 · 新增规上企业1家")
        compare(shown(list, row.row, "targetStatus"), "进行中")
        compare(shown(list, 0, "targetCounts"), board.data(group, DispatchBoard.TargetCountsRole))
        compare(list.itemAtIndex(row.row).Accessible.name,
                board.data(row, DispatchBoard.LabelRole) + " 未报送 进行中")

        // A key project has no task columns.
        board.kind = "investment_project"
        board.listCode = "key_projects_2022"
        tryVerify(() => !board.loading && board.totals.projects === 45, 5000)
        compare(board.totals.targetCounts, "")
        const project = rowOf(board, Harness.projectIdByCode("key_projects_2022#1"))
        compare(board.data(project, DispatchBoard.TargetStatusRole), "")
        list.positionViewAtIndex(project.row, ListView.Beginning)
        verify(!findChild(list.itemAtIndex(project.row), "target").visible)
    }

    // Until a month is chosen the board shows the current one by the app's clock, in Beijing.
    function test_the_board_opens_on_this_month_in_beijing() {
        verify(Harness.setClock("2026-12-31T16:30:00Z"))
        try {
            const board = createTemporaryObject(boardComponent, testCase, { today: "" })
            compare(board.period, "2027-01")
        } finally {
            Harness.useSystemTime()
        }
    }
}
