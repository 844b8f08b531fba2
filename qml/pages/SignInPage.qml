import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Duban

// Sign in: the server's address, the certificate of the CA that signed it, and the account.
Page {
    id: page

    title: qsTr("登录")

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 32, 440)
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 12

            Item { Layout.preferredHeight: 24 }
            Label {
                text: qsTr("督办")
                font.pixelSize: 34
                font.bold: true
                color: Material.primary
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: qsTr("重点项目现场督办")
                font.pixelSize: 16
                color: Material.hintTextColor
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: 12
            }
            TextField {
                id: server
                text: Services.server !== "" ? Services.server : "https://127.0.0.1:8443"
                placeholderText: qsTr("服务器地址")
                inputMethodHints: Qt.ImhUrlCharactersOnly
                Accessible.name: qsTr("服务器地址")
                Layout.fillWidth: true
            }
            TextField {
                id: caFile
                placeholderText: qsTr("服务器证书颁发机构（CA）文件，可留空")
                Accessible.name: qsTr("CA 证书文件")
                Layout.fillWidth: true
            }
            TextField {
                id: username
                text: Services.username
                placeholderText: qsTr("账号")
                Accessible.name: qsTr("账号")
                Layout.fillWidth: true
            }
            TextField {
                id: password
                placeholderText: qsTr("密码")
                echoMode: TextInput.Password
                Accessible.name: qsTr("密码")
                Layout.fillWidth: true
                onAccepted: signInButton.clicked()
            }
            Label {
                text: Services.signInError
                visible: text !== ""
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                id: signInButton
                text: Services.signingIn ? qsTr("正在登录…") : qsTr("登录")
                enabled: !Services.signingIn && server.text !== "" && username.text !== ""
                         && password.text !== ""
                highlighted: true
                Layout.fillWidth: true
                onClicked: Services.signIn(server.text, caFile.text, username.text, password.text)
            }
            Label {
                text: qsTr("首次登录后，无网络时也可使用；恢复网络后自动同步。")
                color: Material.hintTextColor
                wrapMode: Text.Wrap
                font.pixelSize: 13
                Layout.fillWidth: true
            }
        }
    }
}
