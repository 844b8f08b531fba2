// Push and pull over real HTTPS (design.md §5): exactly-once application, gaps, rejections that do
// not wedge a queue, field conflicts, transitions bound to versions, approvals and their derived
// figures, tombstones, and bad requests that change nothing.
#include "tests/e2e/sync_fixture.h"

namespace duban::test {
namespace {

constexpr const char* kReport = "progress_report";
constexpr const char* kVisit = "site_visit";

std::string sha(char c) {
    return std::string(64, c);
}

// What a push may have touched: if none of it moved, a refused request changed nothing.
struct Footprint {
    std::int64_t lastN, changes, reports, results, audits;
    friend bool operator==(const Footprint&, const Footprint&) = default;
};

class SyncPushTest : public SyncTest {
protected:
    static Footprint footprint(const std::string& device) {
        return {count("SELECT COALESCE(MAX(last_n), 0) FROM device WHERE id = ?", {device}),
                count("SELECT count(*) FROM change"), count("SELECT count(*) FROM progress_report"),
                count("SELECT count(*) FROM mutation_result"),
                count("SELECT count(*) FROM audit WHERE action = 'push'")};
    }
    static json recordIn(const PullResult& pulled, const std::string& entity,
                         const std::string& id) {
        const auto all = latest(pulled.changes);
        const auto it = all.find(entity + ":" + id);
        return it == all.end() ? json(nullptr) : it->second;
    }
};

TEST_F(SyncPushTest, ReplayingAPushHasExactlyOneEffect) {
    ProtocolDevice phone(server(), "kgx-field");
    const std::string report = newId();
    const std::string visit = newId();
    // Made offline, in order: each names base 0, the version the device knew.
    std::vector<json> batch{createRecord(kReport, report, reportFields(s_kgxProject)),
                            updateRecord(kReport, report, 0, {{"percent_complete", 45}}),
                            transitionRecord(kReport, report, 0, "submit"),
                            createRecord(kVisit, visit,
                                         {{"project_id", s_kgxProject},
                                          {"visited_at", "2022-06-01T02:30:00Z"},
                                          {"notes", "现场查看"},
                                          {"people_met", ""}})};
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i]["n"] = static_cast<int>(i) + 1;
    const auto first = phone.pushBody(phone.body(batch));
    ASSERT_EQ(first.status, 200) << first.body;
    const json results = first.json()["results"];
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0]["status"], "applied");
    EXPECT_EQ(results[0]["version"], 1);
    EXPECT_EQ(results[1]["version"], 2);
    EXPECT_EQ(results[2]["version"], 3);
    EXPECT_EQ(results[3]["status"], "applied");
    EXPECT_EQ(first.json()["last_n"], 4);

    for (int replay = 1; replay <= 10; ++replay) {
        const auto again = phone.pushBody(phone.body(batch));
        ASSERT_EQ(again.status, 200) << again.body;
        const json body = again.json();
        EXPECT_EQ(body["last_n"], 4);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            EXPECT_EQ(body["results"][i]["status"], "duplicate");
            EXPECT_EQ(body["results"][i]["result"], results[i]) << "replay " << replay;
        }
        EXPECT_EQ(count("SELECT count(*) FROM progress_report WHERE id = ?", {report}), 1);
        EXPECT_EQ(count("SELECT version FROM progress_report WHERE id = ?", {report}), 3);
        EXPECT_EQ(count("SELECT count(*) FROM record_version WHERE record_id = ?", {report}), 3);
        EXPECT_EQ(count("SELECT count(*) FROM change WHERE record_id = ?", {report}), 1);
        EXPECT_EQ(count("SELECT count(*) FROM audit WHERE action = 'push' AND target = ? AND "
                        "result = 'applied'",
                        {std::string(kReport) + ":" + report}),
                  3);
        EXPECT_EQ(count("SELECT count(*) FROM site_visit WHERE id = ?", {visit}), 1);
        EXPECT_EQ(count("SELECT last_n FROM device WHERE id = ?", {phone.id()}), 4);
        EXPECT_EQ(count("SELECT count(*) FROM mutation_result WHERE device_id = ?", {phone.id()}),
                  4);
    }
    EXPECT_EQ(count("SELECT count(*) FROM progress_report WHERE id = ? AND state = 'submitted'",
                    {report}),
              1);
}

