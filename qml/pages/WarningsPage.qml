import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// Warning letters (督办函): to the user's unit, or for a supervisor all on the device, newest
// first, a page at a time. A supervisor also reaches the proposals to issue from here.
Page {
    id: page

    // One project's letters; "" for all.
    property string projectId

    signal openLetter(string warningId)
    signal openProposals()

    title: qsTr("督办函")

    WarningsModel {
        id: letters
        objectName: "letters"
        services: Services
        projectId: page.projectId
        openOnly: openSwitch.checked
    }

    header: Pane {
        padding: 8
        Material.elevation: 1

        Flow {
            width: parent.width
            spacing: 8
            Switch {
                id: openSwitch
                text: qsTr("只看待签收")
                checked: Services.authorsRecords
            }
            Button {
                visible: Services.reviewsRecords
                text: qsTr("督办建议")
                onClicked: page.openProposals()
            }
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        model: letters
        clip: true
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row
            required property string warningId
            required property string number
            required property string letter
            required property string project
            required property string reason
            required property string correctBy
            required property string acknowledgedAt
            width: ListView.view.width
            onClicked: page.openLetter(row.warningId)  // qmllint disable unqualified

            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    text: row.letter + "  " + row.number
                    font.bold: true
                    Layout.fillWidth: true
                    elide: Label.ElideRight
                }
                Label {
                    text: row.project
                    Layout.fillWidth: true
                    elide: Label.ElideRight
                }
                Label {
                    text: row.reason
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: row.acknowledgedAt !== ""
                          ? qsTr("已签收 %1").arg(row.acknowledgedAt)
                          : qsTr("整改期限 %1 · 待签收").arg(row.correctBy)
                    color: row.acknowledgedAt !== "" ? Material.hintTextColor : "#B71C1C"
                    Layout.fillWidth: true
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: letters.count === 0
        text: qsTr("暂无督办函")
        color: Material.hintTextColor
    }
}
