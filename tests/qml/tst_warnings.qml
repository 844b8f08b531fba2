import QtQuick
import QtTest
import Duban
import DubanTest

// A letter synced to the field officer's unit shows as the banner's count on the project list and
// is acknowledged from the device (queued for the server); a letter to another unit's project is
// nothing this user acknowledges.
TestCase {
    id: testCase
    name: "Warnings"
    when: windowShown

    readonly property string ownId: "0190f0a8-0000-7000-8000-00000000a001"
    readonly property string otherId: "0190f0a8-0000-7000-8000-00000000a002"

    Component {
        id: lettersComponent
        WarningsModel { services: Services }
    }
    Component {
        id: letterPageComponent
        WarningPage {}
    }
    Component {
        id: proposalsComponent
        WarningProposalsModel { services: Services }
    }
    Component {
        id: listPageComponent
        ProjectListPage {}
    }

    function initTestCase() {
        Harness.receiveWarning(ownId, Harness.projectIdByCode("key_projects_2022#1"), "吉发改督〔2022〕1号")
        const other = Harness.projectIdNotOfMyUnit()
        verify(other !== "")
        Harness.receiveWarning(otherId, other, "吉发改督〔2022〕2号")
    }

    function test_a_field_user_sees_the_banner_and_acknowledges() {
        const page = createTemporaryObject(listPageComponent, testCase, { width: 800, height: 600 })
        const banner = findChild(page, "warningBanner")
        verify(banner)
        tryVerify(() => banner.waiting === 1, 5000, "waiting " + banner.waiting)
        compare(banner.text, "您有1份督办函待签收")

        const letters = createTemporaryObject(lettersComponent, this, { openOnly: true })
        tryVerify(() => letters.count === 1, 5000)
        const letter = letters.letter(ownId)
        compare(letter.number, "吉发改督〔2022〕1号")
        compare(letter.correctBy, "2022-07-15")
        verify(letter.canAcknowledge)
        verify(letters.letter(otherId).warningId === "", "another unit's letter is not listed")

        letters.acknowledge(ownId)
        tryVerify(() => letters.toAcknowledge === 0 && letters.count === 0, 5000, letters.message)
        compare(Harness.queuedFor(ownId), 1)
        tryVerify(() => banner.waiting === 0, 5000)  // and with it the banner goes

        // Once only: a second acknowledgment is refused on the device.
        letters.acknowledge(ownId)
        tryVerify(() => letters.message !== "", 5000)
        compare(Harness.queuedFor(ownId), 1)
    }

    function test_a_letter_exports_as_a_pdf_named_by_its_number() {
        const letters = createTemporaryObject(lettersComponent, this, { warningId: ownId })
        tryVerify(() => letters.count === 1, 5000)
        letters.exportPdf(ownId)
        tryVerify(() => letters.exported !== "" || letters.message !== "", 20000)
        compare(letters.message, "")
        verify(letters.exported.endsWith("/exports/督办函-吉发改督〔2022〕1号.pdf"), letters.exported)
        verify(Harness.fileExists("file://" + letters.exported))
        letters.exportPdf("no-such-letter")
        tryVerify(() => letters.message !== "", 5000)
    }

    function test_nothing_to_acknowledge_for_another_units_project() {
        const letters = createTemporaryObject(lettersComponent, this,
                                              { projectId: Harness.projectIdNotOfMyUnit() })
        tryVerify(() => letters.totalCount === 0 && letters.toAcknowledge === 0, 5000)
        letters.acknowledge(otherId)
        tryVerify(() => letters.message !== "", 5000)
        verify(letters.message.indexOf("没有权限") >= 0, letters.message)
        compare(Harness.queuedFor(otherId), 0)
    }

    // A new letter offers two weeks to correct, from today in Beijing by the app's clock.
    function test_a_new_letter_offers_two_weeks_from_today_in_beijing() {
        verify(Harness.setClock("2026-12-31T16:30:00Z"))
        try {
            const proposals = createTemporaryObject(proposalsComponent, testCase)
            compare(proposals.suggestedDeadline, "2027-01-15")
        } finally {
            Harness.useSystemTime()
        }
    }

    // A store that fails a read is logged under duban.store and said in the model's message,
    // not shown as an empty list.
    function test_a_failed_read_is_logged_and_said() {
        const letters = createTemporaryObject(lettersComponent, testCase)
        tryVerify(() => letters.totalCount >= 1, 5000)
        ignoreWarning(/reading the warning letters failed/)
        Harness.hideWarnings()
        try {
            Harness.notifyChanged()
            tryVerify(() => letters.message.indexOf("读取本机数据失败") >= 0, 5000, letters.message)
        } finally {
            Harness.showWarnings()
        }
        Harness.notifyChanged()
        tryVerify(() => letters.totalCount >= 1, 5000)
    }

    // The letter's page reads the letter as a typed value (warningLetter) from the model.
    function test_the_letter_page_shows_the_letter() {
        const page = createTemporaryObject(letterPageComponent, testCase,
                                           { width: 800, height: 600, warningId: ownId })
        tryVerify(() => page.letter.warningId === ownId, 5000)
        compare(page.letter.number, "吉发改督〔2022〕1号")
        compare(page.title, page.letter.letter)
        verify(page.title !== "")
    }
}
