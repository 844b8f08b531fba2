import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// 待办: what the signed-in user has to do, read from the device (offline too) — by section, each
// with its count and first rows; a row opens its item. Rules and words come from TodoModel.
Page {
    id: page

    required property TodoModel todo

    signal openProject(string projectId)
    signal openRecord(string recordId)
    signal openLetter(string warningId)
    signal openLetters()
    signal openInbox()
    signal openQueue()
    signal openDispatch(string period)
    signal openProposals()
    signal openProjects()

    title: qsTr("待办")

    function open(item) {
        switch (item.target) {
        case "project": page.openProject(item.projectId); break
        case "progress_report":
        case "site_visit": page.openRecord(item.targetId); break
        case "warning": page.openLetter(item.targetId); break
        case "inbox": page.openInbox(); break
        case "dispatch": page.openDispatch(item.period); break
        case "proposals": page.openProposals(); break
        }
    }

    // "全部": the queue, the letters and the proposals have screens of their own; the other
    // sections show more in place.
    function showAll(section) {
        if (section === "queue")
            page.openQueue()
        else if (section === "letters")
            page.openLetters()
        else if (section === "proposals")
            page.openProposals()
        else if (section === "late_units")
            page.openDispatch("")
        else
            page.todo.showMore(section)
    }

    ListView {
        id: list
        objectName: "todoList"
        anchors.fill: parent
        model: page.todo
        clip: true
        topMargin: 8
        bottomMargin: 16
        // On a desktop the column stays readable: at most 760 px, centred.
        readonly property real columnWidth: Math.min(width, 760)
        readonly property real columnX: (width - columnWidth) / 2

        header: Column {
            x: list.columnX + 16  // qmllint disable unqualified
            width: list.columnWidth - 32  // qmllint disable unqualified
            spacing: 2
            bottomPadding: 8

            Label {
                text: qsTr("%1，您好").arg(Services.displayName)
                font.pixelSize: 20
                font.bold: true
                elide: Label.ElideRight
                width: parent.width
            }
            Label {
                text: Services.unitName
                color: Material.hintTextColor
                elide: Label.ElideRight
                width: parent.width
            }
            Label {
                objectName: "deadline"
                visible: Services.authorsRecords
                text: qsTr("本月月报：%1").arg(page.todo.deadline)  // qmllint disable unqualified
                color: "#B71C1C"
                wrapMode: Label.Wrap
                width: parent.width
            }
            Label {
                objectName: "homeMessage"
                visible: text !== ""
                text: page.todo.message  // qmllint disable unqualified
                color: "#B71C1C"
                wrapMode: Label.Wrap
                width: parent.width
            }
            Button {
                text: qsTr("查看全部重点项目")
                font.capitalization: Font.MixedCase
                flat: true
                leftPadding: 0
                onClicked: page.openProjects()  // qmllint disable unqualified
            }
        }

        section.property: "section"
        section.delegate: Item {
            id: sectionHeader
            required property string section
            width: list.width  // qmllint disable unqualified
            height: 40
            // The section's title and count, from its first row.
            readonly property var first: page.todo.count > 0 ? firstOf(section) : null  // qmllint disable unqualified
            function firstOf(name) {
                for (let i = 0; i < page.todo.count; ++i) {
                    const item = page.todo.get(i)
                    if (item.section === name)
                        return item
                }
                return null
            }
            RowLayout {
                x: list.columnX + 16  // qmllint disable unqualified
                width: list.columnWidth - 32  // qmllint disable unqualified
                anchors.bottom: parent.bottom
                anchors.bottomMargin: 4
                Label {
                    text: sectionHeader.first ? sectionHeader.first.sectionTitle : ""
                    font.bold: true
                    font.pixelSize: 15
                    color: Material.accent
                    elide: Label.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "sectionCount_" + sectionHeader.section
                    text: sectionHeader.first ? qsTr("%1 项").arg(sectionHeader.first.sectionCount) : ""
                    color: Material.hintTextColor
                }
            }
        }

        delegate: Column {
            id: row
            required property int index
            required property string section
            required property string target
            required property string title
            required property string detail
            required property string meta
            required property string tag
            required property bool urgent
            required property int more
            x: list.columnX  // qmllint disable unqualified
            width: list.columnWidth  // qmllint disable unqualified

            ItemDelegate {
                objectName: "todo_" + row.section + "_" + row.index
                width: parent.width
                enabled: row.target !== "none"
                Accessible.name: row.title + " " + row.meta
                onClicked: page.open(page.todo.get(row.index))  // qmllint disable unqualified

                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: row.title
                            font.bold: row.target !== "none"
                            color: row.target === "none" ? Material.hintTextColor : Material.foreground
                            elide: Label.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: row.tag !== ""
                            text: row.tag
                            font.pixelSize: 12
                            color: "#E65100"
                            leftPadding: 6
                            rightPadding: 6
                            background: Rectangle {
                                radius: 8
                                color: "#FFF3E0"
                            }
                        }
                    }
                    Label {
                        visible: row.detail !== ""
                        text: row.detail
                        wrapMode: Label.Wrap
                        maximumLineCount: 2
                        elide: Label.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: row.meta !== ""
                        text: row.meta
                        font.pixelSize: 12
                        color: row.urgent ? "#C62828" : Material.hintTextColor
                        elide: Label.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
            Button {
                objectName: "more_" + row.section
                visible: row.more > 0
                flat: true
                x: 8
                text: qsTr("全部（还有 %1 项）›").arg(row.more)
                font.capitalization: Font.MixedCase
                onClicked: page.showAll(row.section)  // qmllint disable unqualified
            }
        }

        footer: Label {
            x: list.columnX + 16  // qmllint disable unqualified
            width: list.columnWidth - 32  // qmllint disable unqualified
            visible: page.todo.loading && page.todo.count === 0  // qmllint disable unqualified
            text: qsTr("正在读取…")
            color: Material.hintTextColor
            padding: 16
        }
    }
}
