import QtQuick
import QtTest
import Duban
import DubanTest

// A field officer sees no approve button: the core rules that decide it are the server's, so
// an approval the screen would not offer is refused on the device too.
TestCase {
    name: "RecordActions"

    Component {
        id: editorComponent
        ReportEditor { services: Services }
    }
    Component {
        id: actionsComponent
        RecordActions { services: Services }
    }

    function test_a_field_user_cannot_approve_their_submitted_report() {
        const editor = createTemporaryObject(editorComponent, this,
                                             { projectId: Harness.projectIdByCode("key_projects_2022#1") })
        editor.period = "2022-06"
        editor.investment = "800"
        editor.percent = "35"
        editor.narrative = "基础施工完成"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000, editor.message + " " + JSON.stringify(editor.errors))

        const actions = createTemporaryObject(actionsComponent, this, { recordId: editor.recordId })
        tryVerify(() => actions.state === "submitted", 5000)
        verify(!actions.canApprove)
        verify(!actions.canReturn)
        verify(!actions.canEdit)
        actions.comment = "数据有误"
        verify(!actions.returnReady && !actions.disputeReady, "a comment does not make a right")
        verify(!Services.reviewsRecords, "the queue is not offered either")
        verify(Services.authorsRecords)
        actions.approve()
        tryVerify(() => actions.message !== "", 5000)
        verify(actions.message.indexOf("没有权限") >= 0, actions.message)
        compare(actions.state, "submitted")
    }
}