TEST_F(SyncPushTest, AGapIsRefusedAndNothingAfterItIsApplied) {
    ProtocolDevice phone(server(), "kgx-field");
    const std::string a = newId(), b = newId(), c = newId(), d = newId();
    json first = createRecord(kReport, a, reportFields(s_kgxProject));
    first["n"] = 1;
    ASSERT_EQ(phone.pushBody(phone.body({first})).json()["results"][0]["status"], "applied");

    // n = 2 is missing: 3 and 4 wait; and in a batch that starts well, what follows a gap waits.
    json third = createRecord(kReport, b, reportFields(s_kgxProject));
    third["n"] = 3;
    json fourth = createRecord(kReport, c, reportFields(s_kgxProject));
    fourth["n"] = 4;
    const auto gap = phone.pushBody(phone.body({third, fourth}));
    ASSERT_EQ(gap.status, 200) << gap.body;
    const json gapBody = gap.json();
    for (const json& result : gapBody["results"]) {
        EXPECT_EQ(result["status"], "gap");
        EXPECT_EQ(result["expected"], 2);
    }
    EXPECT_EQ(gapBody["last_n"], 1);

    json second = createRecord(kReport, d, reportFields(s_kgxProject));
    second["n"] = 2;
    third["n"] = 4;  // the device resends, but skips 3 by mistake
    const auto mixed = phone.pushBody(phone.body({second, third}));
    const json body = mixed.json();
    EXPECT_EQ(body["results"][0]["status"], "applied");
    EXPECT_EQ(body["results"][1]["status"], "gap");
    EXPECT_EQ(body["results"][1]["expected"], 3);
    EXPECT_EQ(body["last_n"], 2);
    for (const std::string& id : {b, c})
        EXPECT_EQ(count("SELECT count(*) FROM change WHERE record_id = ?", {id}), 0) << id;
    EXPECT_EQ(count("SELECT last_n FROM device WHERE id = ?", {phone.id()}), 2);

    third["n"] = 3;
    fourth["n"] = 4;
    const json resent = phone.pushBody(phone.body({third, fourth})).json();
    EXPECT_EQ(resent["results"][0]["status"], "applied");
    EXPECT_EQ(resent["results"][1]["status"], "applied");
    EXPECT_EQ(resent["last_n"], 4);
}

TEST_F(SyncPushTest, ARejectedMutationDoesNotBlockTheOnesAfterIt) {
    ProtocolDevice phone(server(), "kgx-field");
    const std::string good = newId(), bad = newId(), later = newId(), ghost = newId();
    const json results = phone.push({
        createRecord(kReport, good, reportFields(s_kgxProject)),
        updateRecord(kReport, ghost, 1, {{"narrative", "x"}}),
        createRecord(kReport, bad, reportFields(s_kgxProject, {{"period", "2022-13"}})),
        createRecord(kReport, newId(), reportFields(s_kgxProject, {{"colour", "red"}})),
        transitionRecord(kReport, good, 0, "return"),
        createRecord(kReport, later, reportFields(s_kgxProject)),
        transitionRecord(kReport, later, 0, "submit"),
    });
    EXPECT_EQ(results[0]["status"], "applied");
    EXPECT_EQ(results[1]["status"], "rejected");
    EXPECT_EQ(results[1]["code"], "not_found");
    EXPECT_EQ(results[2]["code"], "invalid");
    EXPECT_EQ(results[2]["errors"][0]["field"], "period");
    EXPECT_EQ(results[3]["code"], "invalid");     // unknown field: a typo never drops data silently
    EXPECT_EQ(results[4]["code"], "forbidden");   // field staff do not return reports
    EXPECT_EQ(results[4]["record"]["id"], good);  // with the current record (in the caller's scope)
    EXPECT_EQ(results[5]["status"], "applied");
    EXPECT_EQ(results[6]["status"], "applied");
    EXPECT_EQ(count("SELECT last_n FROM device WHERE id = ?", {phone.id()}), 7);
    EXPECT_EQ(count("SELECT count(*) FROM progress_report WHERE id = ?", {bad}), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE action = 'push' AND device_id = ? AND "
                    "result = 'rejected'",
                    {phone.id()}),
              4);

    // A submit validates the whole report; a return needs a comment.
    const std::string thin = newId();
    const json incomplete =
        phone.push({createRecord(kReport, thin, reportFields(s_kgxProject, {{"narrative", ""}})),
                    transitionRecord(kReport, thin, 0, "submit")});
    EXPECT_EQ(incomplete[1]["code"], "invalid");
    EXPECT_EQ(incomplete[1]["errors"][0]["field"], "narrative");
    ProtocolDevice supervisor(server(), "sup-all");
    const json noComment = supervisor.pushOne(transitionRecord(kReport, later, 2, "return", "  "));
    EXPECT_EQ(noComment["code"], "invalid");
    EXPECT_EQ(noComment["record"]["state"], "submitted");
}

