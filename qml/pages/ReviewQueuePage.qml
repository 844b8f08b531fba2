import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// The supervisor's queue: what waits for a decision, newest first; open one to see it whole, or
// select several and approve them together.
Page {
    id: page

    signal openRecord(string recordId)

    title: qsTr("待审核")

    ReviewQueueModel {
        id: queue
        objectName: "queue"
        services: Services
        kind: kindBox.value
        unitId: unitBox.value
        projectId: projectBox.value
    }

    header: Pane {
        padding: 8
        ColumnLayout {
            width: parent.width
            spacing: 4
            RowLayout {
                Label {
                    text: qsTr("共 %1 条待审核，已选 %2 条").arg(queue.totalCount).arg(queue.selectedCount)
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
                Button {
                    text: qsTr("全选")
                    flat: true
                    enabled: queue.count > 0
                    onClicked: queue.selectAll()
                }
                Button {
                    text: qsTr("批量通过")
                    highlighted: true
                    enabled: queue.selectedCount > 0
                    onClicked: queue.approveSelected()
                }
            }
            Flow {
                spacing: 8
                Layout.fillWidth: true
                FilterBox {
                    id: kindBox
                    objectName: "kindFilter"
                    width: 130
                    model: queue.kinds
                    Accessible.name: qsTr("记录类型")
                }
                FilterBox {
                    id: unitBox
                    objectName: "unitFilter"
                    width: 240
                    model: queue.units
                    Accessible.name: qsTr("责任单位")
                }
                FilterBox {
                    id: projectBox
                    objectName: "projectFilter"
                    width: 240
                    model: queue.projects
                    Accessible.name: qsTr("项目")
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            visible: queue.message !== ""
            text: queue.message
            padding: 8
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListView {
            id: list
            objectName: "queueList"
            model: queue
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            // Keyboard: ↑/↓ move, Space selects, Enter opens.
            focus: true
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            Keys.onReturnPressed: if (currentIndex >= 0) page.openRecord(queue.idAt(currentIndex))
            Keys.onEnterPressed: if (currentIndex >= 0) page.openRecord(queue.idAt(currentIndex))

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string recordId
                required property string entity
                required property string project
                required property string when
                required property string state
                required property string summary
                required property int photos
                required property bool selected

                width: ListView.view.width
                highlighted: ListView.isCurrentItem && activeFocus
                Accessible.name: project
                // The focused row takes Space itself (a delegate is a button): it selects.
                Keys.onSpacePressed: queue.setSelected(row.index, !row.selected)  // qmllint disable unqualified
                onClicked: page.openRecord(recordId)  // qmllint disable unqualified

                contentItem: RowLayout {
                    CheckBox {
                        checked: row.selected
                        Accessible.name: qsTr("选择 %1").arg(row.project)
                        onToggled: queue.setSelected(row.index, checked)  // qmllint disable unqualified
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            text: row.project
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: (row.entity === "site_visit" ? qsTr("现场走访") : qsTr("进度填报"))
                                  + " · " + row.when
                                  + (row.state === "confirmed" ? " · " + qsTr("企业已确认") : "")
                                  + (row.photos > 0 ? " · " + qsTr("照片 %1 张").arg(row.photos) : "")
                            color: Material.hintTextColor
                            font.pixelSize: 13
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: row.summary
                            visible: text !== ""
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
        Label {
            visible: queue.totalCount === 0
            text: queue.kind === "" && queue.unitId === "" && queue.projectId === ""
                  ? qsTr("没有待审核的记录") : qsTr("没有符合筛选条件的待审核记录")
            color: Material.hintTextColor
            padding: 24
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
