// The inbox as a user meets it: what the server refused or what lost to another device's edit
// waits there, nothing typed is lost, and the user resubmits it (with corrections) or discards
// it. Real stores, libcurl, the real server over HTTPS.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "core/store/inbox.h"
#include "tests/support/sync_device.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

namespace duban::test {
namespace {

using nlohmann::json;

constexpr const char* kProjectCode = "key_projects_2022#1";  // 市科工信局 responsible (酒鬼酒)

class InboxTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>();
        s_server->createUser("inbox-field", Role::field, "市科工信局");
        s_server->createUser("inbox-sup", Role::supervisor, "市发改局");
        s_server->createUser("inbox-sup2", Role::supervisor, "市发改局");
    }
    static void TearDownTestSuite() { s_server.reset(); }
    static TestServer& server() { return *s_server; }

    static json serverReport(const std::string& id) {
        json row;
        server().withDatabase([&](const Database& db) {
            Statement s = db.prepare(
                "SELECT state, percent_complete, narrative, version FROM progress_report "
                "WHERE id = ?");
            s.bindAll(id);
            if (s.step())
                row = {{"state", s.text(0)},
                       {"percent", s.int64(1)},
                       {"narrative", s.text(2)},
                       {"version", s.int64(3)}};
        });
        return row;
    }

    static std::unique_ptr<TestServer> s_server;
};

std::unique_ptr<TestServer> InboxTest::s_server;

TEST_F(InboxTest, AnApprovalThatLostToAReturnIsShownAndDiscardedOnRecord) {
    Device field(server(), "inbox-field");
    Device first(server(), "inbox-sup");
    Device second(server(), "inbox-sup2");
    field.sync();
    const ProgressReport report = field.submittedReport(field.projectId(kProjectCode), 40);
    field.sync();
    first.sync();
    second.sync();
    ASSERT_TRUE(first.store().transition(first.actor(), Entity::progress_report, report.id,
                                         Transition::return_, "请补充影像资料"));
    ASSERT_TRUE(second.store().transition(second.actor(), Entity::progress_report, report.id,
                                          Transition::approve));
    first.sync();
    EXPECT_EQ(second.sync().rejected, 1);

    // Shown, not merged: the item names the refused approval and the server's returned record.
    const json shown = second.inbox();
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0]["code"], "invalid_transition");
    EXPECT_EQ(shown[0]["server_record"]["state"], "returned");
    EXPECT_EQ(openInboxCount(second.store().database()), 1);
    EXPECT_EQ(serverReport(report.id)["state"], "returned");

    // Resubmitting is refused by the same state machine (a returned report is not approvable);
    // the item stays open.
    const Status again =
        second.store().resolveInbox(second.actor(), shown[0]["id"], InboxAction::resubmit);
    ASSERT_FALSE(again);
    EXPECT_EQ(openInboxCount(second.store().database()), 1);
    EXPECT_EQ(second.store().pendingCount(), 0);

    ASSERT_TRUE(second.store().resolveInbox(second.actor(), shown[0]["id"], InboxAction::discard));
    EXPECT_EQ(openInboxCount(second.store().database()), 0);
    EXPECT_EQ(second.inbox()[0]["resolution"], "discarded");  // kept as the record of it
    EXPECT_EQ(second.store().pendingCount(), 0);
    const Status twice =
        second.store().resolveInbox(second.actor(), shown[0]["id"], InboxAction::discard);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, "already_resolved");
}

TEST_F(InboxTest, AnEditRefusedAfterSubmissionIsKeptAndResubmittedOnceReturned) {
    Device phone(server(), "inbox-field");
    Device tablet(server(), "inbox-field");
    Device supervisor(server(), "inbox-sup");
    phone.sync();
    const ProgressReport draft = phone.newReport(phone.projectId(kProjectCode), 10);
    phone.sync();
    tablet.sync();

    // The tablet edits offline while the phone submits the draft as it was.
    ProgressReport typed = *tablet.store().report(draft.id);
    typed.percentComplete = 70;
    typed.narrative = "二区主体封顶，三区基础完成";
    ASSERT_TRUE(tablet.store().saveReport(tablet.actor(), typed));
    ASSERT_TRUE(phone.store().transition(phone.actor(), Entity::progress_report, draft.id,
                                         Transition::submit));
    phone.sync();
    EXPECT_EQ(tablet.sync().rejected, 1);
    const json item = tablet.inbox().at(0);
    EXPECT_EQ(item["kind"], "rejected");
    EXPECT_EQ(tablet.store().report(draft.id)->state, RecordState::submitted);
    const auto kept = loadInboxItem(tablet.store().database(), item["id"].get<std::string>());
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->typedFields()["narrative"], typed.narrative);  // nothing typed is lost

    // While submitted the edit cannot go again; once the supervisor returns it, it can, with a
    // correction on top.
    ASSERT_FALSE(tablet.store().resolveInbox(tablet.actor(), kept->id, InboxAction::resubmit));
    supervisor.sync();
    ASSERT_TRUE(supervisor.store().transition(supervisor.actor(), Entity::progress_report, draft.id,
                                              Transition::return_, "请更新形象进度"));
    supervisor.sync();
    tablet.sync();
    ASSERT_EQ(tablet.store().report(draft.id)->state, RecordState::returned);
    ASSERT_TRUE(tablet.store().resolveInbox(tablet.actor(), kept->id, InboxAction::resubmit,
                                            json{{"percent_complete", 75}}));
    EXPECT_EQ(tablet.store().pendingCount(), 1);
    EXPECT_EQ(tablet.sync().applied, 1);

    const json onServer = serverReport(draft.id);
    EXPECT_EQ(onServer["state"], "returned");
    EXPECT_EQ(onServer["percent"], 75);
    EXPECT_EQ(onServer["narrative"], typed.narrative);
    phone.sync();
    EXPECT_EQ(phone.store().report(draft.id)->narrative, typed.narrative);
    EXPECT_EQ(phone.localVersion(draft.id), onServer["version"].get<std::int64_t>());
    EXPECT_EQ(tablet.localVersion(draft.id), onServer["version"].get<std::int64_t>());
}