TEST_F(SyncPushTest, TwoDevicesEditTheSameDraftFieldOfflineAndTheLaterPushWins) {
    ProtocolDevice a(server(), "kgx-field");
    ProtocolDevice b(server(), "kgx-field");
    const std::int64_t start = count("SELECT max(seq) FROM change");
    const std::string report = newId();
    ASSERT_EQ(a.pushOne(createRecord(
                  kReport, report, reportFields(s_kgxProject, {{"narrative", "初稿"}})))["version"],
              1);
    ASSERT_EQ(recordIn(b.pull(start), kReport, report)["record"]["version"], 1);

    // Both edit version 1 offline; A reaches the server first.
    const json fromA = a.pushOne(updateRecord(kReport, report, 1, {{"narrative", "A 写的进展"}}));
    EXPECT_EQ(fromA["status"], "applied");
    const json fromB = b.pushOne(
        updateRecord(kReport, report, 1, {{"narrative", "B 写的进展"}, {"problems", "资金缺口"}}));
    EXPECT_EQ(fromB["status"], "merged");
    EXPECT_EQ(fromB["version"], 3);
    EXPECT_EQ(fromB["conflicts"], json::array({"narrative"}));

    const json current = recordIn(a.pull(start), kReport, report)["record"];
    EXPECT_EQ(current["narrative"], "B 写的进展");
    EXPECT_EQ(current["problems"], "资金缺口");
    // A's text is not lost: a conflict record for its author, pulled by both of their devices.
    for (const ProtocolDevice* device : {&a, &b}) {
        std::vector<json> conflicts;
        const PullResult pulled = device->pull(start);
        for (const json& change : pulled.changes) {
            if (change["entity"] == "conflict" && change["record"]["record_id"] == report)
                conflicts.push_back(change["record"]);
        }
        ASSERT_EQ(conflicts.size(), 1u);
        EXPECT_EQ(conflicts[0]["field"], "narrative");
        EXPECT_EQ(conflicts[0]["losing_value"], "A 写的进展");
        EXPECT_EQ(conflicts[0]["winning_value"], "B 写的进展");
        EXPECT_EQ(conflicts[0]["author_id"], userId("kgx-field"));
        EXPECT_EQ(conflicts[0]["winner_mid"], fromB["mid"]);
    }
    // Nobody else sees it, not even a colleague of the same unit or a supervisor.
    for (const char* other : {"kgx-field2", "sup-all", "admin"}) {
        const PullResult pulled = ProtocolDevice(server(), other).pull(start);
        for (const json& change : pulled.changes)
            EXPECT_NE(change["entity"], "conflict") << other;
    }
}

