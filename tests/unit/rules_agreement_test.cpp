// The rules a device checks before it queues a change and the server checks before it applies one
// give one answer: the device's real LocalStore on one side, the server's real applyPush on its
// own database on the other, both seeded from assets/seed and both on one ManualClock. Record ids
// differ between the two (each import makes its own), so each side is given its own ids of the
// same project, milestone and unit, found by code and name.
#include <gtest/gtest.h>

#include <sstream>

#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/rules/record_checks.h"
#include "core/store/warnings.h"
#include "server/app/first_start.h"
#include "server/auth/accounts.h"
#include "server/sync/push_apply.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

using nlohmann::json;

constexpr const char* kProject = "key_projects_2022#1";  // 酒鬼酒, 市科工信局
constexpr const char* kOtherProject = "key_projects_2022#2";
constexpr const char* kUnit = "市科工信局";

std::string one(const Database& db, const char* sql, const std::string& arg) {
    Statement s = db.prepare(sql);
    s.bindAll(arg);
    if (!s.step())
        throw std::runtime_error(std::string("nothing for ") + sql + " " + arg);
    return s.text(0);
}
std::string projectIn(const Database& db, const std::string& code) {
    return one(db, "SELECT id FROM project WHERE code = ?", code);
}
std::string milestoneIn(const Database& db, const std::string& code) {
    return one(
        db,
        "SELECT m.id FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.code = ? "
        "ORDER BY m.ord LIMIT 1",
        code);
}

// What one side said: accepted, or the error code and the fields it named.
struct Answer {
    bool accepted = false;
    std::string code;
    std::string message;
    friend std::ostream& operator<<(std::ostream& out, const Answer& a) {
        return out << (a.accepted ? "accepted" : "refused " + a.code + ": " + a.message);
    }
};
Answer of(const Status& s) {
    return s ? Answer{true, {}, {}} : Answer{false, s.error().code, s.error().message};
}
template <class T>
Answer of(const Result<T>& r) {
    return r ? Answer{true, {}, {}} : Answer{false, r.error().code, r.error().message};
}
Answer of(const json& result) {
    const std::string status = result.value("status", "");
    if (status == "applied" || status == "merged")
        return Answer{true, {}, {}};
    return Answer{false, result.value("code", status), result.value("message", "")};
}

// The server: its schema, seed and accounts on a database file, and pushes applied as the sync
// route applies them (applyPush), one user's device each.
class ServerSide {
public:
    ServerSide(const std::filesystem::path& file, const Clock& clock)
        : m_db(Database::open(file)), m_clock(clock) {
        server::ServerConfig config;
        config.seedDir = DUBAN_SEED_DIR;
        config.scryptN = 1u << 10;
        setenv("DUBAN_ADMIN_PASSWORD", "agreement-password-123", 1);
        std::ostringstream console;
        if (Status prepared = server::prepareDatabase(m_db, config, clock, console); !prepared)
            throw std::runtime_error(prepared.error().message);
        m_field = account("agree-field", Role::field, config);
        m_supervisor = account("agree-sup", Role::supervisor, config);
    }

    [[nodiscard]] const Database& db() const { return m_db; }

    json pushAs(Role role, server::Mutation m) {
        server::Session& session = role == Role::field ? m_field : m_supervisor;
        std::int64_t& n = role == Role::field ? m_fieldN : m_supervisorN;
        UuidGenerator ids(m_clock);
        m.n = ++n;
        m.mid = ids.next();
        m.hlc = "0000000000000-0000-" + session.deviceId;
        const auto body =
            server::applyPush(server::PushEnvironment{m_db, session, m_clock, "agreement"},
                              server::PushRequest{session.deviceId, {std::move(m)}});
        if (!body)
            throw std::runtime_error(body.error().message);
        return body.value()["results"][0];
    }

private:
    server::Session account(const std::string& username, Role role,
                            const server::ServerConfig& config) {
        UuidGenerator ids(m_clock);
        Transaction tx(m_db);
        const auto created = server::createAccount(
            m_db, ids, {username, username, role, kUnit, "", "agreement-password-123", {}}, config,
            m_clock.nowMs());
        if (!created)
            throw std::runtime_error(created.error().message);
        tx.commit();
        server::Session session;
        session.actor = Actor{created.value(), role, *server::findUnitId(m_db, kUnit), {}};
        session.username = username;
        session.deviceId = ids.next();
        return session;
    }

