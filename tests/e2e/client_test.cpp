// duban-client as a user runs it: sign in to the real server over HTTPS, sync, then read the local
// store — through runClient, the same entry point the executable has.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/domain/dates.h"
#include "sync/cli/client_commands.h"
#include "sync/device_profile.h"
#include "tests/support/test_photos.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

namespace duban::test {
namespace {

using nlohmann::json;

struct ClientRun {
    int code = -1;
    std::string out;
    std::string err;
};

class ClientTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_server = std::make_unique<TestServer>(); }
    static void TearDownTestSuite() { s_server.reset(); }
    void SetUp() override { ::setenv("DUBAN_PASSWORD", TestServer::kTestPassword, 1); }
    void TearDown() override { ::unsetenv("DUBAN_PASSWORD"); }

    [[nodiscard]] std::string profile(const std::string& name = "profile") const {
        return m_dir.file(name).string();
    }

    ClientRun run(std::vector<std::string> args, const std::string& stdinText = {}) const {
        return runIn("profile", std::move(args), stdinText);
    }
    // As `run`, in the profile folder `name` (one per device).
    ClientRun runIn(const std::string& name, std::vector<std::string> args,
                    const std::string& stdinText = {}) const {
        args.insert(args.begin(), {"--profile", profile(name)});
        std::istringstream in(stdinText);
        std::ostringstream out;
        std::ostringstream err;
        ClientRun result;
        result.code = cli::runClient(args, in, out, err);
        result.out = out.str();
        result.err = err.str();
        return result;
    }

    ClientRun login(const std::string& username, const std::string& stdinText = {}) const {
        return loginIn("profile", username, stdinText);
    }
    ClientRun loginIn(const std::string& name, const std::string& username,
                      const std::string& stdinText = {}) const {
        return runIn(name,
                     {"login", "--server", s_server->baseUrl(), "--ca", s_server->caFile().string(),
                      "--username", username},
                     stdinText);
    }
    // Runs a --json command that must succeed and returns its document.
    json jsonIn(const std::string& name, std::vector<std::string> args) const {
        args.insert(args.begin(), "--json");
        const ClientRun r = runIn(name, args);
        EXPECT_EQ(r.code, 0) << testing::PrintToString(args) << ": " << r.err;
        return r.code == 0 ? json::parse(r.out) : json();
    }
    static std::string serverState(const std::string& id) {
        std::string state;
        s_server->withDatabase([&](const Database& db) {
            Statement s = db.prepare(
                "SELECT state FROM progress_report WHERE id = ?1 "
                "UNION ALL SELECT state FROM site_visit WHERE id = ?1");
            s.bindAll(id);
            if (s.step())
                state = s.text(0);
        });
        return state;
    }

    static std::unique_ptr<TestServer> s_server;
    TempDir m_dir;
};
std::unique_ptr<TestServer> ClientTest::s_server;

TEST_F(ClientTest, LoginSavesAPrivateProfileWithATokenAndSaysWhoYouAre) {
    s_server->createUser("cli-login", Role::field, "市科工信局");
    const ClientRun r = login("cli-login");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("cli-login"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("市科工信局"), std::string::npos) << r.out;

    const std::string file = profile() + "/profile.json";
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    std::ifstream in(file);
    const json saved = json::parse(in);
    EXPECT_TRUE(saved["token"].get<std::string>().starts_with("dbn_"));
    EXPECT_EQ(saved["username"], "cli-login");
    EXPECT_EQ(saved["server"], s_server->baseUrl());
    EXPECT_EQ(saved["user"]["unit"]["name"], "市科工信局");
    const std::string deviceId = saved["device_id"];
    EXPECT_EQ(deviceId.size(), 36u);
    EXPECT_EQ(deviceId[14], '7') << "a UUIDv7";

    // Signing in again from the same folder keeps the device.
    ASSERT_EQ(login("cli-login").code, 0);
    std::ifstream again(file);
    EXPECT_EQ(json::parse(again)["device_id"], deviceId);
}

