// The sync engine as devices use it: real local stores in files, the product's libcurl transport,
// the real server over HTTPS. Each test is a story — devices edit offline, syncOnce(), and the
// devices and the server are compared afterwards.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <future>
#include <memory>
#include <string>

#include "core/util/clock.h"
#include "core/util/uuid.h"
#include "sync/curl_transport.h"
#include "sync/fake_transport.h"
#include "sync/sync_engine.h"
#include "tests/support/sync_device.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

namespace duban::test {
namespace {

using nlohmann::json;
using sync::CurlTransport;
using sync::HttpRequest;
using sync::HttpResponse;
using sync::SyncEngine;
using sync::SyncReport;

constexpr const char* kProjectCode = "key_projects_2022#1";  // 市科工信局 responsible (酒鬼酒)

struct ServerRecord {
    std::string state;
    std::int64_t version = -1;
    bool operator==(const ServerRecord&) const = default;
};

class SyncEngineTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>();
        s_server->createUser("eng-field", Role::field, "市科工信局");
        s_server->createUser("eng-field2", Role::field, "市科工信局");
        s_server->createUser("eng-sup", Role::supervisor, "市发改局");
        s_server->createUser("eng-sup2", Role::supervisor, "市发改局");
        s_server->createUser("eng-mover", Role::field, "市科工信局");
        s_server->createUser("eng-admin", Role::admin, "市发改局");
    }
    static void TearDownTestSuite() { s_server.reset(); }

    static TestServer& server() { return *s_server; }

    static ServerRecord serverRecord(const std::string& id) {
        ServerRecord record;
        server().withDatabase([&](const Database& db) {
            Statement s = db.prepare(
                "SELECT state, version FROM progress_report WHERE id = ?1 "
                "UNION ALL SELECT state, version FROM site_visit WHERE id = ?1");
            s.bindAll(id);
            if (s.step())
                record = {s.text(0), s.int64(1)};
        });
        return record;
    }
    static std::int64_t serverCount(const std::string& sql) {
        std::int64_t n = 0;
        server().withDatabase([&](const Database& db) {
            Statement s = db.prepare(sql);
            s.step();
            n = s.int64(0);
        });
        return n;
    }

    static std::unique_ptr<TestServer> s_server;
};

std::unique_ptr<TestServer> SyncEngineTest::s_server;

TEST_F(SyncEngineTest, WorkDoneOfflineReachesTheSupervisorAndTheApprovalComesBack) {
    Device field(server(), "eng-field");
    Device supervisor(server(), "eng-sup");

    // First sync: the field device learns its projects (and can search them).
    const SyncReport first = field.sync();
    EXPECT_GT(first.pulled, 0);
    const std::string project = field.projectId(kProjectCode);
    ASSERT_FALSE(project.empty());
    EXPECT_GT(field.count("SELECT count(*) FROM project_search"), 0);
    EXPECT_GT(field.count("SELECT count(*) FROM project_unit"), 0);

    // Offline: a visit and a report, both submitted.
    const SiteVisit visit = field.newVisit(project);
    const ProgressReport report = field.newReport(project, 60);
    ASSERT_TRUE(
        field.store().transition(field.actor(), Entity::site_visit, visit.id, Transition::submit));
    ASSERT_TRUE(field.store().transition(field.actor(), Entity::progress_report, report.id,
                                         Transition::submit));
    ASSERT_EQ(field.store().pendingCount(), 4);

    const SyncReport pushed = field.sync();
    EXPECT_EQ(pushed.pushed, 4);
    EXPECT_EQ(pushed.applied, 4);
    EXPECT_EQ(pushed.rejected, 0);
    EXPECT_EQ(field.store().pendingCount(), 0);
    EXPECT_EQ(serverRecord(report.id), (ServerRecord{"submitted", 2}));
    EXPECT_EQ(serverRecord(visit.id), (ServerRecord{"submitted", 2}));
    EXPECT_EQ(field.localVersion(report.id), 2);

    // The supervisor's device pulls them.
    supervisor.sync();
    const auto seenReport = supervisor.store().report(report.id);
    ASSERT_TRUE(seenReport);
    EXPECT_EQ(seenReport->state, RecordState::submitted);
    EXPECT_EQ(seenReport->percentComplete, 60);
    EXPECT_EQ(seenReport->narrative, report.narrative);
    const auto seenVisit = supervisor.store().visit(visit.id);
    ASSERT_TRUE(seenVisit);
    EXPECT_EQ(seenVisit->state, RecordState::submitted);
    ASSERT_TRUE(seenVisit->position);
    EXPECT_DOUBLE_EQ(seenVisit->position->latitude, 28.31);

    // The supervisor approves on the device; both sync; the field device sees the approval.
    ASSERT_TRUE(supervisor.store().transition(supervisor.actor(), Entity::progress_report,
                                              report.id, Transition::approve));
    const SyncReport approved = supervisor.sync();
    EXPECT_EQ(approved.applied, 1);
    EXPECT_EQ(serverRecord(report.id), (ServerRecord{"approved", 3}));
    field.sync();
    const auto back = field.store().report(report.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->state, RecordState::approved);
    EXPECT_EQ(field.localVersion(report.id), 3);
    // The review record of the approval came with it.
    EXPECT_GE(field.count("SELECT count(*) FROM review WHERE kind = 'approve'"), 1);
}

