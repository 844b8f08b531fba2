import QtQuick
import QtTest
import Duban
import DubanTest

// The field officer's day: sign in, lose the network, record a visit with a photo, get it back,
// sync; the supervisor approves on their own device; the app shows the visit approved as soon as
// it is (live changes), without a sync being asked for.
TestCase {
    name: "OfflineVisit"

    Component {
        id: editorComponent
        VisitEditor { services: Services }
    }
    Component {
        id: uploadsComponent
        PhotoUploadsModel { services: Services }
    }
    Component {
        id: actionsComponent
        RecordActions { services: Services }
    }

    function test_a_visit_recorded_offline_is_approved_and_the_app_shows_it() {
        Services.signIn(Harness.serverUrl, Harness.caFile, "ui-field", Harness.password)
        tryVerify(() => Services.signedIn, 30000, "signed in: " + Services.signInError)
        tryVerify(() => Services.sync.lastSyncAt !== "" && !Services.sync.busy, 30000)
        const project = Harness.projectIdByCode("key_projects_2022#1")
        verify(project !== "", "the first sync brought the projects")

        Harness.setOnline(false)
        const editor = createTemporaryObject(editorComponent, this, { projectId: project })
        editor.visitedAt = "2022-06-30 10:00"
        editor.latitude = "28.3105"
        editor.longitude = "109.7321"
        editor.notes = "三区二期酿酒车间基础施工"
        editor.addPhoto(Harness.makePhoto(1024, 768, 5))
        tryVerify(() => editor.photos.length === 1 && !editor.addingPhoto, 20000)
        editor.submit()
        tryVerify(() => editor.state === "submitted", 10000, editor.message)
        const id = editor.recordId

        Services.sync.syncNow()
        tryVerify(() => !Services.sync.busy && Services.sync.lastError !== "", 60000)
        verify(Services.sync.pending >= 3, "visit, photo and submission wait: " + Services.sync.pending)
        const uploads = createTemporaryObject(uploadsComponent, this)
        tryVerify(() => uploads.count === 2, 5000, "the photo and its thumbnail wait to upload")

        Harness.setOnline(true)
        Services.sync.syncNow()
        tryVerify(() => !Services.sync.busy && Services.sync.lastError === ""
                  && Services.sync.pending === 0 && Services.sync.photoFilesWaiting === 0, 60000,
                  "synced: " + Services.sync.lastError)
        tryVerify(() => uploads.count === 0, 5000, "nothing left to upload")

        // Live changes: after a good sync the app holds a long-polling pull open, so the
        // approval arrives by itself — nobody presses sync, and the 5-minute timer is far off.
        tryVerify(() => Services.sync.live, 10000, "a watch is open after the sync")
        const actions = createTemporaryObject(actionsComponent, this, { recordId: id })
        tryVerify(() => actions.state === "submitted", 10000, "state " + actions.state)
        compare(Harness.supervisorApproves(id), "")
        tryVerify(() => actions.state === "approved", 10000, "state " + actions.state)
        compare(actions.photos.length, 1)
        verify(!actions.canEdit)

        // A photo this device does not hold is fetched when shown, and served from then on.
        const thumbnail = actions.photos[0].thumbnailSha256
        verify(Harness.forgetBlob(thumbnail))
        Services.sync.syncNow()
        tryVerify(() => !Services.sync.busy && actions.photos.length === 1
                  && actions.photos[0].thumbnail.toString() === "", 30000)
        blobReady.clear()
        Services.sync.fetchBlob(thumbnail)
        blobReady.wait(30000)
        compare(blobReady.signalArguments[0][0], thumbnail)
        tryVerify(() => actions.photos[0].thumbnail.toString().startsWith("file://"), 10000)
    }

    SignalSpy {
        id: blobReady
        target: Services.sync
        signalName: "blobReady"
    }
}