    Database m_db;
    const Clock& m_clock;
    server::Session m_field;
    server::Session m_supervisor;
    std::int64_t m_fieldN = 0;
    std::int64_t m_supervisorN = 0;
};

server::Mutation mutation(Entity entity, const std::string& id, WriteOp op,
                          std::int64_t baseVersion = 0) {
    server::Mutation m;
    m.entity = entity;
    m.id = id;
    m.op = op;
    m.baseVersion = baseVersion;
    return m;
}

class RulesAgreementTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>();
        s_clock = std::make_unique<ManualClock>(test::kJuly1st2022);
        s_device = test::openSeededStore(s_dir->file("device.db"), *s_clock);
        s_server = std::make_unique<ServerSide>(s_dir->file("server.db"), *s_clock);
    }
    static void TearDownTestSuite() {
        s_server.reset();
        s_device.reset();
        s_clock.reset();
        s_dir.reset();
    }
    void SetUp() override { s_clock->set(test::kJuly1st2022); }

    static const Database& deviceDb() { return s_device->database(); }
    static Actor deviceField() {
        return Actor{"field-agree", Role::field, test::unitIdByName(*s_device, kUnit), {}};
    }
    static Actor deviceSupervisor() {
        return Actor{"sup-agree", Role::supervisor, test::unitIdByName(*s_device, kUnit), {}};
    }

    static ProgressReport report(const Database& db) {
        ProgressReport r;
        r.projectId = projectIn(db, kProject);
        r.period = "2022-06";
        r.investment = 12'000'000;
        r.percentComplete = 45;
        r.narrative = "三区一期主体完工";
        return r;
    }

    // A submitted report on each side: the device's id and the server's (version 2).
    static std::pair<std::string, std::string> submittedReports() {
        const auto saved = s_device->saveReport(deviceField(), report(deviceDb()));
        EXPECT_TRUE(saved) << saved.error().message;
        EXPECT_TRUE(s_device->transition(deviceField(), Entity::progress_report, saved->id,
                                         Transition::submit));
        UuidGenerator ids(*s_clock);
        ProgressReport onServer = report(s_server->db());
        onServer.id = ids.next();
        server::Mutation create = mutation(Entity::progress_report, onServer.id, WriteOp::create);
        create.fields = toJson(onServer);
        EXPECT_EQ(s_server->pushAs(Role::field, create)["status"], "applied");
        server::Mutation submit =
            mutation(Entity::progress_report, onServer.id, WriteOp::transition, 1);
        submit.transition = Transition::submit;
        EXPECT_EQ(s_server->pushAs(Role::field, submit)["version"], 2);
        return {saved->id, onServer.id};
    }

    static Answer deviceReturns(const std::string& id, const std::string& comment) {
        return of(s_device->transition(deviceSupervisor(), Entity::progress_report, id,
                                       Transition::return_, comment));
    }
    static Answer serverReturns(const std::string& id, const std::string& comment,
                                std::int64_t base = 2) {
        server::Mutation m = mutation(Entity::progress_report, id, WriteOp::transition, base);
        m.transition = Transition::return_;
        m.comment = comment;
        return of(s_server->pushAs(Role::supervisor, m));
    }

    // The letter a supervisor issues on each side for `correctBy` (and a milestone, by project
    // code: the milestone's project may be another than the letter's).
    static Answer deviceIssues(const std::string& correctBy,
                               const std::optional<std::string>& milestoneOf = {}) {
        WarningProposal proposal;
        proposal.projectId = projectIn(deviceDb(), kProject);
        proposal.finding.level = 2;
        proposal.finding.reason = LagReason::report_missing;
        if (milestoneOf) {
            proposal.finding.reason = LagReason::milestone_overdue;
            proposal.finding.milestoneId = milestoneIn(deviceDb(), *milestoneOf);
        }
        return of(s_device->issueWarning(deviceSupervisor(), proposal, correctBy));
    }
    static Answer serverIssues(const std::string& correctBy,
                               const std::optional<std::string>& milestoneOf = {}) {
        UuidGenerator ids(*s_clock);
        Warning w;
        w.id = ids.next();
        w.projectId = projectIn(s_server->db(), kProject);
        w.level = 2;
        w.reasonCode = "report_missing";
        w.reason = "投资进度滞后";
        w.correctBy = correctBy;
        if (milestoneOf) {
            w.reasonCode = "milestone_overdue";
            w.milestoneId = milestoneIn(s_server->db(), *milestoneOf);
        }
        server::Mutation m = mutation(Entity::warning, w.id, WriteOp::create);
        m.fields = toJson(w);
        return of(s_server->pushAs(Role::supervisor, m));
    }

    static std::unique_ptr<test::TempDir> s_dir;
    static std::unique_ptr<ManualClock> s_clock;
    static std::unique_ptr<LocalStore> s_device;
    static std::unique_ptr<ServerSide> s_server;
};

