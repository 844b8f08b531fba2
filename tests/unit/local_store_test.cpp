// The local store: every edit writes its record and its outbox entry together, or neither; the
// core rules are applied before anything is written; drafts survive a restart.
#include <gtest/gtest.h>

#include "core/store/record_rows.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

class LocalStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        m_kgx = test::unitIdByName(*m_store, "市科工信局");
        m_project = test::projectIdByCode(*m_store, "key_projects_2022#1");  // 酒鬼酒, 市科工信局
        m_field = Actor{"user-field", Role::field, m_kgx, {}};
    }

    ProgressReport draft() const {
        ProgressReport r;
        r.projectId = m_project;
        r.period = "2022-06";
        r.investment = 12'000'000;
        r.percentComplete = 45;
        r.narrative = "三区一期主体完工";
        return r;
    }

    int rows(const char* table) const {
        Statement s = m_store->database().prepare(std::string("SELECT count(*) FROM ") + table);
        s.step();
        return s.integer(0);
    }

    test::TempDir m_dir;
    ManualClock m_clock{test::kJuly1st2022};
    std::unique_ptr<LocalStore> m_store;
    std::string m_kgx;
    std::string m_project;
    Actor m_field;
};

TEST_F(LocalStoreTest, AVisitSavedOfflineIsInTheOutboxAndSurvivesARestart) {
    SiteVisit visit;
    visit.projectId = m_project;
    visit.visitedAt = "2022-06-30T02:00:00Z";
    visit.position = Position{28.31, 109.73, 6.5, PositionSource::gps};
    visit.notes = "三区二期酿酒车间基础施工";
    visit.peopleMet = "项目经理 张工";
    const auto saved = m_store->saveVisit(m_field, visit);
    ASSERT_TRUE(saved) << saved.error().message;

    m_store.reset();  // the app is closed
    auto reopened = LocalStore::open(m_dir.file("device.db"), m_clock, "device-test");
    ASSERT_TRUE(reopened);
    const auto back = reopened.value()->visit(saved->id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->notes, visit.notes);
    EXPECT_EQ(back->state, RecordState::draft);
    EXPECT_EQ(back->authorId, "user-field");
    ASSERT_TRUE(back->position);
    EXPECT_DOUBLE_EQ(back->position->latitude, 28.31);
    const auto outbox = reopened.value()->outbox();
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].n, 1);
    EXPECT_EQ(outbox[0].op, "create");
    EXPECT_EQ(outbox[0].entity, "site_visit");
    EXPECT_EQ(outbox[0].recordId, saved->id);
    EXPECT_EQ(outbox[0].fields["notes"], visit.notes);
    EXPECT_EQ(outbox[0].fields["position"]["source"], "gps");
}

TEST_F(LocalStoreTest, AnEditThatFailsWritingTheOutboxLeavesNoRecord) {
    m_store->database().execute(
        "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk "
        "full'); END");
    const auto saved = m_store->saveReport(m_field, draft());
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, "store_failed");
    EXPECT_EQ(rows("progress_report"), 0);
    EXPECT_EQ(rows("outbox"), 0);
}

TEST_F(LocalStoreTest, AnEditThatFailsWritingTheRecordLeavesNoOutboxRow) {
    const auto first = m_store->saveReport(m_field, draft());
    ASSERT_TRUE(first);
    m_store->database().execute(
        "CREATE TRIGGER fail_update BEFORE UPDATE ON progress_report BEGIN SELECT RAISE(ABORT, 'io "
        "error'); END");
    ProgressReport edited = first.value();
    edited.narrative = "改了";
    ASSERT_FALSE(m_store->saveReport(m_field, edited));
    EXPECT_EQ(rows("outbox"), 1);
    EXPECT_EQ(m_store->report(first->id)->narrative, "三区一期主体完工");
    // The mutation number of the failed edit is not used up: the next edit is number 2.
    m_store->database().execute("DROP TRIGGER fail_update");
    ASSERT_TRUE(m_store->saveReport(m_field, edited));
    EXPECT_EQ(m_store->outbox().back().n, 2);
}

TEST_F(LocalStoreTest, AnUpdateSendsOnlyTheFieldsThatChanged) {
    const auto first = m_store->saveReport(m_field, draft());
    ASSERT_TRUE(first);
    ProgressReport edited = first.value();
    edited.percentComplete = 50;
    edited.problems = "用地指标未落实";
    ASSERT_TRUE(m_store->saveReport(m_field, edited));
    ASSERT_TRUE(m_store->saveReport(m_field, edited));  // unchanged: nothing new to send
    const auto outbox = m_store->outbox();
    ASSERT_EQ(outbox.size(), 2u);
    EXPECT_EQ(outbox[1].op, "update");
    EXPECT_EQ(outbox[1].fields,
              (nlohmann::json{{"percent_complete", 50}, {"problems", "用地指标未落实"}}));
    EXPECT_EQ(outbox[1].baseVersion, 0);
    EXPECT_LT(outbox[0].hlc, outbox[1].hlc);
}

