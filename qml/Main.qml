import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// The window: a toolbar with the sync state, and a stack of pages. Signed out, only sign-in.
ApplicationWindow {
    id: window

    width: 1100
    height: 760
    visible: true
    title: qsTr("督办")
    Material.theme: Material.Light
    Material.primary: "#B71C1C"
    Material.accent: "#1565C0"

    readonly property bool narrow: width < 600
    // Set by main (--open): sync, settings, queue, record:, visit:, report: or project:<id>.
    // Opened once signed in: at start when the session resumes, else after the sign-in.
    property string startPage: ""

    Component.onCompleted: openStartPage()

    function openStartPage() {
        if (!Services.signedIn || window.startPage === "")
            return
        const page = window.startPage
        window.startPage = ""
        if (page === "sync")
            stack.push(syncPage)
        else if (page === "settings")
            stack.push(settingsPage)
        else if (page === "queue")
            stack.push(reviewQueuePage)
        else if (page.startsWith("dispatch"))
            stack.push(dispatchPage, page.length > 9 ? { period: page.substring(9) } : {})
        else if (page.startsWith("record:"))
            stack.push(recordPage, { recordId: page.substring(7) })
        else if (page.startsWith("visit:"))
            stack.push(visitPage, { projectId: page.substring(6) })
        else if (page.startsWith("report:"))
            stack.push(reportPage, { projectId: page.substring(7) })
        else if (page.startsWith("project:"))
            stack.push(projectDetailPage, { projectId: page.substring(8) })
    }

    header: ToolBar {
        visible: Services.signedIn
        Material.foreground: "white"
        background: Rectangle { color: window.Material.primary }

        RowLayout {
            anchors.fill: parent
            spacing: 0

            ToolButton {
                text: "‹"
                font.pixelSize: 24
                visible: stack.depth > 1
                Accessible.name: qsTr("返回")
                onClicked: stack.pop()
            }
            Label {
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : qsTr("督办")
                elide: Label.ElideRight
                font.pixelSize: 18
                font.bold: true
                Layout.fillWidth: true
                Layout.leftMargin: stack.depth > 1 ? 0 : 16
            }
            // A supervisor's screens: buttons on a desktop, in the ⋮ menu on a phone.
            ToolButton {
                visible: Services.reviewsRecords && !window.narrow
                text: qsTr("月调度")
                onClicked: stack.push(dispatchPage)
            }
            ToolButton {
                visible: Services.reviewsRecords && !window.narrow
                text: qsTr("待审核")
                onClicked: stack.push(reviewQueuePage)
            }
            ToolButton {
                visible: !window.narrow
                text: qsTr("督办函")
                onClicked: stack.push(warningsPage)
            }
            SyncIndicator {
                sync: Services.sync
                onClicked: stack.push(syncPage)
            }
            ToolButton {
                text: "⋮"
                font.pixelSize: 20
                Accessible.name: qsTr("更多")
                onClicked: moreMenu.open()
                Menu {
                    id: moreMenu
                    y: parent.height
                    MenuItem {
                        visible: Services.reviewsRecords && window.narrow
                        height: visible ? implicitHeight : 0
                        text: qsTr("月调度")
                        onTriggered: stack.push(dispatchPage)
                    }
                    MenuItem {
                        visible: Services.reviewsRecords && window.narrow
                        height: visible ? implicitHeight : 0
                        text: qsTr("待审核")
                        onTriggered: stack.push(reviewQueuePage)
                    }
                    MenuItem {
                        visible: window.narrow
                        height: visible ? implicitHeight : 0
                        text: qsTr("督办函")
                        onTriggered: stack.push(warningsPage)
                    }
                    MenuItem {
                        text: qsTr("设置")
                        onTriggered: stack.push(settingsPage)
                    }
                }
            }
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: Services.signedIn ? projectListPage : signInPage
    }

    // Keyboard: back, find, sync. Forms add save and submit (Ctrl+S, Ctrl+Enter).
    Shortcut {
        sequences: ["Alt+Left", "Back"]
        enabled: stack.depth > 1
        onActivated: stack.pop()
    }
    Shortcut {
        sequence: "Ctrl+F"
        enabled: Services.signedIn
        onActivated: {
            if (stack.depth > 1)
                stack.pop(null)
            stack.currentItem.focusSearch()
        }
    }
    Shortcut {
        sequences: ["F5", "Ctrl+R"]
        enabled: Services.signedIn && Services.sync !== null
        onActivated: Services.sync.syncNow()
    }

    Connections {
        target: Services
        function onDeviceChanged() {
            stack.clear()
            stack.push(Services.signedIn ? projectListPage : signInPage)
            window.openStartPage()
        }
    }

    Component {
        id: signInPage
        SignInPage {}
    }
    Component {
        id: projectListPage
        ProjectListPage {
            onOpenProject: projectId => stack.push(projectDetailPage, { projectId: projectId })
            onOpenWarnings: () => stack.push(warningsPage)
        }
    }
    Component {
        id: projectDetailPage
        ProjectDetailPage {
            onOpenRecord: recordId => stack.push(recordPage, { recordId: recordId })
            onNewVisit: projectId => stack.push(visitPage, { projectId: projectId })
            onNewReport: projectId => stack.push(reportPage, { projectId: projectId })
            onOpenWarnings: projectId => stack.push(warningsPage, { projectId: projectId })
        }
    }
    Component {
        id: recordPage
        RecordPage {}
    }
    Component {
        id: visitPage
        VisitPage {}
    }
    Component {
        id: reportPage
        ReportPage {}
    }
    Component {
        id: reviewQueuePage
        ReviewQueuePage {
            onOpenRecord: recordId => stack.push(recordPage, { recordId: recordId })
        }
    }
    Component {
        id: dispatchPage
        DispatchPage {
            onOpenProject: projectId => stack.push(projectDetailPage, { projectId: projectId })
        }
    }
    Component {
        id: warningsPage
        WarningsPage {
            onOpenLetter: warningId => stack.push(warningPage, { warningId: warningId })
            onOpenProposals: () => stack.push(warningProposalsPage)
        }
    }
    Component {
        id: warningPage
        WarningPage {}
    }
    Component {
        id: warningProposalsPage
        WarningProposalsPage {}
    }
    Component {
        id: syncPage
        SyncPage {}
    }
    Component {
        id: settingsPage
        SettingsPage {}
    }
}
