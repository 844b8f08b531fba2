import QtQuick
import QtQuick.Controls
import QtTest
import Duban
import DubanTest

// The sign-in page against the real server over real TLS: what goes wrong is said in plain words
// (never libcurl's English), in the UI's language; a blank CA file trusts the system's store.
// The tests run in name order; the last one signs in.
TestCase {
    name: "SignIn"
    when: windowShown
    visible: true
    width: 390
    height: 800

    Component {
        id: pageComponent
        SignInPage {}
    }

    function openPage() {
        const page = createTemporaryObject(pageComponent, this, { width: 390, height: 800 })
        verify(page !== null)
        return page
    }

    // Fills the form as a person does and presses 登录; waits for the answer.
    function signIn(page, server, caFile, password) {
        findChild(page, "serverField").text = server
        findChild(page, "caFileField").text = caFile
        findChild(page, "usernameField").text = "ui-field"
        findChild(page, "passwordField").text = password
        const button = findChild(page, "signInButton")
        tryVerify(() => button.enabled, 2000, "登录 enabled")
        mouseClick(button)
        tryVerify(() => !Services.signingIn, 30000, "the sign-in finished")
        return findChild(page, "signInError")
    }

    function cleanup() {
        Services.language = "zh_CN"
        Harness.setSystemTrust("")
    }

    function test_1_a_ca_file_that_did_not_sign_the_server_is_said_in_chinese_and_english() {
        const page = openPage()
        const error = signIn(page, Harness.serverUrl, Harness.otherCaFile, Harness.password)
        verify(!Services.signedIn)
        compare(error.text, "无法验证服务器证书：请确认 CA 证书文件是服务器提供的那一份。")
        verify(error.visible)

        Services.language = "en"
        signIn(page, Harness.serverUrl, Harness.otherCaFile, Harness.password)
        compare(error.text, "The server's certificate could not be verified: make sure the CA "
                + "file is the one the server provides.")
    }

    function test_2_a_server_that_does_not_answer_is_said_plainly() {
        const page = openPage()
        const error = signIn(page, "https://127.0.0.1:9", Harness.caFile, Harness.password)
        verify(!Services.signedIn)
        compare(error.text, "连不上服务器：请检查网络和服务器地址。")
    }

    function test_3_a_wrong_password_is_not_an_expired_session() {
        const page = openPage()
        const error = signIn(page, Harness.serverUrl, Harness.caFile, "not-the-password")
        verify(!Services.signedIn)
        compare(error.text, "账号或密码不正确：请检查后重试。")
    }

    function test_4_the_ca_file_is_picked_with_a_file_dialog() {
        compare(Services.fileDialogProblem, "",
                "the file dialog's QML modules must be installed: " + Services.fileDialogProblem)
        const page = openPage()
        const choose = findChild(page, "chooseCaFile")
        tryVerify(() => choose.visible && choose.enabled, 2000)
        mouseClick(choose)
        const dialog = findChild(page, "caDialog")
        tryVerify(() => dialog.visible, 3000, "the dialog opened")
        verify(!findChild(page, "caDialogProblem").visible)
        dialog.reject()
        tryVerify(() => !dialog.visible, 3000)
    }

    function test_5_the_password_can_be_shown() {
        const page = openPage()
        const password = findChild(page, "passwordField")
        const show = findChild(page, "showPassword")
        compare(password.echoMode, TextInput.Password)
        mouseClick(show)
        compare(password.echoMode, TextInput.Normal)
        mouseClick(show)
        compare(password.echoMode, TextInput.Password)
    }

    // Blank really is "the system's CAs": refused (with what to do) while the system's store does
    // not hold the server's CA, signed in once it does.
    function test_6_a_blank_ca_file_trusts_the_systems_store() {
        const page = openPage()
        Harness.setSystemTrust(Harness.otherCaFile)
        const error = signIn(page, Harness.serverUrl, "", Harness.password)
        verify(!Services.signedIn)
        compare(error.text, "本机不信任这个服务器的证书：请选择服务器提供的 CA 证书文件（ca.crt）。")

        Harness.setSystemTrust(Harness.caFile)
        signIn(page, Harness.serverUrl, "", Harness.password)
        tryVerify(() => Services.signedIn, 10000, "signed in: " + Services.signInError)
        Services.signOut()
    }
}