TEST_F(SyncPushTest, AValueSetAtCreationIsOnlyLostToAnEditThatNeverSawIt) {
    // The server keeps no field versions for a create; a created value is still defended.
    ProtocolDevice a(server(), "kgx-field");
    ProtocolDevice b(server(), "kgx-field");
    const std::string seen = newId();
    const std::string unseen = newId();
    for (const std::string& id : {seen, unseen}) {
        ASSERT_EQ(a.pushOne(createRecord(
                      kReport, id, reportFields(s_kgxProject, {{"narrative", "初稿"}})))["status"],
                  "applied");
    }
    // B read version 1: its edit replaces the created text cleanly.
    const json clean = b.pushOne(updateRecord(kReport, seen, 1, {{"narrative", "B 改过"}}));
    EXPECT_EQ(clean["status"], "applied");
    EXPECT_EQ(clean["version"], 2);
    // B's edit based on nothing (version 0) replaces a text it never saw: A's text is kept.
    const json blind = b.pushOne(updateRecord(kReport, unseen, 0, {{"narrative", "B 改过"}}));
    EXPECT_EQ(blind["status"], "merged");
    EXPECT_EQ(blind["conflicts"], json::array({"narrative"}));
    EXPECT_EQ(count("SELECT count(*) FROM conflict WHERE record_id = ?", {unseen}), 1);
    EXPECT_EQ(count("SELECT count(*) FROM conflict WHERE record_id = ?1 AND losing_value = ?2 "
                    "AND author_id = ?3",
                    {unseen, "\"初稿\"", userId("kgx-field")}),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM conflict WHERE record_id = ?", {seen}), 0);
}

TEST_F(SyncPushTest, AnApprovalBindsToTheVersionTheSupervisorReviewed) {
    ProtocolDevice author(server(), "kgx-field");
    ProtocolDevice authorsTablet(server(), "kgx-field");
    ProtocolDevice supervisor(server(), "sup-all");
    const std::string report = newId();
    author.push({createRecord(kReport, report, reportFields(s_kgxProject)),
                 transitionRecord(kReport, report, 0, "submit")});
    EXPECT_EQ(
        supervisor.pushOne(transitionRecord(kReport, report, 2, "return", "请补充照片"))["version"],
        3);
    // On another device the author corrects and resubmits the returned report.
    EXPECT_EQ(authorsTablet.pushOne(
                  updateRecord(kReport, report, 3, {{"narrative", "已补充"}}))["version"],
              4);
    EXPECT_EQ(authorsTablet.pushOne(transitionRecord(kReport, report, 4, "submit"))["version"], 5);

    // An approval still naming version 2 approves something the supervisor has not read.
    const json stale = supervisor.pushOne(transitionRecord(kReport, report, 2, "approve"));
    EXPECT_EQ(stale["status"], "rejected");
    EXPECT_EQ(stale["code"], "conflict");
    EXPECT_EQ(stale["record"]["version"], 5);
    EXPECT_EQ(stale["record"]["narrative"], "已补充");
    const json bound = supervisor.pushOne(transitionRecord(kReport, report, 5, "approve"));
    EXPECT_EQ(bound["status"], "applied");
    EXPECT_EQ(count("SELECT count(*) FROM review WHERE target_id = ? AND kind = 'approve' AND "
                    "target_version = 5",
                    {report}),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM review WHERE target_id = ? AND kind = 'return' AND "
                    "comment = '请补充照片'",
                    {report}),
              1);
}

