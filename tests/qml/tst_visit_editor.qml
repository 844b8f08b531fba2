import QtQuick
import QtTest
import Duban
import DubanTest

// A site visit written with no network: saved with its photo, queued for sync, and still there
// after the app restarts.
TestCase {
    name: "VisitEditor"

    Component {
        id: editorComponent
        VisitEditor {
            services: Services
        }
    }

    function test_a_visit_saved_offline_is_queued_and_survives_a_restart() {
        const project = Harness.projectIdByCode("key_projects_2022#1")
        verify(project !== "")
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        editor.visitedAt = "2022-06-30 10:00"
        editor.latitude = "28.3105"
        editor.longitude = "109.7321"
        editor.accuracy = "8"
        editor.notes = "三区二期酿酒车间基础施工，现场约120人"
        editor.peopleMet = "项目经理 张工"
        editor.save()
        tryVerify(() => editor.recordId !== "" && !editor.saving, 5000)
        compare(editor.message, "")
        compare(editor.state, "draft")
        const id = editor.recordId

        const picked = Harness.makePhoto(800, 600, 11)
        editor.addPhoto(picked)
        tryVerify(() => !editor.addingPhoto && editor.photos.length === 1, 10000)
        verify(editor.photos[0].thumbnail.toString().startsWith("file://"))
        verify(Harness.fileExists(picked), "a file the user picked is theirs: it stays")
        // The visit's create and the photo's create wait in the outbox; the server is unreachable.
        tryVerify(() => Harness.queuedFor(id) >= 1, 5000)

        verify(Harness.restart(), "the app reopens its data folder")
        const again = createTemporaryObject(editorComponent, this)
        again.load(id)
        tryVerify(() => again.recordId === id, 5000)
        compare(again.notes, "三区二期酿酒车间基础施工，现场约120人")
        compare(again.visitedAt, "2022-06-30 10:00")
        compare(again.latitude, "28.310500")
        compare(again.positionSource, "manual")
        tryVerify(() => again.photos.length === 1, 5000)
        verify(Harness.queuedFor(id) >= 1, "still queued after the restart")
        tryVerify(() => Services.sync !== null && Services.sync.pending >= 2, 5000)
    }

    function test_a_time_that_does_not_parse_is_shown_and_not_saved() {
        const project = Harness.projectIdByCode("key_projects_2022#1")
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        editor.visitedAt = "昨天下午"
        verify(editor.errors.visited_at !== undefined)
        editor.latitude = "北纬28度"
        verify(editor.errors.position !== undefined)
        editor.submit()
        compare(editor.state, "draft")
        verify(editor.message !== "")
    }

    // "超出允许范围" names the range, which is the globe's.
    function test_a_position_out_of_range_names_the_range() {
        const project = Harness.projectIdByCode("key_projects_2022#1")
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        editor.visitedAt = "2022-06-30 10:00"
        editor.notes = "范围测试"
        editor.longitude = "109.7321"
        editor.latitude = "95"
        editor.submit()
        tryVerify(() => editor.errors.position === "纬度超出允许范围：应在 -90 到 90 之间", 5000,
                  JSON.stringify(editor.errors))
        compare(editor.state, "draft")
    }

    function test_a_camera_shot_is_kept_until_the_store_holds_it() {
        const project = Harness.projectIdByCode("key_projects_2022#1")
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        editor.notes = "拍照测试"
        const shot = editor.newCaptureFile()
        verify(shot.toString().indexOf(Services.dataFolder + "/captures/") >= 0, shot)
        verify(shot.toString() !== editor.newCaptureFile().toString(), "each shot its own file")
        // What the camera does: writes the shot there, then the page hands it to the editor.
        Harness.writePhoto(shot, 640, 480, 12)
        verify(Harness.fileExists(shot))
        editor.addPhoto(shot)
        tryVerify(() => !editor.addingPhoto && editor.photos.length === 1, 10000)
        compare(editor.message, "")
        verify(!Harness.fileExists(shot), "the store holds the photo; the capture is removed")
    }

    function test_a_broken_shot_is_refused_and_kept() {
        const project = Harness.projectIdByCode("key_projects_2022#1")
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        const shot = editor.newCaptureFile()
        Harness.writeText(shot, "not a jpeg")
        editor.addPhoto(shot)
        tryVerify(() => !editor.addingPhoto && editor.errors.photos !== undefined, 10000)
        compare(editor.photos.length, 0)
        verify(Harness.fileExists(shot), "nothing is deleted that the store did not take")
    }

    // A new visit is at the time now by the app's clock, written in Beijing time.
    function test_a_new_visit_is_at_the_time_now_in_beijing() {
        verify(Harness.setClock("2026-12-31T16:30:00Z"))
        try {
            const editor = createTemporaryObject(editorComponent, this)
            compare(editor.visitedAt, "2027-01-01 00:30")
        } finally {
            Harness.useSystemTime()
        }
    }
}