std::unique_ptr<test::TempDir> RulesAgreementTest::s_dir;
std::unique_ptr<ManualClock> RulesAgreementTest::s_clock;
std::unique_ptr<LocalStore> RulesAgreementTest::s_device;
std::unique_ptr<ServerSide> RulesAgreementTest::s_server;

TEST_F(RulesAgreementTest, AReturnsCommentIsBlankOnBothSidesOrOnNeither) {
    const std::vector<std::pair<std::string, bool>> comments{
        {"\u3000", false},  // the ideographic space a Chinese IME types
        {"\t\n", false},
        {" a ", true},
        {"", false},
        {"\u00a0", false},  // a no-break space
        {"\u3000请补充照片\u3000", true},
    };
    for (const auto& [comment, suffices] : comments) {
        const auto [onDevice, onServer] = submittedReports();
        const Answer device = deviceReturns(onDevice, comment);
        const Answer server = serverReturns(onServer, comment);
        EXPECT_EQ(device.accepted, suffices) << json(comment).dump() << ": " << device;
        EXPECT_EQ(server.accepted, suffices) << json(comment).dump() << ": " << server;
        EXPECT_EQ(device.code, server.code) << json(comment).dump();
        EXPECT_EQ(device.message, server.message) << json(comment).dump();
    }
}

TEST_F(RulesAgreementTest, AReportNamesOnlyAMilestoneOfItsOwnProject) {
    for (const auto& [milestoneOf, fits] :
         {std::pair{kOtherProject, false}, std::pair{kProject, true}}) {
        ProgressReport onDevice = report(deviceDb());
        onDevice.milestoneId = milestoneIn(deviceDb(), milestoneOf);
        const Answer device = of(s_device->saveReport(deviceField(), onDevice));

        ProgressReport onServer = report(s_server->db());
        onServer.id = UuidGenerator(*s_clock).next();
        onServer.milestoneId = milestoneIn(s_server->db(), milestoneOf);
        server::Mutation create = mutation(Entity::progress_report, onServer.id, WriteOp::create);
        create.fields = toJson(onServer);
        const json result = s_server->pushAs(Role::field, create);
        const Answer server = of(result);

        EXPECT_EQ(device.accepted, fits) << milestoneOf << ": " << device;
        EXPECT_EQ(server.accepted, fits) << milestoneOf << ": " << server;
        EXPECT_EQ(device.code, server.code);
        EXPECT_EQ(device.message, server.message);
        if (!fits) {
            EXPECT_EQ(result["errors"][0]["field"], "milestone_id") << result.dump();
        }
    }
}

