import QtQuick
import QtTest
import Duban
import DubanTest

// The supervisor's queue as the screen uses it: filters by kind, unit and project, menus that
// offer what waits, and a filter menu that keeps its choice when its choices are read again.
TestCase {
    name: "ReviewQueue"

    Component {
        id: editorComponent
        ReportEditor { services: Services }
    }
    Component {
        id: queueComponent
        ReviewQueueModel { services: Services }
    }
    Component {
        id: boxComponent
        FilterBox {}
    }

    function submitReport(period) {
        const editor = createTemporaryObject(editorComponent, this,
                                             { projectId: Harness.projectIdByCode("key_projects_2022#1") })
        editor.period = period
        editor.investment = "300"
        editor.percent = "20"
        editor.narrative = "按计划推进"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000, editor.message + " " + JSON.stringify(editor.errors))
        return editor.recordId
    }

    function valueOf(menu, labelStart) {
        for (const choice of menu)
            if (choice.label.startsWith(labelStart))
                return choice.value
        return undefined
    }

    function test_filters_narrow_the_queue_to_what_matches() {
        const id = submitReport("2022-03")
        const queue = createTemporaryObject(queueComponent, this)
        tryVerify(() => queue.totalCount >= 1, 5000)
        const all = queue.totalCount

        queue.kind = "site_visit"
        tryVerify(() => queue.totalCount === all - Harness.waitingReports(), 5000)
        queue.kind = "progress_report"
        tryVerify(() => queue.totalCount === Harness.waitingReports(), 5000)
        queue.kind = ""

        const project = Harness.projectIdByCode("key_projects_2022#1")
        verify(queue.projects.some(choice => choice.value === project), JSON.stringify(queue.projects))
        queue.projectId = project
        tryVerify(() => queue.count >= 1 && queue.totalCount <= all, 5000)
        let found = false
        for (let row = 0; row < queue.count; ++row)
            found = found || queue.idAt(row) === id
        verify(found, "the report is in its project's queue")

        const unit = valueOf(queue.units, "市科工信局")
        verify(unit !== undefined, JSON.stringify(queue.units))
        queue.unitId = unit
        tryVerify(() => queue.totalCount >= 1, 5000)
        queue.kind = "site_visit"
        tryVerify(() => queue.totalCount === 0, 5000)
    }

    function test_a_filter_menu_keeps_its_choice_when_the_choices_are_read_again() {
        const box = createTemporaryObject(boxComponent, this)
        box.model = [{ value: "", label: "全部" }, { value: "a", label: "甲（1）" }, { value: "b", label: "乙（2）" }]
        box.currentIndex = 2
        box.activated(2)
        compare(box.value, "b")
        box.model = [{ value: "", label: "全部" }, { value: "b", label: "乙（3）" }]
        tryCompare(box, "currentIndex", 1)
        compare(box.value, "b")
        box.model = [{ value: "", label: "全部" }, { value: "a", label: "甲（1）" }]
        tryCompare(box, "currentIndex", 0)
        tryCompare(box, "value", "", 2000, "a choice no longer offered falls back to all")
    }
}