TEST_F(ClientTest, AWrongPasswordFromStdinFailsWithTheServersMessage) {
    s_server->createUser("cli-wrong", Role::field, "市科工信局");
    ::unsetenv("DUBAN_PASSWORD");
    const ClientRun r = login("cli-wrong", "not-the-password\n");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("unauthorized"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
    // No token saved: the next command says to sign in.
    const ClientRun status = run({"status"});
    EXPECT_EQ(status.code, 1);
    EXPECT_NE(status.err.find("login"), std::string::npos) << status.err;
    // The right password on stdin works.
    EXPECT_EQ(login("cli-wrong", std::string(TestServer::kTestPassword) + "\n").code, 0);
}

TEST_F(ClientTest, SyncPullsTheProjectsAndStatusShowsNothingPending) {
    s_server->createUser("cli-sync", Role::field, "市科工信局");
    ASSERT_EQ(login("cli-sync").code, 0);

    const ClientRun before = run({"--json", "status"});
    ASSERT_EQ(before.code, 0) << before.err;
    EXPECT_TRUE(json::parse(before.out)["last_sync_at"].is_null());

    const ClientRun synced = run({"sync"});
    ASSERT_EQ(synced.code, 0) << synced.err;
    EXPECT_NE(synced.out.find("pulled "), std::string::npos) << synced.out;
    EXPECT_EQ(synced.out.find("pulled 0\n"), std::string::npos) << synced.out;

    const ClientRun found = run({"projects", "--search", "酒鬼酒", "--json"});
    ASSERT_EQ(found.code, 0) << found.err;
    const json list = json::parse(found.out);
    ASSERT_TRUE(list.is_array());
    bool hasProject = false;
    for (const json& project : list) {
        hasProject = hasProject || project["code"] == "key_projects_2022#1";
    }
    EXPECT_TRUE(hasProject) << found.out;

    const ClientRun text = run({"projects", "--search", "酒鬼酒", "--limit", "5"});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("key_projects_2022#1  "), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("总投资 "), std::string::npos) << text.out;

    const ClientRun status = run({"status", "--json"});
    ASSERT_EQ(status.code, 0) << status.err;
    const json state = json::parse(status.out);
    EXPECT_EQ(state["pending"], 0);
    EXPECT_EQ(state["inbox"], 0);
    EXPECT_TRUE(state["last_sync_at"].is_string()) << status.out;
    EXPECT_EQ(state["user"]["username"], "cli-sync");
}

TEST_F(ClientTest, UsageErrorsExitTwoWithTheUsage) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {},
             {"fly"},
             {"login", "--username", "x"},
             {"sync", "--search", "x"},
             {"projects", "--limit"},
             {"projects", "--limit", "many"},
             {"status", "extra"},
             {"--bogus", "status"},
             {"visit"},
             {"visit", "fly"},
             {"visit", "add", "--lat", "28.3"},
             {"visit", "add", "--position-source", "guess"},
             {"report", "add", "--percent", "120"},
             {"report", "add", "--investment", "lots"},
             {"approve"},
             {"return", "a", "b"},
             {"records", "--state", "lost"},
             {"resubmit", "x", "--set", "[1]"},
         }) {
        const ClientRun r = run(args);
        EXPECT_EQ(r.code, 2) << testing::PrintToString(args);
        EXPECT_NE(r.err.find("usage:"), std::string::npos) << r.err;
    }
    // Not a usage error: no profile in the folder yet.
    EXPECT_EQ(run({"sync"}).code, 1);
}