TEST_F(SyncPushTest, WhenApproveAndReturnRaceTheSecondIsAnInvalidTransition) {
    ProtocolDevice author(server(), "kgx-field");
    ProtocolDevice first(server(), "sup-all");
    ProtocolDevice second(server(), "sup-all2");
    const std::string approvedFirst = newId(), returnedFirst = newId();
    author.push({createRecord(kReport, approvedFirst, reportFields(s_kgxProject)),
                 transitionRecord(kReport, approvedFirst, 0, "submit"),
                 createRecord(kReport, returnedFirst, reportFields(s_kgxProject)),
                 transitionRecord(kReport, returnedFirst, 0, "submit")});

    EXPECT_EQ(first.pushOne(transitionRecord(kReport, approvedFirst, 2, "approve"))["status"],
              "applied");
    const json lateReturn =
        second.pushOne(transitionRecord(kReport, approvedFirst, 2, "return", "数据有误"));
    EXPECT_EQ(lateReturn["code"], "invalid_transition");
    EXPECT_EQ(lateReturn["record"]["state"], "approved");

    EXPECT_EQ(
        second.pushOne(transitionRecord(kReport, returnedFirst, 2, "return", "数据有误"))["status"],
        "applied");
    const json lateApproval = first.pushOne(transitionRecord(kReport, returnedFirst, 2, "approve"));
    EXPECT_EQ(lateApproval["code"], "invalid_transition");
    EXPECT_EQ(lateApproval["record"]["state"], "returned");
    EXPECT_EQ(lateApproval["record"]["version"], 3);
}

TEST_F(SyncPushTest, ApprovalWaitsForPhotosThenUpdatesTheProjectsFigures) {
    std::string milestone;
    server().withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT id FROM milestone WHERE project_id = ? ORDER BY ord");
        s.bindAll(s_approvalProject);
        ASSERT_TRUE(s.step());
        milestone = s.text(0);
    });
    ProtocolDevice author(server(), "kgx-field");
    ProtocolDevice supervisor(server(), "sup-all");
    const std::string report = newId(), photo = newId(), second = newId(), lastYear = newId();
    const json pushed = author.push({
        createRecord(kReport, report,
                     reportFields(s_approvalProject, {{"investment", 12'000'000},
                                                      {"percent_complete", 100},
                                                      {"milestone_id", milestone}})),
        createRecord("photo", photo,
                     {{"owner_kind", kReport},
                      {"owner_id", report},
                      {"sha256", sha('a')},
                      {"size", 123456},
                      {"thumbnail_sha256", sha('b')},
                      {"width", 2048},
                      {"height", 1536},
                      {"taken_at", "2022-06-20T09:00:00+08:00"},
                      {"position", {{"lat", 28.3}, {"lon", 109.7}}},
                      {"caption", "厂房"}}),
        transitionRecord(kReport, report, 0, "submit"),
        createRecord(
            kReport, second,
            reportFields(s_approvalProject, {{"period", "2022-07"}, {"investment", 3'000'000}})),
        transitionRecord(kReport, second, 0, "submit"),
        createRecord(kReport, lastYear,
                     reportFields(s_approvalProject, {{"period", "2021-12"}, {"investment", 999}})),
        transitionRecord(kReport, lastYear, 0, "submit"),
    });
    for (const json& result : pushed)
        ASSERT_EQ(result["status"], "applied") << result;

    const json missing = supervisor.pushOne(transitionRecord(kReport, report, 2, "approve"));
    EXPECT_EQ(missing["code"], "photos_missing");
    EXPECT_EQ(missing["record"]["state"], "submitted");
    server().withDatabase([&](const Database& db) {
        for (char c : {'a', 'b'}) {
            db.prepare("INSERT OR IGNORE INTO blob (sha256, size, created_at) VALUES (?, 1, '')")
                .bindAll(sha(c))
                .run();
        }
    });
    EXPECT_EQ(supervisor.pushOne(transitionRecord(kReport, report, 2, "approve"))["status"],
              "applied");
    EXPECT_EQ(count("SELECT completed_this_year FROM project WHERE id = ?", {s_approvalProject}),
              12'000'000);
    EXPECT_EQ(supervisor.pushOne(transitionRecord(kReport, second, 2, "approve"))["status"],
              "applied");
    EXPECT_EQ(supervisor.pushOne(transitionRecord(kReport, lastYear, 2, "approve"))["status"],
              "applied");

    // The device sees the derived figures as any other change: by pulling.
    const PullResult pulled = author.pull();
    EXPECT_EQ(recordIn(pulled, "project", s_approvalProject)["record"]["completed_this_year"],
              15'000'000);  // the plan year's approved months; 2021 does not count
    EXPECT_EQ(recordIn(pulled, "milestone", milestone)["record"]["status"], "achieved");
    const json photoRecord = recordIn(pulled, "photo", photo)["record"];
    EXPECT_EQ(photoRecord["sha256"], sha('a'));
    EXPECT_EQ(photoRecord["position"]["lat"], 28.3);
    std::set<std::string> reviewed;
    for (const json& change : pulled.changes) {
        if (change["entity"] == "review" && change["record"]["kind"] == "approve")
            reviewed.insert(change["record"]["target_id"]);
    }
    EXPECT_TRUE(reviewed.contains(report));
    EXPECT_TRUE(reviewed.contains(second));
}

