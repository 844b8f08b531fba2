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
    // Material writes buttons in capitals ("SYNCED", "MORE FILTERS"); words stay as written.
    font.capitalization: Font.MixedCase

    readonly property bool narrow: width < 600
    // Set by main (--open): sync, settings, queue, projects, record:, visit:, report: or
    // project:<id>.
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
        else if (page === "projects")
            window.navigate("projects")
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
            // The navigation: buttons with their counts on a desktop, the bar below on a phone.
            Repeater {
                model: window.narrow ? [] : window.navItems
                delegate: ToolButton {
                    id: navButton
                    required property var modelData
                    objectName: "nav_" + modelData.key
                    text: modelData.label
                    font.capitalization: Font.MixedCase
                    font.bold: window.currentNav === modelData.key  // qmllint disable unqualified
                    onClicked: window.navigate(modelData.key)  // qmllint disable unqualified
                    // The current place: a white bar under its name.
                    Rectangle {
                        visible: navButton.font.bold
                        color: "white"
                        height: 3
                        width: parent.width - 16
                        anchors.horizontalCenter: parent.horizontalCenter
                        anchors.bottom: parent.bottom
                        anchors.bottomMargin: 6
                    }
                    CountBadge {
                        count: navButton.modelData.count
                        x: parent.width - width + 2
                        y: 2
                    }
                }
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
        initialItem: Services.signedIn ? homePage : signInPage
    }

    // What is the user's to do: the home's rows and the navigation's counts.
    TodoModel {
        id: todoModel
        objectName: "todo"
        services: Services
    }

    // Top-level places, each one step above the home (back returns to it). The counts are the
    // to-do's: the home's items, the queue, the letters to acknowledge or proposals to issue.
    readonly property var navItems: {
        const items = [{ key: "home", label: qsTr("待办"), count: todoModel.badgeCount },
                       { key: "projects", label: qsTr("重点项目"), count: 0 }]
        if (Services.reviewsRecords) {
            items.push({ key: "queue", label: qsTr("待审核"), count: todoModel.queueCount })
            items.push({ key: "dispatch", label: qsTr("月调度"), count: 0 })
        }
        items.push({ key: "letters", label: qsTr("督办函"),
                     count: Services.reviewsRecords ? todoModel.proposalsCount : todoModel.lettersCount })
        return items
    }
    property string currentNav: "home"
    property Item navPage: null  // the page navigate() opened, while it is the current one

    function navigate(key) {
        const pages = { projects: projectListPage, queue: reviewQueuePage,
                        dispatch: dispatchPage, letters: warningsPage }
        stack.pop(null)
        if (pages[key] !== undefined)
            stack.push(pages[key])
        window.navPage = stack.currentItem
        window.currentNav = key
    }

    Connections {
        target: stack
        function onCurrentItemChanged() {
            if (stack.currentItem !== window.navPage && stack.depth > 1)
                window.currentNav = ""
            else if (stack.depth === 1)
                window.currentNav = "home"
        }
    }

    footer: ToolBar {
        objectName: "bottomNav"
        visible: Services.signedIn && window.narrow
                 && (stack.depth === 1 || stack.currentItem === window.navPage)
        Material.background: "white"
        Material.elevation: 8
        implicitHeight: 56
        RowLayout {
            anchors.fill: parent
            spacing: 0
            Repeater {
                model: window.narrow ? window.navItems : []
                delegate: ToolButton {
                    id: tab
                    required property var modelData
                    objectName: "tab_" + modelData.key
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1  // equal shares of the bar
                    Layout.fillHeight: true
                    text: modelData.label
                    font.capitalization: Font.MixedCase
                    font.pixelSize: 13
                    checked: window.currentNav === modelData.key  // qmllint disable unqualified
                    onClicked: window.navigate(modelData.key)  // qmllint disable unqualified
                    // Two lines rather than "Monthly dis…" in English.
                    contentItem: Label {
                        text: tab.text
                        font: tab.font
                        color: tab.checked ? window.Material.primary : "#555555"  // qmllint disable unqualified
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    CountBadge {
                        count: tab.modelData.count
                        x: parent.width / 2 + 8
                        y: 2
                    }
                }
            }
        }
    }

    Toast {
        id: toast
        objectName: "toast"
    }
    Connections {
        target: Services
        function onNotice(message) { toast.show(message) }
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
            window.navigate("projects")
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
            stack.push(Services.signedIn ? homePage : signInPage)
            window.openStartPage()
        }
    }

    Component {
        id: signInPage
        SignInPage {}
    }
    Component {
        id: homePage
        HomePage {
            todo: todoModel  // qmllint disable unqualified
            onOpenProject: projectId => stack.push(projectDetailPage, { projectId: projectId })
            onOpenRecord: recordId => stack.push(recordPage, { recordId: recordId })
            onOpenLetter: warningId => stack.push(warningPage, { warningId: warningId })
            onOpenLetters: () => window.navigate("letters")
            onOpenInbox: () => stack.push(syncPage)
            onOpenQueue: () => window.navigate("queue")
            onOpenDispatch: period => stack.push(dispatchPage, period !== "" ? { period: period } : {})
            onOpenProposals: () => stack.push(warningProposalsPage)
            onOpenProjects: () => window.navigate("projects")
        }
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