TEST_F(SyncEngineTest, ARejectedMutationLandsInTheInboxAndDoesNotBlockLaterOnes) {
    Device field(server(), "eng-field2");
    Device first(server(), "eng-sup");
    Device second(server(), "eng-sup2");
    field.sync();
    const std::string project = field.projectId(kProjectCode);
    ASSERT_FALSE(project.empty());
    const ProgressReport report = field.newReport(project, 30);
    const SiteVisit visit = field.newVisit(project);
    ASSERT_TRUE(field.store().transition(field.actor(), Entity::progress_report, report.id,
                                         Transition::submit));
    ASSERT_TRUE(
        field.store().transition(field.actor(), Entity::site_visit, visit.id, Transition::submit));
    field.sync();
    first.sync();
    second.sync();

    // Both supervisors act on the same submitted report; the first to reach the server wins.
    ASSERT_TRUE(first.store().transition(first.actor(), Entity::progress_report, report.id,
                                         Transition::return_, "请补充投资完成依据"));
    ASSERT_TRUE(second.store().transition(second.actor(), Entity::progress_report, report.id,
                                          Transition::approve));
    ASSERT_TRUE(second.store().transition(second.actor(), Entity::site_visit, visit.id,
                                          Transition::approve));
    EXPECT_EQ(first.sync().applied, 1);
    const SyncReport late = second.sync();

    EXPECT_EQ(late.pushed, 2);
    EXPECT_EQ(late.rejected, 1);
    EXPECT_EQ(late.applied, 1);  // the visit's approval was not blocked
    EXPECT_EQ(second.store().pendingCount(), 0);
    EXPECT_EQ(serverRecord(report.id).state, "returned");
    EXPECT_EQ(serverRecord(visit.id).state, "approved");
    const json inbox = second.inbox();
    ASSERT_EQ(inbox.size(), 1u);
    EXPECT_EQ(inbox[0]["kind"], "rejected");
    EXPECT_EQ(inbox[0]["record_id"], report.id);
    EXPECT_FALSE(inbox[0]["code"].get<std::string>().empty());
    EXPECT_EQ(inbox[0]["server_record"]["state"], "returned");
    // The device now shows what the server holds, not the approval that did not happen.
    EXPECT_EQ(second.store().report(report.id)->state, RecordState::returned);
    EXPECT_EQ(second.store().visit(visit.id)->state, RecordState::approved);
}

