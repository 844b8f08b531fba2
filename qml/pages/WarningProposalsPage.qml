import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// A supervisor's proposals: each project's lag findings that no letter answers yet, highest level
// first. "签发" asks for the deadline to correct and issues the letter (synced with the next run).
Page {
    id: page

    title: qsTr("督办建议")

    WarningProposalsModel {
        id: proposals
        objectName: "proposals"
        services: Services
    }

    header: Label {
        visible: proposals.message !== ""
        padding: 12
        text: proposals.message
        color: "#B71C1C"
        wrapMode: Text.Wrap
    }

    ListView {
        id: list
        anchors.fill: parent
        model: proposals
        clip: true
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row
            required property int index
            required property string project
            required property string letter
            required property int level
            required property string reason
            width: ListView.view.width

            contentItem: RowLayout {
                spacing: 12
                WarningBadge { level: row.level }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Label {
                        text: row.project
                        font.bold: true
                        elide: Label.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.letter + "：" + row.reason
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Button {
                    text: qsTr("签发")
                    onClicked: issueDialog.ask(row.index, row.project, row.letter)  // qmllint disable unqualified
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: proposals.count === 0
        text: qsTr("暂无需要签发的督办函")
        color: Material.hintTextColor
    }

    Dialog {
        id: issueDialog

        property int row: -1

        function ask(row, project, letter) {
            issueDialog.row = row
            issueDialog.title = letter + " · " + project
            deadline.text = proposals.suggestedDeadline
            issueDialog.open()
        }

        anchors.centerIn: parent
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: proposals.issue(issueDialog.row, deadline.text)

        ColumnLayout {
            spacing: 8
            Label { text: qsTr("整改期限（年-月-日）") }
            TextField {
                id: deadline
                Accessible.name: qsTr("整改期限")
                inputMask: "9999-99-99"
                Layout.preferredWidth: 200
            }
        }
    }
}
