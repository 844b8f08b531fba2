import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Duban

// Projects on this device: instant search, filters and sort, read a page at a time.
// Keyboard: the search has focus on arrival (Ctrl+F returns to it), ↓ moves into the list,
// ↑/↓ move through it and Enter opens the project.
Page {
    id: page

    signal openProject(string projectId)
    signal openWarnings()

    function focusSearch() {
        search.forceActiveFocus()
        search.selectAll()
    }

    StackView.onActivated: focusSearch()
    Component.onCompleted: focusSearch()

    title: qsTr("重点项目")

    ProjectListModel {
        id: projects
        objectName: "projects"
        store: Services.store
        searchText: search.text
        minWarningLevel: Math.max(warningFilter.currentIndex, 0)
        myUnitId: mine.checked ? Services.unitId : ""
        sort: Math.max(sortBox.currentIndex, 0)  // -1 while the menu is being built
        category: categoryBox.value
        listCode: listBox.value
        unitId: unitBox.value
        townshipId: townshipBox.value
        stage: stageBox.value
    }

    // Letters to the user's unit not acknowledged yet: the banner above the list.
    WarningsModel {
        id: openLetters
        objectName: "openLetters"
        services: Services
        openOnly: true
    }

    FilterOptions {
        id: options
        store: Services.store
    }

    header: Pane {
        padding: 8
        Material.elevation: 1

        Flow {
            width: parent.width
            spacing: 8

            WarningBanner {
                objectName: "warningBanner"
                width: parent.width
                waiting: openLetters.toAcknowledge
                onClicked: page.openWarnings()
            }
            TextField {
                id: search
                objectName: "search"
                width: page.width < 600 ? parent.width : 320
                placeholderText: qsTr("搜索项目、单位、建设内容")
                Accessible.name: qsTr("搜索项目")
                selectByMouse: true
                Keys.onDownPressed: {
                    list.currentIndex = 0
                    list.forceActiveFocus()
                }
                onAccepted: if (list.count > 0) page.openProject(projects.get(0).projectId)
            }
            ComboBox {
                id: warningFilter
                // On a phone, the menus wait behind "more filters"; the search stays in view.
                visible: page.width >= 600 || more.checked
                width: 190
                model: [qsTr("全部预警"), qsTr("提醒及以上"), qsTr("预警及以上"), qsTr("纠责")]
                Accessible.name: qsTr("预警等级")
            }
            ComboBox {
                id: sortBox
                visible: page.width >= 600 || more.checked
                width: 200
                model: [qsTr("按清单顺序"), qsTr("按名称"), qsTr("按总投资"), qsTr("按年度计划"),
                        qsTr("按预警等级")]
                Accessible.name: qsTr("排序")
            }
            Switch {
                id: mine
                text: qsTr("我的项目")
                Accessible.name: qsTr("只看我的项目")
            }
            Button {
                id: more
                text: checked ? qsTr("收起筛选") : qsTr("更多筛选")
                checkable: true
                flat: true
            }
            FilterBox {
                id: listBox
                visible: more.checked
                model: options.lists
                Accessible.name: qsTr("清单")
            }
            FilterBox {
                id: categoryBox
                visible: more.checked
                model: options.categories
                Accessible.name: qsTr("类别")
            }
            FilterBox {
                id: unitBox
                visible: more.checked
                model: options.units
                Accessible.name: qsTr("责任单位")
            }
            FilterBox {
                id: townshipBox
                visible: more.checked
                model: options.townships
                Accessible.name: qsTr("所在乡镇")
            }
            FilterBox {
                id: stageBox
                visible: more.checked
                model: options.stages
                Accessible.name: qsTr("建设阶段")
            }
        }
    }

    ListView {
        id: list
        objectName: "projectList"
        anchors.fill: parent
        model: projects
        clip: true
        reuseItems: true
        keyNavigationEnabled: true
        highlightMoveDuration: 0
        ScrollBar.vertical: ScrollBar {}
        Keys.onReturnPressed: if (currentIndex >= 0) page.openProject(projects.get(currentIndex).projectId)
        Keys.onEnterPressed: if (currentIndex >= 0) page.openProject(projects.get(currentIndex).projectId)
        Keys.onUpPressed: event => {
            if (currentIndex <= 0)
                page.focusSearch()
            else
                event.accepted = false
        }

        delegate: ProjectDelegate {
            width: ListView.view.width
            highlighted: ListView.isCurrentItem && activeFocus
            onClicked: page.openProject(projectId)  // qmllint disable unqualified
        }

        footer: Label {
            width: ListView.view.width
            padding: 12
            horizontalAlignment: Text.AlignHCenter
            color: Material.hintTextColor
            text: projects.loading ? qsTr("正在加载…") : qsTr("共 %1 个项目").arg(projects.totalCount)  // qmllint disable unqualified
        }
    }

    Label {
        anchors.centerIn: parent
        visible: !projects.loading && projects.totalCount === 0
        text: projects.message !== "" ? projects.message
            : search.text !== "" ? qsTr("没有找到“%1”").arg(search.text) : qsTr("暂无项目，请先同步")
        color: Material.hintTextColor
    }
}