TEST_F(SyncEngineTest, SyncingAgainOrAfterALostAnswerAppliesNothingTwice) {
    Device field(server(), "eng-field");
    field.sync();
    const std::string project = field.projectId(kProjectCode);
    const ProgressReport report = field.submittedReport(project, 45);

    // The server applies the push, but its answer never arrives: the outbox must stay.
    field.network().loseNextPushResponse();
    const auto lost = field.trySync();
    ASSERT_FALSE(lost);
    EXPECT_EQ(field.store().pendingCount(), 2);
    const ServerRecord afterFirst = serverRecord(report.id);
    EXPECT_EQ(afterFirst, (ServerRecord{"submitted", 2}));
    const std::int64_t results = serverCount("SELECT count(*) FROM mutation_result");

    // The resend is answered from the server's stored results; nothing is applied again.
    const SyncReport resent = field.sync();
    EXPECT_EQ(resent.pushed, 2);
    EXPECT_EQ(resent.duplicates, 2);
    EXPECT_EQ(field.store().pendingCount(), 0);
    EXPECT_EQ(serverRecord(report.id), afterFirst);
    EXPECT_EQ(serverCount("SELECT count(*) FROM mutation_result"), results);
    EXPECT_EQ(field.localVersion(report.id), 2);

    // Once more: nothing to push, nothing changes on the server.
    const SyncReport again = field.sync();
    EXPECT_EQ(again.pushed, 0);
    EXPECT_EQ(serverRecord(report.id), afterFirst);
    EXPECT_EQ(serverCount("SELECT count(*) FROM mutation_result"), results);
}

TEST_F(SyncEngineTest, UnsentLocalEditsAreNotOverwrittenByAPullAndMergeWhenPushed) {
    Device phone(server(), "eng-field");
    Device tablet(server(), "eng-field");  // the same user on a second device
    phone.sync();
    const std::string project = phone.projectId(kProjectCode);
    const ProgressReport draft = phone.newReport(project, 10);
    phone.sync();
    tablet.sync();
    ASSERT_TRUE(tablet.store().report(draft.id));

    // The tablet edits the draft offline while the phone changes another field and syncs.
    ProgressReport onTablet = *tablet.store().report(draft.id);
    onTablet.percentComplete = 70;
    ASSERT_TRUE(tablet.store().saveReport(tablet.actor(), onTablet));
    ProgressReport onPhone = *phone.store().report(draft.id);
    onPhone.narrative = "二区主体完工";
    ASSERT_TRUE(phone.store().saveReport(phone.actor(), onPhone));
    phone.sync();

    // A pull does not touch the tablet's unsent edit.
    const SyncReport pulled = tablet.pullOnly();
    EXPECT_GE(pulled.skipped, 1);
    EXPECT_EQ(tablet.store().report(draft.id)->percentComplete, 70);
    EXPECT_EQ(tablet.store().report(draft.id)->narrative, draft.narrative);
    EXPECT_EQ(tablet.store().pendingCount(), 1);

    // Pushed, the edit applies on top of the phone's; both devices end with both changes.
    const SyncReport pushed = tablet.sync();
    EXPECT_EQ(pushed.applied, 1);
    EXPECT_EQ(pushed.rejected, 0);
    phone.sync();
    for (Device* device : {&phone, &tablet}) {
        const auto report = device->store().report(draft.id);
        ASSERT_TRUE(report);
        EXPECT_EQ(report->percentComplete, 70);
        EXPECT_EQ(report->narrative, "二区主体完工");
        EXPECT_EQ(device->localVersion(draft.id), serverRecord(draft.id).version);
    }
}

