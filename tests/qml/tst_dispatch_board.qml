import QtQuick
import QtTest
import Duban
import DubanTest

// The dispatch board as the screen reads it: a month's key projects with their report status,
// figures in 万元, groups first, and the month switched by its buttons.
TestCase {
    name: "DispatchBoard"

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
}