// The offline work of a field officer, a supervisor's decisions and the race two supervisors run,
// all from the command line against the real server.
TEST_F(ClientTest, FieldWorkIsWrittenOfflineSyncedReviewedAndARaceIsShownInTheInbox) {
    s_server->createUser("cli-field", Role::field, "市科工信局");
    s_server->createUser("cli-sup", Role::supervisor, "市发改局");
    s_server->createUser("cli-sup2", Role::supervisor, "市发改局");
    ASSERT_EQ(loginIn("field", "cli-field").code, 0);
    ASSERT_EQ(loginIn("sup", "cli-sup").code, 0);
    ASSERT_EQ(loginIn("sup2", "cli-sup2").code, 0);
    for (const char* device : {"field", "sup", "sup2"})
        ASSERT_EQ(runIn(device, {"sync"}).code, 0);

    // Offline: a visit and a report, both submitted, checked by the core rules on the device.
    const json visit = jsonIn(
        "field", {"visit", "add", "--project", "key_projects_2022#1", "--at",
                  "2022-06-30T02:00:00Z", "--lat", "28.31", "--lon", "109.73", "--accuracy", "8",
                  "--notes", "三区二期酿酒车间基础施工", "--people", "项目经理 张工", "--submit"});
    EXPECT_EQ(visit["state"], "submitted");
    EXPECT_EQ(visit["position"]["source"], "manual");
    const ClientRun invalid = runIn("field", {"report", "add", "--project", "key_projects_2022#1",
                                              "--period", "2099-01", "--percent", "40"});
    EXPECT_EQ(invalid.code, 1);
    EXPECT_NE(invalid.err.find("(invalid)"), std::string::npos) << invalid.err;
    const json report =
        jsonIn("field", {"report", "add", "--project", "key_projects_2022#1", "--period", "2022-06",
                         "--investment", "1,500.5", "--percent", "40", "--narrative",
                         "主体结构施工中", "--problems", "用地报批滞后", "--submit"});
    EXPECT_EQ(report["investment"], 15'005'000);  // 1,500.5万元 in yuan
    EXPECT_EQ(report["state"], "submitted");
    const std::string reportId = report["id"];
    EXPECT_EQ(jsonIn("field", {"status"})["pending"], 4);  // two creates, two submits
    EXPECT_TRUE(serverState(reportId).empty());            // nothing left the device yet

    const json pushed = jsonIn("field", {"sync"});
    EXPECT_EQ(pushed["applied"], 4);
    EXPECT_EQ(jsonIn("field", {"status"})["pending"], 0);
    EXPECT_EQ(serverState(reportId), "submitted");
    EXPECT_EQ(serverState(visit["id"]), "submitted");

    // A field officer cannot approve, on the device already.
    const ClientRun forbidden = runIn("field", {"approve", reportId});
    EXPECT_EQ(forbidden.code, 1);
    EXPECT_NE(forbidden.err.find("(forbidden)"), std::string::npos) << forbidden.err;

    // Two supervisors see the queue; one returns the report, the other approves it offline.
    jsonIn("sup", {"sync"});
    jsonIn("sup2", {"sync"});
    const json queue = jsonIn("sup", {"records", "--state", "submitted"});
    bool queued = false;
    for (const json& row : queue)
        queued = queued || row["id"] == reportId;
    EXPECT_TRUE(queued) << queue.dump();
    // Narrowed by project, alone and with the state: the report and the visit, then neither.
    const json ofProject = jsonIn("sup", {"records", "--project", "key_projects_2022#1"});
    EXPECT_EQ(ofProject.size(), 2u) << ofProject.dump();
    for (const json& row : ofProject)
        EXPECT_EQ(row["project_code"], "key_projects_2022#1");
    EXPECT_TRUE(
        jsonIn("sup", {"records", "--project", "key_projects_2022#1", "--state", "approved"})
            .empty());
    EXPECT_EQ(jsonIn("sup", {"records", "--project", "key_projects_2022#2"}).size(), 0u);
    EXPECT_EQ(runIn("sup", {"return", reportId}).code, 1);  // a return says why
    EXPECT_EQ(jsonIn("sup", {"return", reportId, "--comment", "请补充投资完成依据"})["state"],
              "returned");
    EXPECT_EQ(jsonIn("sup2", {"approve", reportId})["state"], "approved");
    EXPECT_EQ(jsonIn("sup2", {"approve", visit["id"]})["state"], "approved");
    jsonIn("sup", {"sync"});
    const json late = jsonIn("sup2", {"sync"});
    EXPECT_EQ(late["rejected"], 1);
    EXPECT_EQ(late["applied"], 1);
    EXPECT_EQ(serverState(reportId), "returned");  // rejected, not merged
    EXPECT_EQ(serverState(visit["id"]), "approved");

    const json status = jsonIn("sup2", {"status"});
    EXPECT_EQ(status["rejected"], 1);
    const json inbox = jsonIn("sup2", {"inbox"});
    ASSERT_EQ(inbox.size(), 1u);
    EXPECT_EQ(inbox[0]["record_id"], reportId);
    EXPECT_EQ(inbox[0]["code"], "invalid_transition");
    EXPECT_EQ(inbox[0]["server_record"]["state"], "returned");
    const ClientRun shown = runIn("sup2", {"inbox"});
    EXPECT_NE(shown.out.find("refused"), std::string::npos) << shown.out;
    EXPECT_EQ(jsonIn("sup2", {"discard", inbox[0]["id"]})["resolution"], "discarded");
    EXPECT_EQ(jsonIn("sup2", {"status"})["inbox"], 0);
    EXPECT_EQ(jsonIn("sup2", {"inbox", "--all"}).size(), 1u);

    // The officer sees the return and submits again.
    jsonIn("field", {"sync"});
    EXPECT_EQ(jsonIn("field", {"submit", reportId})["state"], "submitted");
    jsonIn("field", {"sync"});
    EXPECT_EQ(serverState(reportId), "submitted");
}

