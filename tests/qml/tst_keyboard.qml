import QtQuick
import QtQuick.Controls
import QtTest
import Duban
import DubanTest

// The screens work from the keyboard: the project list from its search field to an opened
// project, and the queue from moving to selecting to opening, without a mouse.
TestCase {
    name: "Keyboard"
    when: windowShown
    visible: true
    width: 1000
    height: 700

    Component {
        id: listComponent
        ProjectListPage { width: 1000; height: 700 }
    }
    Component {
        id: queueComponent
        ReviewQueuePage { width: 1000; height: 700 }
    }
    Component {
        id: editorComponent
        ReportEditor { services: Services }
    }
    SignalSpy {
        id: opened
    }

    // Typing waits for a pause before the list reloads; wait for that reload to finish.
    function settle(projects) {
        wait(400)
        tryVerify(() => !projects.loading, 5000)
    }

    function test_search_then_arrows_then_enter_opens_a_project() {
        const page = createTemporaryObject(listComponent, this)
        const search = findChild(page, "search")
        tryVerify(() => search.activeFocus, 2000, "the search has focus on arrival")
        keyClick("5")
        keyClick("g")
        compare(search.text, "5g")
        const list = findChild(page, "projectList")
        const projects = findChild(page, "projects")
        settle(projects)
        verify(list.count >= 1 && list.count < 20, "a handful of 5G projects, not the first page")

        opened.clear()
        opened.target = page
        opened.signalName = "openProject"
        keyClick(Qt.Key_Down)
        verify(list.activeFocus, "↓ moves into the list")
        compare(list.currentIndex, 0)
        keyClick(Qt.Key_Return)
        compare(opened.count, 1)
        compare(opened.signalArguments[0][0], list.currentItem.projectId)

        keyClick(Qt.Key_Up)
        verify(search.activeFocus, "↑ at the top goes back to the search")
        keyClick(Qt.Key_Backspace)
        keyClick(Qt.Key_Backspace)
        settle(projects)
        verify(list.count > 2)
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Down)
        compare(list.currentIndex, 2)
        keyClick(Qt.Key_Enter)
        compare(opened.count, 2)
        compare(opened.signalArguments[1][0], list.currentItem.projectId)
    }

    function test_the_queue_selects_with_space_and_opens_with_enter() {
        const editor = createTemporaryObject(editorComponent, this,
                                             { projectId: Harness.projectIdByCode("key_projects_2022#1") })
        editor.period = "2022-02"
        editor.investment = "100"
        editor.percent = "10"
        editor.narrative = "键盘测试"
        editor.submit()
        tryVerify(() => editor.state === "submitted", 5000)

        const page = createTemporaryObject(queueComponent, this)
        const list = findChild(page, "queueList")
        tryVerify(() => list.count >= 1, 5000)
        list.forceActiveFocus()
        list.currentIndex = 0
        const queue = findChild(page, "queue")
        compare(queue.selectedCount, 0)
        keyClick(Qt.Key_Space)
        compare(queue.selectedCount, 1)
        keyClick(Qt.Key_Space)
        compare(queue.selectedCount, 0)

        opened.clear()
        opened.target = page
        opened.signalName = "openRecord"
        keyClick(Qt.Key_Return)
        compare(opened.count, 1)
        compare(opened.signalArguments[0][0], queue.idAt(0))
    }
}