TEST_F(SyncPushTest, ADeletedDraftIsPulledAsATombstoneByThoseWhoMaySeeIt) {
    ProtocolDevice author(server(), "kgx-field");
    ProtocolDevice colleague(server(), "kgx-field2");
    ProtocolDevice township(server(), "az-field");
    const std::int64_t start = count("SELECT max(seq) FROM change");
    const std::string report = newId(), photo = newId();
    author.push({createRecord(kReport, report, reportFields(s_kgxProject)),
                 createRecord("photo", photo,
                              {{"owner_kind", kReport},
                               {"owner_id", report},
                               {"sha256", sha('c')},
                               {"size", 10},
                               {"thumbnail_sha256", sha('d')},
                               {"width", 10},
                               {"height", 10},
                               {"caption", ""}})});
    const PullResult before = colleague.pull(start);
    ASSERT_FALSE(recordIn(before, kReport, report)["record"].is_null());

    EXPECT_EQ(colleague.pushOne(deleteRecord(kReport, report, 1))["code"], "forbidden");
    EXPECT_EQ(author.pushOne(deleteRecord(kReport, report, 1))["status"], "applied");
    const PullResult after = colleague.pull(before.next);
    for (const auto& [entity, id] : {std::pair{kReport, report}, std::pair{"photo", photo}}) {
        const json tombstone = recordIn(after, entity, id);
        ASSERT_FALSE(tombstone.is_null()) << entity;
        EXPECT_TRUE(tombstone["deleted"].get<bool>());
        EXPECT_TRUE(tombstone["record"].is_null());
    }
    ProtocolDevice supervisor(server(), "sup-all");
    const json seenBySupervisor = recordIn(supervisor.pull(start), kReport, report);
    ASSERT_FALSE(seenBySupervisor.is_null());
    EXPECT_TRUE(seenBySupervisor["deleted"].get<bool>());
    EXPECT_TRUE(recordIn(township.pull(start), kReport, report).is_null());
    EXPECT_EQ(author.pushOne(updateRecord(kReport, report, 2, {{"narrative", "x"}}))["code"],
              "not_found");
}

