import QtQuick
import QtQuick.Controls
import QtTest
import QtMultimedia
import Duban
import DubanTest

// The visit screen offers the camera only where Qt Multimedia sees one; files always work.
TestCase {
    name: "VisitPage"
    when: windowShown
    visible: true  // a TestCase is hidden by default; the buttons are checked as shown
    width: 390
    height: 800

    Component {
        id: pageComponent
        VisitPage {}
    }
    MediaDevices {
        id: devices
    }

    function test_photos_come_from_the_camera_where_there_is_one_else_from_files() {
        const page = createTemporaryObject(pageComponent, this, {
            projectId: Harness.projectIdByCode("key_projects_2022#1"),
            width: 390, height: 800
        })
        verify(page !== null)
        const fromFile = findChild(page, "photoFromFile")
        const camera = findChild(page, "takePhoto")
        verify(fromFile !== null && camera !== null)
        tryVerify(() => fromFile.visible, 2000, "visible")
        tryVerify(() => fromFile.enabled, 2000, "enabled")
        compare(camera.visible, devices.videoInputs.length > 0)
    }

    // Qt's file dialog loads Qt.labs.folderlistmodel only when it opens, and crashes inside Qt if
    // it is missing (scripts/deps.sh installs qml6-module-qt-labs-folderlistmodel).
    function test_a_photo_from_a_file_opens_the_file_dialog() {
        compare(Services.fileDialogProblem, "",
                "the file dialog's QML modules must be installed: " + Services.fileDialogProblem)
        const page = createTemporaryObject(pageComponent, this, {
            projectId: Harness.projectIdByCode("key_projects_2022#1"),
            width: 390, height: 800
        })
        const fromFile = findChild(page, "photoFromFile")
        tryVerify(() => fromFile.visible && fromFile.enabled, 2000)
        mouseClick(fromFile)
        const dialog = findChild(page, "photoDialog")
        tryVerify(() => dialog.visible, 3000, "the dialog opened")
        verify(!findChild(page, "fileDialogProblem").visible)
        dialog.reject()
        tryVerify(() => !dialog.visible, 3000)
    }

    function test_a_missing_module_is_found_before_anything_opens() {
        compare(Harness.missingModule(["QtQuick", "Qt.labs.nosuchmodule"]), "Qt.labs.nosuchmodule")
        compare(Harness.missingModule(["QtQuick", "Qt.labs.folderlistmodel"]), "")
    }

    Component {
        id: cameraComponent
        CameraCapture {}
    }

    function test_the_camera_screen_opens_and_will_not_shoot_without_a_camera() {
        const camera = createTemporaryObject(cameraComponent, this)
        verify(camera !== null, "Qt Multimedia's types are there at run time")
        camera.open()
        tryVerify(() => camera.opened, 2000)
        const shutter = findChild(camera.contentItem, "shutter")
        verify(shutter !== null)
        if (devices.videoInputs.length === 0)
            verify(!shutter.enabled, "nothing to capture from")
        camera.close()
        tryVerify(() => !camera.opened, 2000)
    }
}