TEST_F(RulesAgreementTest, AWarningNamesOnlyAMilestoneOfItsOwnProject) {
    for (const auto& [milestoneOf, fits] :
         {std::pair{kOtherProject, false}, std::pair{kProject, true}}) {
        const Answer device = deviceIssues("2022-07-15", std::string(milestoneOf));
        const Answer server = serverIssues("2022-07-15", std::string(milestoneOf));
        EXPECT_EQ(device.accepted, fits) << milestoneOf << ": " << device;
        EXPECT_EQ(server.accepted, fits) << milestoneOf << ": " << server;
        EXPECT_EQ(device.message, server.message);
    }
}

TEST_F(RulesAgreementTest,
       ABaseVersionNewerThanTheRecordsIsRefusedAStaleOneGoesToTheConflictRules) {
    // The device bases a change on the version it holds, so its queue never names a newer one.
    const auto [onDevice, onServer] = submittedReports();
    ASSERT_TRUE(s_device->transition(deviceSupervisor(), Entity::progress_report, onDevice,
                                     Transition::return_, "请补充照片"));
    const OutboxEntry queued = s_device->outbox(1000).back();
    Statement held = deviceDb().prepare("SELECT version FROM progress_report WHERE id = ?");
    held.bindAll(onDevice);
    ASSERT_TRUE(held.step());
    EXPECT_EQ(queued.baseVersion, held.int64(0));

    // The server at version 2: a newer base is refused with core's message; a stale one made by
    // another device is the conflict rule's, not refused as malformed; the right one applies.
    const Answer newer = serverReturns(onServer, "请补充照片", 3);
    EXPECT_FALSE(newer.accepted);
    EXPECT_EQ(newer.code, "invalid");
    EXPECT_EQ(newer.message, baseVersionProblem(3, 2)->message);
    const Answer stale = serverReturns(onServer, "请补充照片", 1);
    EXPECT_EQ(stale.code, "conflict") << stale;
    EXPECT_TRUE(serverReturns(onServer, "请补充照片", 2).accepted);
}

TEST_F(RulesAgreementTest, ALettersDeadlineIsFromTodayInChinaAroundMidnight) {
    // 00:30 on 1 July in China is still 30 June in UTC: "today" is China's date on both sides.
    const std::int64_t halfPastMidnight = test::kJuly1st2022 - 8 * 3600'000 + 30 * 60'000;
    const std::int64_t justBeforeMidnight = test::kJuly1st2022 - 8 * 3600'000 - 1'000;
    struct Case {
        std::int64_t at;
        std::string correctBy;
        bool fits;
    };
    for (const Case& c : {Case{halfPastMidnight, "2022-06-30", false},  // yesterday
                          Case{halfPastMidnight, "2022-07-01", true},   // today
                          Case{halfPastMidnight, "2022-07-02", true},   // tomorrow
                          Case{justBeforeMidnight, "2022-06-29", false},
                          Case{justBeforeMidnight, "2022-06-30", true},
                          Case{justBeforeMidnight + 1'000, "2022-06-30", false}}) {
        s_clock->set(c.at);
        const Answer device = deviceIssues(c.correctBy);
        const Answer server = serverIssues(c.correctBy);
        const std::string when = formatInstantUtc(c.at) + " by " + c.correctBy;
        EXPECT_EQ(device.accepted, c.fits) << when << ": " << device;
        EXPECT_EQ(server.accepted, c.fits) << when << ": " << server;
        EXPECT_EQ(device.code, server.code) << when;
        EXPECT_EQ(device.message, server.message) << when;
    }
}

}  // namespace
}  // namespace duban
