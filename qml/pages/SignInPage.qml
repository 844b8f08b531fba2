import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Duban

// Sign in: the server's address, the certificate of the CA that signed it, and the account.
// A blank CA file trusts the system's CAs (a server with a public certificate); Duban's own
// server signs its certificate with its own CA, whose ca.crt is picked here.
Page {
    id: page

    title: qsTr("登录")

    // The local path of a picked file (Qt's dialog answers with a file:// URL).
    function localPath(file: url): string {
        const text = file.toString()
        return text.startsWith("file://") ? decodeURIComponent(text.substring(7)) : text
    }

    FileDialog {
        id: caDialog
        objectName: "caDialog"
        title: qsTr("选择 CA 证书文件")
        nameFilters: [qsTr("证书 (*.crt *.pem *.cer)"), qsTr("所有文件 (*)")]
        onAccepted: caFile.text = page.localPath(selectedFile)
    }

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
                objectName: "serverField"
                text: Services.server !== "" ? Services.server : "https://127.0.0.1:8443"
                placeholderText: qsTr("服务器地址")
                inputMethodHints: Qt.ImhUrlCharactersOnly
                Accessible.name: qsTr("服务器地址")
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 8
                Layout.fillWidth: true
                TextField {
                    id: caFile
                    objectName: "caFileField"
                    placeholderText: qsTr("CA 证书文件（ca.crt）")
                    Accessible.name: qsTr("CA 证书文件")
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "chooseCaFile"
                    text: qsTr("选择…")
                    Accessible.name: qsTr("选择 CA 证书文件")
                    // Qt's dialog crashes inside Qt when one of its modules is missing.
                    onClicked: if (Services.fileDialogProblem === "") caDialog.open()
                               else caDialogProblem.visible = true
                }
            }
            Label {
                text: qsTr("服务器使用公共证书时可留空（使用本机信任的证书）；连接督办自建的服务器时，请选择它提供的 ca.crt。")
                color: Material.hintTextColor
                wrapMode: Text.Wrap
                font.pixelSize: 12
                Layout.fillWidth: true
            }
            Label {
                id: caDialogProblem
                objectName: "caDialogProblem"
                visible: false
                text: qsTr("无法打开文件选择（本机缺少 Qt 组件）：请直接填写 CA 证书文件的完整路径。")
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: username
                objectName: "usernameField"
                text: Services.username
                placeholderText: qsTr("账号")
                Accessible.name: qsTr("账号")
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 8
                Layout.fillWidth: true
                TextField {
                    id: password
                    objectName: "passwordField"
                    placeholderText: qsTr("密码")
                    echoMode: showPassword.checked ? TextInput.Normal : TextInput.Password
                    Accessible.name: qsTr("密码")
                    Layout.fillWidth: true
                    onAccepted: signInButton.clicked()
                }
                Button {
                    id: showPassword
                    objectName: "showPassword"
                    checkable: true
                    flat: true
                    text: checked ? qsTr("隐藏") : qsTr("显示")
                    Accessible.name: checked ? qsTr("隐藏密码") : qsTr("显示密码")
                }
            }
            Label {
                objectName: "signInError"
                text: Services.signInError
                visible: text !== ""
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                id: signInButton
                objectName: "signInButton"
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