TEST_F(LocalStoreTest, AReportWithInvalidFiguresIsNotSavedAndSaysWhy) {
    ProgressReport bad = draft();
    bad.percentComplete = 130;
    const auto saved = m_store->saveReport(m_field, bad);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, "invalid");
    EXPECT_NE(saved.error().message.find("percent"), std::string::npos);
    EXPECT_EQ(rows("progress_report"), 0);
    EXPECT_EQ(rows("outbox"), 0);
}

TEST_F(LocalStoreTest, AnIncompleteDraftSavesButCannotBeSubmitted) {
    ProgressReport incomplete = draft();
    incomplete.narrative.clear();
    const auto saved = m_store->saveReport(m_field, incomplete);
    ASSERT_TRUE(saved);
    const auto submitted =
        m_store->transition(m_field, Entity::progress_report, saved->id, Transition::submit);
    ASSERT_FALSE(submitted);
    EXPECT_EQ(submitted.error().code, "invalid");
    EXPECT_EQ(m_store->report(saved->id)->state, RecordState::draft);
    EXPECT_EQ(m_store->pendingCount(), 1);
}

TEST_F(LocalStoreTest, SubmitThenTheFieldUserCannotApproveOrEdit) {
    const auto saved = m_store->saveReport(m_field, draft());
    ASSERT_TRUE(saved);
    ASSERT_TRUE(
        m_store->transition(m_field, Entity::progress_report, saved->id, Transition::submit));
    EXPECT_EQ(m_store->report(saved->id)->state, RecordState::submitted);
    const auto outbox = m_store->outbox();
    ASSERT_EQ(outbox.size(), 2u);
    EXPECT_EQ(outbox[1].op, "transition");
    EXPECT_EQ(outbox[1].transition, "submit");

    const auto approve =
        m_store->transition(m_field, Entity::progress_report, saved->id, Transition::approve);
    ASSERT_FALSE(approve);
    EXPECT_EQ(approve.error().code, "forbidden");
    ProgressReport edited = saved.value();
    edited.narrative = "悄悄改";
    EXPECT_EQ(m_store->saveReport(m_field, edited).error().code, "forbidden");
    EXPECT_EQ(m_store->pendingCount(), 2);
}

TEST_F(LocalStoreTest, ASupervisorReturnNeedsAComment) {
    const auto saved = m_store->saveReport(m_field, draft());
    ASSERT_TRUE(
        m_store->transition(m_field, Entity::progress_report, saved->id, Transition::submit));
    const Actor supervisor{
        "user-sup", Role::supervisor, test::unitIdByName(*m_store, "市发改局"), {}};
    EXPECT_EQ(
        m_store
            ->transition(supervisor, Entity::progress_report, saved->id, Transition::return_, "  ")
            .error()
            .code,
        "invalid");
    ASSERT_TRUE(m_store->transition(supervisor, Entity::progress_report, saved->id,
                                    Transition::return_, "补充照片"));
    EXPECT_EQ(m_store->report(saved->id)->state, RecordState::returned);
    EXPECT_EQ(m_store->outbox().back().comment, "补充照片");
    // Approving a returned report is not a valid transition.
    EXPECT_EQ(
        m_store->transition(supervisor, Entity::progress_report, saved->id, Transition::approve)
            .error()
            .code,
        "invalid_transition");
}

TEST_F(LocalStoreTest, NobodyWritesForAProjectOutsideTheirScope) {
    const Actor otherTownship{"user-town", Role::field, test::unitIdByName(*m_store, "河溪镇"), {}};
    const auto saved = m_store->saveReport(otherTownship, draft());
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, "forbidden");
    EXPECT_EQ(rows("outbox"), 0);
}

TEST_F(LocalStoreTest, DeletingADraftQueuesTheDeletionKeepingNumbersContiguous) {
    const auto saved = m_store->saveReport(m_field, draft());
    ASSERT_TRUE(m_store->deleteDraft(m_field, Entity::progress_report, saved->id));
    EXPECT_FALSE(m_store->report(saved->id));
    const auto outbox = m_store->outbox();
    ASSERT_EQ(outbox.size(), 2u);
    EXPECT_EQ(outbox[0].n + 1, outbox[1].n);
    EXPECT_EQ(outbox[1].op, "delete");
}

}  // namespace
}  // namespace duban
