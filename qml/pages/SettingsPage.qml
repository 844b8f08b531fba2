import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// Settings: language, the account, the data folder, about.
Page {
    id: page

    title: qsTr("设置")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        Label {
            text: qsTr("语言")
            font.bold: true
        }
        ComboBox {
            model: ["简体中文", "English"]
            currentIndex: Services.language === "en" ? 1 : 0
            Accessible.name: qsTr("语言")
            onActivated: index => Services.language = index === 1 ? "en" : "zh_CN"
        }
        Label {
            text: qsTr("账号")
            font.bold: true
        }
        FactRow { label: qsTr("用户"); value: Services.displayName }
        FactRow { label: qsTr("单位"); value: Services.unitName }
        FactRow { label: qsTr("服务器"); value: Services.server }
        FactRow { label: qsTr("数据目录"); value: Services.dataFolder }
        Button {
            text: qsTr("退出登录")
            onClicked: Services.signOut()
        }
        Label {
            text: qsTr("退出登录后，本机数据和未同步的修改仍会保留，同一账号再次登录后继续同步。")
            color: Material.hintTextColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("督办 %1").arg(Services.version)
            color: Material.hintTextColor
        }
        Item { Layout.fillHeight: true }
    }
}
