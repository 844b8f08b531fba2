import QtQuick
import QtTest
import Duban
import DubanTest

// The to-do home on a real seeded store, offline: a field officer's month (reports due with the
// deadline and days left, a returned report with the reviewer's reason that opens the record,
// the badge), what was saved offline marked 待上传 (home, project list, record page, header) with
// the submit's toast; then a supervisor's home (the queue, the late units, the badge).
TestCase {
    id: testCase
    name: "Home"
    when: windowShown
    visible: true  // a TestCase is hidden by default; rows are clicked as shown
    width: 390
    height: 844

    Component {
        id: homeComponent
        HomePage {
            width: 390
            height: 844
            todo: TodoModel { services: Services }
        }
    }
    Component {
        id: editorComponent
        ReportEditor { services: Services }
    }
    Component {
        id: recordPageComponent
        RecordPage {}
    }
    Component {
        id: listPageComponent
        ProjectListPage {}
    }
    Component {
        id: indicatorComponent
        SyncIndicator { sync: Services.sync }
    }
    SignalSpy {
        id: notices
        target: Services
        signalName: "notice"
    }

    function initTestCase() {
        verify(Harness.setClock("2022-06-20T02:00:00Z"))  // 3 days before the 23rd
    }

    function cleanupTestCase() {
        Harness.becomeRole("field")
        Harness.useSystemTime()
    }

    function submitReport(projectId, period) {
        const editor = createTemporaryObject(editorComponent, testCase, { projectId: projectId })
        editor.period = period
        editor.investment = "300"
        editor.percent = "20"
        editor.narrative = "按计划推进"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000, editor.message + " " + JSON.stringify(editor.errors))
        return editor.recordId
    }

    function rowsOf(todo, section) {
        const rows = []
        for (let i = 0; i < todo.count; ++i) {
            const item = todo.get(i)
            if (item.section === section)
                rows.push(item)
        }
        return rows
    }

    function rowAt(page, section, index) {
        const list = findChild(page, "todoList")
        list.positionViewAtIndex(index, ListView.Contain)
        const shown = list.itemAtIndex(index)
        return shown ? findChild(shown, "todo_" + section + "_" + index) : null
    }

    // The row shown for a section's first item, once the model has settled.
    function firstRowOf(page, section) {
        const todo = page.todo
        let index = -1
        tryVerify(() => {
            if (todo.loading)
                return false
            for (let i = 0; i < todo.count; ++i)
                if (todo.get(i).section === section) {
                    index = i
                    break
                }
            const row = index >= 0 ? rowAt(page, section, index) : null
            return row !== null && row.visible && row.width > 0
        }, 5000, "a row of " + section)
        wait(50)  // the list lays the row out
        return rowAt(page, section, index)
    }

    function test_1_a_field_officers_month_and_a_returned_report() {
        const page = createTemporaryObject(homeComponent, testCase)
        const todo = page.todo
        tryVerify(() => todo.count > 0 && !todo.loading, 5000, todo.message)
        // The unit's projects without a June report (an earlier test may have filed one).
        const due = Harness.unitProjectCount() - Harness.unitProjectsFiled("2022-06")
        verify(due > 5)
        compare(todo.reportsDueCount, due)
        compare(rowsOf(todo, "report_due").length, 5, "the first five, the rest behind 全部")
        compare(rowsOf(todo, "report_due")[4].more, due - 5)
        compare(rowsOf(todo, "report_due")[0].meta, "还剩3天")
        compare(todo.deadline, "6月23日前报送 · 还剩3天")
        compare(rowsOf(todo, "returned")[0].target, "none", "nothing returned yet")

        // Submitted offline: the toast says it waits for the network.
        tryVerify(() => Services.sync.offline, 10000, "the test's server never answers")
        notices.clear()
        const id = submitReport(rowsOf(todo, "report_due")[0].projectId, "2022-06")
        compare(notices.count, 1)
        compare(notices.signalArguments[0][0], "已保存，联网后自动上传")
        tryCompare(todo, "reportsDueCount", due - 1, 5000)

        // The supervisor's return arrives with its reason: the row says it and opens the record.
        Harness.receiveReturn(id, "请补充三区二期现场照片")
        Harness.notifyChanged()
        tryCompare(todo, "returnedCount", 1, 5000)
        const returned = rowsOf(todo, "returned")[0]
        compare(returned.targetId, id)
        compare(returned.detail, "理由：请补充三区二期现场照片")
        verify(returned.meta.indexOf("测试督查员 退回于 2022年6月21日 10:00") >= 0, returned.meta)
        verify(todo.badgeCount >= due, "3 days left: the month's reports count on the badge")

        const opened = []
        page.openRecord.connect(recordId => opened.push(recordId))
        mouseClick(firstRowOf(page, "returned"))
        compare(opened, [id])
    }

    function test_2_what_waits_to_upload_is_marked_everywhere() {
        const id = submitReport(Harness.projectIdByCode("key_projects_2022#1"), "2022-04")
        verify(Harness.queuedFor(id) >= 2)

        const record = createTemporaryObject(recordPageComponent, testCase,
                                             { recordId: id, width: 390, height: 844 })
        const recordTag = findChild(record, "recordPending")
        verify(recordTag)
        tryVerify(() => recordTag.pending, 5000, "the record page marks it 待上传")
        compare(recordTag.text, "待上传")

        const list = createTemporaryObject(listPageComponent, testCase, { width: 390, height: 844 })
        const projects = findChild(list, "projects")
        projects.searchText = "酒鬼酒"
        tryVerify(() => projects.count >= 1 && projects.get(0).waiting >= 1, 5000)
        tryVerify(() => {
            const first = findChild(list, "projectList").itemAtIndex(0)
            const tag = first ? findChild(first, "projectPending") : null
            return tag !== null && tag.visible
        }, 5000, "the project's row marks it 待上传")

        // Records, as a person counts them — not the outbox's changes.
        const indicator = createTemporaryObject(indicatorComponent, testCase)
        tryVerify(() => Services.sync.waitingRecords >= 2, 5000)
        verify(Services.sync.pending > Services.sync.waiting, "more changes than records")
        // The run the submit started retries, then ends offline (nothing answers).
        tryVerify(() => Services.sync.offline && !Services.sync.busy, 30000,
                  "offline " + Services.sync.offline + " busy " + Services.sync.busy + " " + Services.sync.lastError)
        tryCompare(indicator, "text", "离线 · %1 条待上传".arg(Services.sync.waiting), 5000)
    }

    function test_3_a_supervisors_home() {
        verify(Harness.becomeRole("supervisor"))
        compare(Services.role, "supervisor")
        Harness.setClock("2022-06-25T02:00:00Z")  // June's reports are late now
        const page = createTemporaryObject(homeComponent, testCase)
        const todo = page.todo
        tryVerify(() => todo.count > 0 && !todo.loading && rowsOf(todo, "queue").length > 0, 5000, todo.message)
        compare(todo.queueCount, Harness.waitingReports())
        verify(todo.queueCount >= 1)
        compare(rowsOf(todo, "report_due").length, 0, "a supervisor reports nothing")
        const late = rowsOf(todo, "late_units")
        verify(late.length > 0)
        verify(late[0].sectionTitle === "2022年6月逾期未报单位", late[0].sectionTitle)
        verify(/^\d+个项目未报送$/.test(late[0].meta), late[0].meta)
        compare(late[0].target, "dispatch")
        verify(todo.proposalsCount > 0)
        compare(todo.badgeCount, todo.queueCount + Services.sync.inboxOpen,
                "the queue and the inbox; not the late units nor the proposals")

        const opened = []
        page.openDispatch.connect(period => opened.push(period))
        mouseClick(firstRowOf(page, "late_units"))
        compare(opened, ["2022-06"])
        verify(Harness.becomeRole("field"))
    }
}