TEST_F(InboxTest, TheLoserOfAConflictPutsTheirValueBack) {
    Device phone(server(), "inbox-field");
    Device tablet(server(), "inbox-field");
    phone.sync();
    const ProgressReport draft = phone.newReport(phone.projectId(kProjectCode), 10);
    phone.sync();
    tablet.sync();
    ProgressReport onPhone = *phone.store().report(draft.id);
    onPhone.percentComplete = 50;
    ASSERT_TRUE(phone.store().saveReport(phone.actor(), onPhone));
    ProgressReport onTablet = *tablet.store().report(draft.id);
    onTablet.percentComplete = 80;
    ASSERT_TRUE(tablet.store().saveReport(tablet.actor(), onTablet));
    phone.sync();
    tablet.sync();  // the later push wins
    phone.sync();
    ASSERT_EQ(phone.store().report(draft.id)->percentComplete, 80);
    const json conflict = phone.inbox().at(0);
    ASSERT_EQ(conflict["kind"], "conflict");

    ASSERT_TRUE(phone.store().resolveInbox(phone.actor(), conflict["id"], InboxAction::resubmit));
    EXPECT_EQ(phone.store().report(draft.id)->percentComplete, 50);
    phone.sync();
    tablet.sync();
    EXPECT_EQ(serverReport(draft.id)["percent"], 50);
    EXPECT_EQ(tablet.store().report(draft.id)->percentComplete, 50);
    EXPECT_EQ(phone.inbox().at(0)["resolution"], "resubmitted");
}

// A create the server refused leaves a local copy it never took: editing it sends it whole
// again, and discarding the item removes it. No server needed: the refusal is written as the
// engine writes it.
TEST(InboxOfflineTest, ARefusedCreateIsSentWholeAgainOrDiscardedWithItsCopy) {
    TempDir dir;
    ManualClock clock{kJuly1st2022};
    auto store = openSeededStore(dir.file("device.db"), clock);
    const Actor field{"user-field", Role::field, unitIdByName(*store, "市科工信局"), {}};
    ProgressReport report;
    report.projectId = projectIdByCode(*store, kProjectCode);
    report.period = "2022-06";
    report.percentComplete = 20;
    const auto saved = store->saveReport(field, report);
    ASSERT_TRUE(saved);
    const OutboxEntry create = store->outbox().at(0);
    const Database& db = store->database();
    const auto refuse = [&](const std::string& inboxId) {
        Transaction tx(db);
        db.prepare(R"sql(INSERT INTO inbox (id, kind, entity, record_id, mutation, code, message,
                                            created_at)
                         VALUES (?, 'rejected', 'progress_report', ?, ?, 'forbidden', 'no', ?))sql")
            .bindAll(inboxId, saved->id, json{{"op", "create"}, {"fields", create.fields}}.dump(),
                     "2022-07-01T00:00:00Z")
            .run();
        db.prepare("DELETE FROM outbox").run();
        tx.commit();
    };
    refuse("refusal-1");

    ASSERT_TRUE(store->resolveInbox(field, "refusal-1", InboxAction::resubmit,
                                    json{{"narrative", "补充说明"}}));
    const auto resent = store->outbox();
    ASSERT_EQ(resent.size(), 1u);
    EXPECT_EQ(resent[0].op, "create");  // not an update of a record the server never had
    EXPECT_EQ(resent[0].fields["narrative"], "补充说明");
    EXPECT_EQ(resent[0].fields["percent_complete"], 20);

    refuse("refusal-2");
    ASSERT_TRUE(store->resolveInbox(field, "refusal-2", InboxAction::discard));
    EXPECT_FALSE(store->report(saved->id));
    EXPECT_EQ(store->pendingCount(), 0);
    EXPECT_EQ(loadInboxItem(db, "refusal-2")->resolution, "discarded");

    const Status unknown = store->resolveInbox(field, "no-such-item", InboxAction::discard);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "not_found");
    const Status badEdits =
        store->resolveInbox(field, "refusal-1", InboxAction::resubmit, json::array());
    ASSERT_FALSE(badEdits);
    EXPECT_EQ(badEdits.error().code, "invalid");
}

}  // namespace
}  // namespace duban::test
