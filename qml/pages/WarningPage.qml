import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// One letter as the unit reads it: its 文号, the project, the facts it rests on, the deadline to
// correct, and "签收" where the core rules let the user acknowledge it.
Page {
    id: page

    property string warningId
    // Read again as the rows come (count changes).
    readonly property warningLetter letter: letters.count >= 0 ? letters.letter(page.warningId) : letters.letter("")

    title: page.letter.letter || qsTr("督办函")

    WarningsModel {
        id: letters
        services: Services
        warningId: page.warningId
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 10

            Pane {
                Layout.fillWidth: true
                Material.elevation: 1

                ColumnLayout {
                    width: parent.width
                    spacing: 8

                    Label {
                        text: page.letter.letter || ""
                        font.pixelSize: 22
                        font.bold: true
                        color: "#B71C1C"
                        Layout.alignment: Qt.AlignHCenter
                    }
                    Label {
                        text: page.letter.number || ""
                        Layout.alignment: Qt.AlignHCenter
                    }
                    FactRow { label: qsTr("项目"); value: page.letter.project || "" }
                    FactRow {
                        visible: (page.letter.milestone || "") !== ""
                        label: qsTr("里程碑")
                        value: (page.letter.milestone || "") + "（" + qsTr("期限 %1").arg(page.letter.milestoneDue || "") + "）"
                    }
                    FactRow { label: qsTr("督办事由"); value: page.letter.reason || "" }
                    FactRow { label: qsTr("整改期限"); value: page.letter.correctBy || "" }
                    FactRow { label: qsTr("签发时间"); value: page.letter.issuedAt || "" }
                    FactRow {
                        visible: (page.letter.acknowledgedAt || "") !== ""
                        label: qsTr("签收时间")
                        value: page.letter.acknowledgedAt || ""
                    }
                    Button {
                        objectName: "acknowledge"
                        visible: page.letter.canAcknowledge === true
                        text: qsTr("签收")
                        highlighted: true
                        onClicked: letters.acknowledge(page.warningId)
                    }
                    Button {
                        objectName: "exportPdf"
                        text: qsTr("导出函件 PDF")
                        flat: true
                        onClicked: letters.exportPdf(page.warningId)
                    }
                    Label {
                        visible: letters.exported !== ""
                        text: qsTr("已导出：%1").arg(letters.exported)
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: letters.message !== ""
                        text: letters.message
                        color: "#B71C1C"
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