// A visit with photos from files: stored and queued offline, uploaded by sync, fetched by the
// supervisor byte for byte.
TEST_F(ClientTest, AVisitWithPhotosUploadsThemAndASupervisorFetchesTheSameBytes) {
    s_server->createUser("cli-photo", Role::field, "市科工信局");
    s_server->createUser("cli-photo-sup", Role::supervisor, "市发改局");
    ASSERT_EQ(loginIn("field", "cli-photo").code, 0);
    ASSERT_EQ(loginIn("sup", "cli-photo-sup").code, 0);
    jsonIn("field", {"sync"});
    const std::filesystem::path site = m_dir.file("site.jpg");
    const std::filesystem::path broken = m_dir.file("broken.jpg");
    writeNoiseJpeg(site, 640, 480, 7);
    { std::ofstream(broken, std::ios::binary) << "not a photo"; }

    const json visit =
        jsonIn("field", {"visit", "add", "--project", "key_projects_2022#1", "--at",
                         "2022-06-30T02:00:00Z", "--notes", "基础施工", "--photo", site.string()});
    ASSERT_EQ(visit["photos"].size(), 1u);
    const std::string sha = visit["photos"][0]["sha256"];
    EXPECT_EQ(jsonIn("field", {"status"})["photo_files_waiting"], 2);  // photo and thumbnail

    // A broken file is refused with the reason; the draft and its first photo stay.
    const ClientRun refused =
        runIn("field", {"photo", "add", visit["id"], "--file", broken.string()});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("(photo_"), std::string::npos) << refused.err;
    const json added = jsonIn(
        "field", {"photo", "add", visit["id"], "--file", site.string(), "--caption", "东侧基坑"});
    EXPECT_EQ(added["caption"], "东侧基坑");
    ASSERT_EQ(runIn("field", {"submit", visit["id"]}).code, 0);

    const json synced = jsonIn("field", {"sync"});
    EXPECT_EQ(synced["uploaded_blobs"], 2);  // the second photo has the same bytes: one upload
    EXPECT_GT(synced["uploaded_bytes"].get<std::int64_t>(), 0);
    EXPECT_EQ(jsonIn("field", {"status"})["photo_files_waiting"], 0);

    jsonIn("sup", {"sync"});
    const json fetched = jsonIn("sup", {"photo", "fetch", sha});
    const auto bytes = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::filesystem::path original =
        std::filesystem::path(profile("field")) / "blobs" / sha.substr(0, 2) / sha;
    EXPECT_EQ(bytes(fetched["path"].get<std::string>()), bytes(original));
    EXPECT_FALSE(bytes(original).empty());
    const ClientRun unknown = runIn("sup", {"photo", "fetch", std::string(64, 'a')});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_NE(unknown.err.find("(blob_not_available)"), std::string::npos) << unknown.err;
}

