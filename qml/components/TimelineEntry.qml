import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One event on a project's timeline.
ColumnLayout {
    id: item

    property var entry: ({})

    signal open()

    readonly property var kinds: ({
        report: qsTr("进度填报"), visit: qsTr("现场走访"), review: qsTr("审核"), warning: qsTr("预警")
    })
    readonly property var states: ({
        draft: qsTr("草稿"), submitted: qsTr("已提交"), confirmed: qsTr("已确认"),
        returned: qsTr("已退回"), approved: qsTr("已通过"), confirm: qsTr("确认"),
        dispute: qsTr("有异议"), approve: qsTr("通过"), "return": qsTr("退回"),
        acknowledge: qsTr("已签收"), "1": qsTr("提醒函"), "2": qsTr("预警函"), "3": qsTr("纠责函")
    })

    spacing: 2

    TapHandler {
        onTapped: item.open()
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: (item.kinds[item.entry.kind] || item.entry.kind)
                  + (item.entry.period ? " · " + item.entry.period : "")
            font.bold: true
        }
        Label {
            text: item.states[item.entry.state] || item.entry.state
            color: Material.accent
        }
        PendingTag {
            pending: item.entry.queued === true
        }
        Item { Layout.fillWidth: true }
        Label {
            text: item.entry.at
            color: Material.hintTextColor
            font.pixelSize: 12
        }
    }
    Label {
        visible: text !== ""
        text: item.entry.text || ""
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: item.entry.percent >= 0
        text: qsTr("形象进度 %1%，本月完成投资 %2").arg(item.entry.percent).arg(item.entry.amount)
        color: Material.hintTextColor
        font.pixelSize: 13
    }
}
