import QtQuick
import QtTest
import Duban
import DubanTest

// The monthly report: figures the core refuses are named beside their field, and nothing is
// submitted until the report is whole.
TestCase {
    name: "ReportEditor"

    Component {
        id: editorComponent
        ReportEditor {
            services: Services
        }
    }

    function newEditor() {
        return createTemporaryObject(editorComponent, this,
                                     { projectId: Harness.projectIdByCode("key_projects_2022#1") })
    }

    function test_invalid_figures_cannot_be_submitted_and_say_why() {
        const editor = newEditor()
        editor.period = "2022-06"
        editor.investment = "一千五百"
        verify(editor.errors.investment.indexOf("万元") >= 0, editor.errors.investment)
        editor.investment = "1,500.5"
        verify(editor.errors.investment === undefined)
        editor.percent = "150"
        editor.narrative = "主体结构施工中"
        editor.submit()
        tryVerify(() => !editor.saving, 5000)
        compare(editor.state, "draft")
        verify(editor.errors.percent_complete !== undefined, JSON.stringify(editor.errors))
        verify(editor.message !== "")

        // More than the project's whole investment (273,027万元) in one month.
        editor.percent = "60"
        editor.investment = "300000"
        editor.submit()
        tryVerify(() => !editor.saving, 5000)
        compare(editor.state, "draft")
        verify(editor.errors.investment !== undefined && editor.errors.investment.indexOf("总投资") >= 0,
               JSON.stringify(editor.errors))
    }

    function test_a_draft_is_saved_without_asking_and_submitted_when_whole() {
        const editor = newEditor()
        editor.period = "2022-06"
        editor.percent = "40"
        // No save() call: the form saves by itself when typing pauses.
        tryVerify(() => editor.recordId !== "" && editor.savedAt !== "", 5000)
        compare(editor.state, "draft")
        editor.submit()  // no narrative and no investment yet
        tryVerify(() => !editor.saving, 5000)
        compare(editor.state, "draft")
        verify(Object.keys(editor.errors).length > 0, "says what is missing")

        editor.investment = "1500"
        editor.narrative = "二区酿酒车间主体完工"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000)
        verify(!editor.editable)
        verify(Harness.queuedFor(editor.recordId) >= 2, "created and submitted, waiting for sync")
    }

    // The app's clock, not the device's zone: 16:30 UTC on New Year's Eve is already January in
    // Beijing, so a new report is for 2027-01; its draft's time is Beijing's too.
    function test_a_new_report_is_for_this_month_in_beijing() {
        verify(Harness.setClock("2026-12-31T16:30:00Z"))
        try {
            const editor = newEditor()
            compare(editor.period, "2027-01")
            editor.percent = "10"
            editor.save()
            tryVerify(() => !editor.saving && editor.savedAt !== "", 5000)
            compare(editor.savedAt, "00:30:00")
        } finally {
            Harness.useSystemTime()
        }
    }
}
