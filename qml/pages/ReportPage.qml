import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// The monthly progress report (月调度): saved as a draft on every change, submitted when whole.
Page {
    id: page

    property string projectId
    property string reportId

    title: qsTr("进度填报")

    ReportEditor {
        id: editor
        services: Services
        projectId: page.projectId
        Component.onCompleted: if (page.reportId !== "") editor.load(page.reportId)
        onSubmitted: page.StackView.view.pop()
    }

    Shortcut {
        sequence: "Ctrl+S"
        enabled: page.StackView.status === StackView.Active && editor.editable && !editor.saving
        onActivated: editor.save()
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: page.StackView.status === StackView.Active && editor.editable && !editor.saving
        onActivated: editor.submit()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 32, 720)
            x: 16
            spacing: 4

            Item { Layout.preferredHeight: 8 }
            FormField {
                label: qsTr("填报月份")
                error: editor.errors.period || ""
                TextField {
                    text: editor.period
                    placeholderText: "2022-06"
                    enabled: editor.editable
                    Accessible.name: qsTr("填报月份")
                    Layout.fillWidth: true
                    onTextEdited: editor.period = text
                }
            }
            FormField {
                label: qsTr("本月完成投资（万元）")
                error: editor.errors.investment || ""
                TextField {
                    text: editor.investment
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    enabled: editor.editable
                    Accessible.name: qsTr("本月完成投资，万元")
                    Layout.fillWidth: true
                    onTextEdited: editor.investment = text
                }
            }
            FormField {
                label: qsTr("形象进度（%）")
                error: editor.errors.percent_complete || ""
                TextField {
                    text: editor.percent
                    inputMethodHints: Qt.ImhDigitsOnly
                    enabled: editor.editable
                    Accessible.name: qsTr("形象进度，百分比")
                    Layout.fillWidth: true
                    onTextEdited: editor.percent = text
                }
            }
            FormField {
                label: qsTr("进展情况")
                error: editor.errors.narrative || ""
                TextArea {
                    text: editor.narrative
                    wrapMode: TextArea.Wrap
                    enabled: editor.editable
                    Accessible.name: qsTr("进展情况")
                    Layout.fillWidth: true
                    Layout.minimumHeight: 80
                    onTextChanged: if (activeFocus) editor.narrative = text
                }
            }
            FormField {
                label: qsTr("存在问题")
                error: editor.errors.problems || ""
                TextArea {
                    text: editor.problems
                    wrapMode: TextArea.Wrap
                    enabled: editor.editable
                    Accessible.name: qsTr("存在问题")
                    Layout.fillWidth: true
                    onTextChanged: if (activeFocus) editor.problems = text
                }
            }
            FormField {
                label: qsTr("需协调解决事项")
                error: editor.errors.coordination || ""
                TextArea {
                    text: editor.coordination
                    wrapMode: TextArea.Wrap
                    enabled: editor.editable
                    Accessible.name: qsTr("需协调解决事项")
                    Layout.fillWidth: true
                    onTextChanged: if (activeFocus) editor.coordination = text
                }
            }
            EditorStatus { editor: editor }
            RowLayout {
                Button {
                    text: qsTr("提交")
                    highlighted: true
                    enabled: editor.editable && !editor.saving
                    onClicked: editor.submit()
                }
                Button {
                    text: qsTr("保存草稿")
                    flat: true
                    enabled: editor.editable && !editor.saving
                    onClicked: editor.save()
                }
            }
            Item { Layout.preferredHeight: 16 }
        }
    }
}