// A warning letter travels: a supervisor issues it offline and syncs; the server numbers it; the
// responsible unit's devices receive it and one acknowledges it; the supervisor sees the
// acknowledgment; a device of another unit never holds it; a second acknowledgment is refused.
TEST_F(ClientTest, AnIssuedWarningReachesTheUnitAndItsAcknowledgmentComesBack) {
    s_server->createUser("warn-sup", Role::supervisor, "市发改局");
    s_server->createUser("warn-field", Role::field, "市科工信局");
    s_server->createUser("warn-field2", Role::field, "市科工信局");
    s_server->createUser("warn-out", Role::field, "市乡村振兴局");
    for (const auto& [device, user] :
         std::vector<std::pair<std::string, std::string>>{{"sup", "warn-sup"},
                                                          {"field", "warn-field"},
                                                          {"field2", "warn-field2"},
                                                          {"out", "warn-out"}}) {
        ASSERT_EQ(loginIn(device, user).code, 0);
        ASSERT_EQ(runIn(device, {"sync"}).code, 0);
    }
    // Nothing to acknowledge yet, and only supervisors issue.
    EXPECT_TRUE(jsonIn("field", {"warnings", "--open"}).empty());
    const std::string correctBy = formatDate(addDays(dateAt(SystemClock().nowMs()), 14));

    // Offline, the supervisor picks a finding on 酒鬼酒 (its milestones of 2022 are long overdue).
    const json proposals = jsonIn("sup", {"warning", "propose"});
    std::string milestoneId;
    int level = 0;
    for (const json& p : proposals) {
        if (p["project_code"] == "key_projects_2022#1" && p["milestone_id"].is_string()) {
            milestoneId = p["milestone_id"];
            level = p["level"];
            break;
        }
    }
    ASSERT_FALSE(milestoneId.empty()) << proposals.dump();
    const ClientRun notYours =
        runIn("field", {"warning", "issue", "--project", "key_projects_2022#1", "--milestone",
                        milestoneId, "--level", std::to_string(level), "--correct-by", correctBy});
    EXPECT_EQ(notYours.code, 1);
    const json issued =
        jsonIn("sup", {"warning", "issue", "--project", "key_projects_2022#1", "--milestone",
                       milestoneId, "--level", std::to_string(level), "--correct-by", correctBy});
    const std::string id = issued["id"];
    EXPECT_EQ(issued["number"], "");
    EXPECT_EQ(issued["correct_by"], correctBy);
    EXPECT_NE(issued["reason"].get<std::string>().find("已逾期"), std::string::npos);
    EXPECT_EQ(jsonIn("sup", {"status"})["pending"], 1);
    // Proposed once: the same finding is not offered again.
    for (const json& p : jsonIn("sup", {"warning", "propose"}))
        EXPECT_FALSE(p["milestone_id"] == milestoneId && p["level"] == level) << p.dump();

    EXPECT_EQ(jsonIn("sup", {"sync"})["applied"], 1);
    std::string number;
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT number FROM warning WHERE id = ?");
        s.bindAll(id);
        ASSERT_TRUE(s.step());
        number = s.text(0);
    });
    EXPECT_TRUE(number.starts_with("吉发改督〔")) << number;

    // The unit's devices receive it, numbered, with what the letter needs.
    jsonIn("field", {"sync"});
    jsonIn("field2", {"sync"});
    const json open = jsonIn("field", {"warnings", "--open"});
    ASSERT_EQ(open.size(), 1u) << open.dump();
    EXPECT_EQ(open[0]["id"], id);
    EXPECT_EQ(open[0]["number"], number);
    EXPECT_EQ(open[0]["correct_by"], correctBy);
    EXPECT_EQ(open[0]["milestone_id"], milestoneId);
    EXPECT_EQ(open[0]["reason"], issued["reason"]);
    EXPECT_TRUE(open[0]["acknowledged_at"].is_null());
    // Another unit's device never holds it.
    jsonIn("out", {"sync"});
    EXPECT_TRUE(jsonIn("out", {"warnings"}).empty());
    {
        const Database outsider = Database::open(sync::ProfileDir(profile("out")).storeFile());
        Statement held = outsider.prepare("SELECT count(*) FROM warning");
        held.step();
        EXPECT_EQ(held.integer(0), 0);
    }
    EXPECT_EQ(runIn("out", {"warning", "ack", id}).code, 1);

    // The unit acknowledges; once.
    const json acked = jsonIn("field", {"warning", "ack", id});
    EXPECT_TRUE(acked["acknowledged_at"].is_string());
    const ClientRun twice = runIn("field", {"warning", "ack", id});
    EXPECT_EQ(twice.code, 1);
    EXPECT_NE(twice.err.find("invalid_transition"), std::string::npos) << twice.err;
    EXPECT_EQ(jsonIn("field", {"sync"})["applied"], 1);
    EXPECT_TRUE(jsonIn("field", {"warnings", "--open"}).empty());

    // The supervisor sees the acknowledgment.
    jsonIn("sup", {"sync"});
    const json seen = jsonIn("sup", {"warnings"});
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_TRUE(seen[0]["acknowledged_at"].is_string()) << seen.dump();
    EXPECT_EQ(seen[0]["number"], number);

    // A colleague's device, offline since, acknowledges too: the server refuses the second.
    EXPECT_TRUE(jsonIn("field2", {"warning", "ack", id})["acknowledged_at"].is_string());
    EXPECT_EQ(jsonIn("field2", {"sync"})["rejected"], 1);
    const json inbox = jsonIn("field2", {"inbox"});
    ASSERT_EQ(inbox.size(), 1u);
    EXPECT_EQ(inbox[0]["record_id"], id);
    EXPECT_EQ(inbox[0]["code"], "invalid_transition");
}

}  // namespace
}  // namespace duban::test