TEST_F(SyncPushTest, SupervisorsIssueWarningsAndTheResponsibleUnitAcknowledges) {
    ProtocolDevice supervisor(server(), "sup-all");
    ProtocolDevice unit(server(), "kgx-field");
    ProtocolDevice enterprise(server(), "td-ent");
    const std::string warning = newId();
    const auto letter = [&](int level, const std::string& number) {
        return json{{"project_id", s_kgxProject},      {"level", level},
                    {"reason_code", "report_missing"}, {"reason", "投资进度滞后"},
                    {"correct_by", "2099-07-15"},      {"number", number}};
    };
    const json issued = supervisor.pushOne(createRecord("warning", warning, letter(2, "")));
    EXPECT_EQ(issued["status"], "applied");
    EXPECT_EQ(supervisor.pushOne(createRecord("warning", newId(), letter(4, "")))["code"],
              "invalid");
    json noDeadline = letter(2, "");
    noDeadline.erase("correct_by");
    EXPECT_EQ(supervisor.pushOne(createRecord("warning", newId(), noDeadline))["code"], "invalid");
    // A deadline already past is refused here as on the device (core's validateWarning).
    json pastDeadline = letter(2, "");
    pastDeadline["correct_by"] = "2022-07-15";
    EXPECT_EQ(supervisor.pushOne(createRecord("warning", newId(), pastDeadline))["code"],
              "invalid");
    EXPECT_EQ(unit.pushOne(createRecord("warning", newId(), letter(1, "")))["code"], "forbidden");
    // A number given by hand is taken once; the server's own numbers skip it.
    EXPECT_EQ(supervisor.pushOne(
                  createRecord("warning", newId(), letter(3, "吉发改督〔2099〕5号")))["status"],
              "applied");
    EXPECT_EQ(supervisor.pushOne(
                  createRecord("warning", newId(), letter(3, "吉发改督〔2099〕5号")))["code"],
              "conflict");
    EXPECT_EQ(enterprise.pushOne(transitionRecord("warning", warning, 1, "acknowledge"))["code"],
              "forbidden");
    EXPECT_EQ(unit.pushOne(transitionRecord("warning", warning, 1, "acknowledge"))["version"], 2);
    EXPECT_EQ(unit.pushOne(transitionRecord("warning", warning, 2, "acknowledge"))["code"],
              "invalid_transition");
    const json pulled = recordIn(unit.pull(), "warning", warning)["record"];
    EXPECT_EQ(pulled["level"], 2);
    EXPECT_EQ(pulled["correct_by"], "2099-07-15");
    EXPECT_EQ(pulled["reason_code"], "report_missing");
    EXPECT_TRUE(pulled["number"].get<std::string>().starts_with("吉发改督〔")) << pulled.dump();
    EXPECT_FALSE(pulled["acknowledged_at"].is_null());
    EXPECT_EQ(pulled["issued_by"], userId("sup-all"));
}

TEST_F(SyncPushTest, ADeviceIdNumbersOneUsersOutboxOnly) {
    const std::string device = newId();
    const auto signInOn = [&](const char* username) {
        HttpsClient http = server().client();
        const auto grant = http.post("/v1/auth/login", {{"username", username},
                                                        {"password", TestServer::kTestPassword},
                                                        {"device_id", device}});
        EXPECT_EQ(grant.status, 200) << grant.body;
        http.setToken(grant.json()["token"]);
        return http;
    };
    json first = createRecord(kReport, newId(), reportFields(s_kgxProject));
    first["n"] = 1;
    const json body{{"device", device}, {"mutations", json::array({first})}};
    const HttpsClient owner = signInOn("kgx-field");
    ASSERT_EQ(owner.post("/v1/sync/push", body).json()["results"][0]["status"], "applied");

    // Another user's outbox on the same device id would collide with these numbers.
    const HttpsClient other = signInOn("kgx-field2");
    json theirs = createRecord(kReport, newId(), reportFields(s_kgxProject));
    theirs["n"] = 1;
    const Footprint before = footprint(device);
    const auto refused =
        other.post("/v1/sync/push", {{"device", device}, {"mutations", json::array({theirs})}});
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.errorCode(), "device_in_use");
    EXPECT_EQ(footprint(device), before);

    // A number reused for another mutation (a device restored from an old backup) is not
    // mistaken for a retry: its change would otherwise be lost without a word.
    const json reused =
        owner.post("/v1/sync/push", {{"device", device}, {"mutations", json::array({theirs})}})
            .json();
    EXPECT_EQ(reused["results"][0]["status"], "rejected");
    EXPECT_EQ(reused["results"][0]["code"], "sequence_reused");
    EXPECT_EQ(footprint(device), before);
}