TEST_F(SyncEngineTest, AValueLostToALaterEditReachesItsAuthorsInbox) {
    Device phone(server(), "eng-field2");
    Device tablet(server(), "eng-field2");
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
    EXPECT_EQ(phone.sync().applied, 1);
    const SyncReport later = tablet.sync();  // the later push wins the field
    EXPECT_EQ(later.merged, 1);

    phone.sync();
    EXPECT_EQ(phone.store().report(draft.id)->percentComplete, 80);
    const json inbox = phone.inbox();
    ASSERT_EQ(inbox.size(), 1u);
    EXPECT_EQ(inbox[0]["kind"], "conflict");
    EXPECT_EQ(inbox[0]["record_id"], draft.id);
    EXPECT_EQ(inbox[0]["server_record"]["losing_value"], 50);
}

TEST_F(SyncEngineTest, SmallPagesBringTheSameStateAsOnePage) {
    Device onePage(server(), "eng-sup", 2000);
    Device smallPages(server(), "eng-sup", 7);
    onePage.sync();
    smallPages.sync();
    for (const char* sql :
         {"SELECT count(*) FROM project", "SELECT count(*) FROM unit",
          "SELECT count(*) FROM unit_alias", "SELECT count(*) FROM project_unit",
          "SELECT count(*) FROM project_list", "SELECT count(*) FROM milestone",
          "SELECT count(*) FROM progress_report", "SELECT count(*) FROM project_search",
          "SELECT coalesce(sum(version), 0) FROM project"}) {
        EXPECT_EQ(onePage.count(sql), smallPages.count(sql)) << sql;
    }
    EXPECT_GT(smallPages.count("SELECT count(*) FROM project"), 0);
    EXPECT_EQ(smallPages.count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(smallPages.count("PRAGMA foreign_keys"), 1);  // back on after the pull
}

TEST_F(SyncEngineTest, ABatchOfLongNarrativesGoesInRequestsTheServerTakes) {
    // 300 drafts with the longest narrative allowed (2,000 characters, ≈ 6 KB of UTF-8): one
    // batch of 500 would be ≈ 1.8 MB, over the server's 1 MiB for a JSON body.
    Device field(server(), "eng-field2");
    field.sync();
    const std::string project = field.projectId(kProjectCode);
    std::string narrative;
    for (int i = 0; i < 1000; ++i)
        narrative += "进度";
    constexpr int kDrafts = 300;
    for (int i = 0; i < kDrafts; ++i) {
        ProgressReport report;
        report.projectId = project;
        report.period = "2022-06";
        report.investment = 10'000 * (i + 1);
        report.percentComplete = i % 100;
        report.narrative = narrative;
        ASSERT_TRUE(field.store().saveReport(field.actor(), report));
    }

    const SyncReport report = field.sync();
    EXPECT_EQ(report.pushed, kDrafts);
    EXPECT_EQ(report.applied, kDrafts);
    EXPECT_EQ(field.store().pendingCount(), 0);
    EXPECT_EQ(serverCount("SELECT count(*) FROM progress_report WHERE length(narrative) = 2000"),
              kDrafts);
}

TEST_F(SyncEngineTest, ANoOpSyncWritesNothingAndTheNextChangeStillArrives) {
    Device supervisor(server(), "eng-sup2");
    supervisor.sync();
    // total_changes(): rows this connection has written since it opened.
    const int written = supervisor.count("SELECT total_changes()");
    const SyncReport noOp = supervisor.sync();
    EXPECT_EQ(noOp.pulled, 0);
    EXPECT_EQ(supervisor.count("SELECT total_changes()"), written) << "no cursor rewritten";

    Device field(server(), "eng-field");
    field.sync();
    const ProgressReport report = field.submittedReport(field.projectId(kProjectCode), 12);
    field.sync();
    EXPECT_EQ(supervisor.sync().pulled, 1);
    EXPECT_EQ(supervisor.localVersion(report.id), field.localVersion(report.id));
}

TEST_F(SyncEngineTest, AMoveToAnotherUnitPullsAgainAndDropsWhatLeftTheScope) {
    Device phone(server(), "eng-mover");
    phone.sync();
    const std::string kgxProject = phone.projectId(kProjectCode);
    ASSERT_FALSE(kgxProject.empty());
    const ProgressReport sent = phone.newReport(kgxProject, 15);
    phone.sync();
    const int projectsBefore = phone.count("SELECT count(*) FROM project");

    // An administrator moves the user to 矮寨镇; the change ends the session.
    const HttpsClient admin = server().signIn("eng-admin");
    const auto moved =
        admin.request("PATCH", "/v1/admin/users/eng-mover", json{{"unit", "矮寨镇"}}.dump(),
                      {{"Content-Type", "application/json"}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    const auto refused = phone.trySync();
    ASSERT_FALSE(refused);
    phone.signIn();

    const SyncReport resynced = phone.sync();
    EXPECT_TRUE(resynced.scopeChanged);
    EXPECT_GT(resynced.dropped, 0);
    EXPECT_TRUE(phone.projectId(kProjectCode).empty());
    EXPECT_FALSE(phone.store().report(sent.id));
    EXPECT_EQ(phone.count("SELECT count(*) FROM pragma_foreign_key_check"), 0);

    // The device now holds exactly what a fresh device of the moved user pulls.
    Device fresh(server(), "eng-mover");
    fresh.sync();
    for (const char* sql :
         {"SELECT count(*) FROM project", "SELECT count(*) FROM milestone",
          "SELECT count(*) FROM progress_report", "SELECT count(*) FROM project_search",
          "SELECT coalesce(sum(version), 0) FROM project"}) {
        EXPECT_EQ(phone.count(sql), fresh.count(sql)) << sql;
    }
    EXPECT_NE(phone.count("SELECT count(*) FROM project"), projectsBefore);
}

// No server at all: a phone in a tunnel. The outbox is exactly as it was.
TEST_F(SyncEngineTest, AWatchingDeviceHearsOfAChangeAtOnceAndItsNextSyncBringsIt) {
    Device author(server(), "eng-field");
    Device watcher(server(), "eng-field2");
    author.sync();
    watcher.sync();
    const sync::PullPosition from = watcher.engine().pullPosition();
    EXPECT_GT(from.cursor, 0);
    EXPECT_FALSE(from.scope.empty());

    auto watching = std::async(std::launch::async, [&] {
        return sync::watchForChanges(watcher.network(), from, std::chrono::seconds(20));
    });
    ASSERT_EQ(watching.wait_for(std::chrono::milliseconds(500)), std::future_status::timeout)
        << "nothing new yet: the server holds the watch";
    const ProgressReport report = author.submittedReport(author.projectId(kProjectCode), 35);
    author.sync();
    const auto committed = std::chrono::steady_clock::now();
    ASSERT_EQ(watching.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    const auto outcome = watching.get();
    EXPECT_LT(std::chrono::steady_clock::now() - committed, std::chrono::seconds(1));
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_TRUE(outcome->changed);

    EXPECT_GE(watcher.sync().pulled, 1);
    EXPECT_TRUE(watcher.store().report(report.id));
    // Caught up: a watch from the new position answers "nothing" when its wait runs out.
    const auto quiet = sync::watchForChanges(watcher.network(), watcher.engine().pullPosition(),
                                             std::chrono::seconds(1));
    ASSERT_TRUE(quiet) << quiet.error().message;
    EXPECT_FALSE(quiet->changed);
}

TEST(SyncEngineOfflineTest, ATransportFailureLeavesTheOutboxAsItWas) {
    TempDir dir;
    ManualClock clock{kJuly1st2022};
    auto store = openSeededStore(dir.file("device.db"), clock);
    const Actor field{"user-field", Role::field, unitIdByName(*store, "市科工信局"), {}};
    ProgressReport report;
    report.projectId = projectIdByCode(*store, kProjectCode);
    report.period = "2022-06";
    report.percentComplete = 20;
    report.narrative = "基础施工";
    ASSERT_TRUE(store->saveReport(field, report));
    const auto before = store->outbox();
    ASSERT_EQ(before.size(), 1u);

    sync::FakeTransport network;
    network.enqueueFailure(sync::TransportErrorKind::connect);
    sync::SyncOptions options;
    options.deviceId = store->deviceId();
    options.retry.maxAttempts = 1;
    SyncEngine engine(*store, network, options);
    const auto outcome = engine.syncOnce();
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().code, "transport_connect");
    const auto after = store->outbox();
    ASSERT_EQ(after.size(), before.size());
    EXPECT_EQ(after[0].n, before[0].n);
    EXPECT_EQ(after[0].mid, before[0].mid);
    EXPECT_EQ(after[0].fields, before[0].fields);
    EXPECT_EQ(network.requestCount(), 1u);

    // A server that refuses the batch (here: busy) leaves it just as intact.
    network.enqueueStatus(503, R"({"error": {"code": "busy", "message": "try again"}})");
    const auto busy = engine.syncOnce();
    ASSERT_FALSE(busy);
    EXPECT_EQ(busy.error().code, "busy");
    EXPECT_EQ(store->outbox().size(), 1u);
}

// A gap answer names the first mutation the server lacks. Entries below it were applied in a run
// whose answers were lost: they are dropped and the rest resent. A server missing mutations the
// device no longer holds is an error, with the outbox left alone.
TEST(SyncEngineOfflineTest, AGapResendsFromTheExpectedMutation) {
    TempDir dir;
    ManualClock clock{kJuly1st2022};
    auto store = openSeededStore(dir.file("device.db"), clock);
    const Actor field{"user-field", Role::field, unitIdByName(*store, "市科工信局"), {}};
    ProgressReport report;
    report.projectId = projectIdByCode(*store, kProjectCode);
    report.period = "2022-06";
    report.percentComplete = 20;
    auto saved = store->saveReport(field, report);
    ASSERT_TRUE(saved);
    for (int percent : {30, 40}) {
        ProgressReport edit = saved.value();
        edit.percentComplete = percent;
        ASSERT_TRUE(store->saveReport(field, edit));
    }
    ASSERT_EQ(store->pendingCount(), 3);

    sync::FakeTransport network;
    const auto gapAt = [](std::int64_t expected) {
        json results = json::array();
        for (int n = 1; n <= 3; ++n)
            results.push_back({{"n", n}, {"status", "gap"}, {"expected", expected}});
        return json{{"last_n", expected - 1}, {"results", results}}.dump();
    };
    network.enqueueStatus(200, gapAt(3));
    network.enqueueStatus(
        200, json{{"last_n", 3}, {"results", {{{"n", 3}, {"status", "applied"}, {"version", 3}}}}}
                 .dump());
    network.enqueueStatus(200, R"({"changes": [], "next": 0, "more": false, "scope": "s"})");
    sync::SyncOptions options;
    options.deviceId = store->deviceId();
    options.retry.maxAttempts = 1;
    SyncEngine engine(*store, network, options);
    const auto outcome = engine.syncOnce();
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_EQ(store->pendingCount(), 0);
    EXPECT_EQ(outcome->applied, 1);
    const auto exchanges = network.exchanges();
    ASSERT_EQ(exchanges.size(), 3u);
    const json resent = json::parse(exchanges[1].request.body);
    ASSERT_EQ(resent["mutations"].size(), 1u);
    EXPECT_EQ(resent["mutations"][0]["n"], 3);

    // Now the server lost mutations this device no longer has.
    ProgressReport edit = *store->report(saved->id);
    edit.percentComplete = 50;
    ASSERT_TRUE(store->saveReport(field, edit));  // n = 4
    network.enqueueStatus(
        200,
        json{{"last_n", 1}, {"results", {{{"n", 4}, {"status", "gap"}, {"expected", 2}}}}}.dump());
    const auto lost = engine.syncOnce();
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, "sync_gap");
    EXPECT_EQ(store->pendingCount(), 1);
}

}  // namespace
}  // namespace duban::test