TEST_F(SyncPushTest, BadRequestsAreRefusedWholeAndChangeNothing) {
    ProtocolDevice phone(server(), "kgx-field");
    ASSERT_EQ(phone.pushOne(createRecord(kReport, newId(), reportFields(s_kgxProject)))["status"],
              "applied");
    const Footprint before = footprint(phone.id());
    const auto valid = [&] {
        json m = createRecord(kReport, newId(), reportFields(s_kgxProject));
        m["n"] = 2;
        return m;
    };
    const auto withMutation = [&](const std::function<void(json&)>& change) {
        json m = valid();
        change(m);
        return phone.body({valid(), m}).dump();  // a good mutation first: it must not apply either
    };
    struct Case {
        const char* what;
        std::string body;
        long status;
        const char* code;
    };
    const std::vector<Case> cases{
        {"malformed JSON", "{\"device\": ", 400, "invalid_json"},
        {"not an object", "[]", 400, "invalid_json"},
        {"unknown top-level field",
         [&] {
             json b = phone.body({valid()});
             b["x"] = 1;
             return b.dump();
         }(),
         400, "invalid"},
        {"mutations not an array",
         json{{"device", phone.id()}, {"mutations", json::object()}}.dump(), 400, "invalid"},
        {"n is a string", withMutation([](json& m) { m["n"] = "3"; }), 400, "invalid"},
        {"n does not increase", withMutation([](json& m) { m["n"] = 2; }), 400, "invalid"},
        {"negative base", withMutation([](json& m) {
             m["n"] = 3;
             m["base_version"] = -1;
         }),
         400, "invalid"},
        {"unknown entity", withMutation([](json& m) {
             m["n"] = 3;
             m["entity"] = "report";
         }),
         400, "invalid"},
        {"unknown op", withMutation([](json& m) {
             m["n"] = 3;
             m["op"] = "upsert";
         }),
         400, "invalid"},
        {"fields not an object", withMutation([](json& m) {
             m["n"] = 3;
             m["fields"] = json::array();
         }),
         400, "invalid"},
        {"transition on a create", withMutation([](json& m) {
             m["n"] = 3;
             m["transition"] = "submit";
         }),
         400, "invalid"},
        {"unknown mutation field", withMutation([](json& m) {
             m["n"] = 3;
             m["colour"] = "red";
         }),
         400, "invalid"},
        {"missing hlc", withMutation([](json& m) {
             m["n"] = 3;
             m.erase("hlc");
         }),
         400, "invalid"},
        {"id not a UUID", withMutation([](json& m) {
             m["n"] = 3;
             m["id"] = "42";
         }),
         400, "invalid"},
        {"too many mutations",
         [&] {
             std::vector<json> many;
             for (int i = 0; i <= server().config().maxPushMutations; ++i) {
                 json m = valid();
                 m["n"] = 2 + i;
                 many.push_back(m);
             }
             return phone.body(many).dump();
         }(),
         413, "payload_too_large"},
        {"oversize body",
         [&] {
             json m = valid();
             m["fields"]["narrative"] = std::string(server().config().maxJsonBodyBytes, 'x');
             return phone.body({m}).dump();
         }(),
         413, "payload_too_large"},
        {"another device's id",
         json{{"device", newId()}, {"mutations", json::array({valid()})}}.dump(), 403, "forbidden"},
    };
    for (const Case& c : cases) {
        const auto response = phone.http().request("POST", "/v1/sync/push", c.body);
        EXPECT_EQ(response.status, c.status) << c.what << ": " << response.body;
        EXPECT_EQ(response.errorCode(), c.code) << c.what;
        EXPECT_FALSE(response.json()["error"]["message"].get<std::string>().empty()) << c.what;
        EXPECT_EQ(footprint(phone.id()), before) << c.what;
    }
    const auto anonymous = server().client().post("/v1/sync/push", phone.body({valid()}));
    EXPECT_EQ(anonymous.status, 401);

    for (const char* query : {"after=-1", "after=abc", "limit=0", "limit=100000", "after=1&after=2",
                              "since=3", "after=1.5"}) {
        const auto response = phone.http().get(std::string("/v1/sync/pull?") + query);
        EXPECT_EQ(response.status, 400) << query << ": " << response.body;
        EXPECT_EQ(response.errorCode(), "invalid") << query;
    }
    EXPECT_EQ(footprint(phone.id()), before);
    // The device carries on from where it was.
    EXPECT_EQ(phone.pushBody(phone.body({valid()})).json()["results"][0]["status"], "applied");
}

}  // namespace
}  // namespace duban::test
