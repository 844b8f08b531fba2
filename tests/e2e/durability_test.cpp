// The real binary as a separate process: what it acknowledged survives SIGKILL; SIGTERM lets the
// request in flight finish.
#include <gtest/gtest.h>
#include <signal.h>

#include <sys/wait.h>

#include <cstdio>
#include <future>

#include "core/store/database.h"
#include "tests/support/server_process.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

using nlohmann::json;

constexpr const char* kAdminPassword = "durable-admin-password";

test::HttpsClient signIn(const test::ServerProcess& server, const std::string& user,
                         const std::string& password,
                         const std::string& device = "0190f0a8-0000-7000-8000-00000000d001") {
    auto http = server.client();
    const auto r = http.post("/v1/auth/login",
                             {{"username", user}, {"password", password}, {"device_id", device}});
    if (r.status != 200)
        throw std::runtime_error("sign-in failed: " + r.body + r.error);
    http.setToken(r.json()["token"]);
    return http;
}

class DurabilityTest : public ::testing::Test {
protected:
    void SetUp() override { setenv("DUBAN_ADMIN_PASSWORD", kAdminPassword, 1); }
    test::TempDir m_dir;
};

TEST_F(DurabilityTest, WhatWasAcknowledgedSurvivesSigkill) {
    test::ServerProcess server(m_dir.path() / "data");
    auto admin = signIn(server, "admin", kAdminPassword);
    const auto created = admin.post("/v1/admin/users", {{"username", "kept-user"},
                                                        {"display_name", "留存"},
                                                        {"role", "field"},
                                                        {"unit", "市科工信局"},
                                                        {"password", "kept-password-1"}});
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(server.stop(SIGKILL), 128 + SIGKILL);  // no chance to flush anything

    server.start();  // same data folder, same port
    auto kept = signIn(server, "kept-user", "kept-password-1");
    EXPECT_EQ(kept.get("/v1/me").json()["unit"]["name"], "市科工信局");
    // The restart imported nothing twice and created no second administrator.
    auto again = signIn(server, "admin", kAdminPassword);
    const auto users = again.get("/v1/admin/users");
    int admins = 0;
    const json body = users.json();
    for (const auto& u : body["users"])
        admins += u["role"] == "admin" ? 1 : 0;
    EXPECT_EQ(admins, 1);
}

// Pulls everything the caller may see; returns the id of the project with `code`.
std::string projectId(const test::HttpsClient& http, const std::string& code) {
    std::int64_t after = 0;
    for (;;) {
        const auto page = http.get("/v1/sync/pull?after=" + std::to_string(after) + "&limit=500");
        if (page.status != 200)
            throw std::runtime_error("pull failed: " + page.body);
        const json body = page.json();
        for (const auto& change : body["changes"]) {
            if (change["entity"] == "project" && change["record"]["code"] == code)
                return change["id"];
        }
        if (!body["more"].get<bool>())
            return {};
        after = body["next"];
    }
}

TEST_F(DurabilityTest, APushAcknowledgedJustBeforeSigkillIsThereAfterRestart) {
    test::ServerProcess server(m_dir.path() / "data");
    auto admin = signIn(server, "admin", kAdminPassword);
    ASSERT_EQ(admin
                  .post("/v1/admin/users", {{"username", "field-kill"},
                                            {"display_name", "现场"},
                                            {"role", "field"},
                                            {"unit", "市科工信局"},
                                            {"password", "field-kill-password"}})
                  .status,
              201);
    const std::string device =
        "0190f0a8-0000-7000-8000-00000000d00f";  // the field user's own device
    auto field = signIn(server, "field-kill", "field-kill-password", device);
    const std::string project = projectId(field, "key_projects_2022#1");
    ASSERT_FALSE(project.empty());
    const std::string report = "0190f0a8-0000-7000-8000-00000000e001";
    const json push{{"device", device},
                    {"mutations",
                     {{{"n", 1},
                       {"mid", "0190f0a8-0000-7000-8000-00000000f001"},
                       {"entity", "progress_report"},
                       {"id", report},
                       {"op", "create"},
                       {"base_version", 0},
                       {"fields",
                        {{"project_id", project},
                         {"period", "2022-06"},
                         {"investment", 5'000'000},
                         {"percent_complete", 60},
                         {"narrative", "断电前保存"},
                         {"problems", ""},
                         {"coordination", ""}}},
                       {"hlc", "1654041600000-0000-d001"}}}}};
    const auto acknowledged = field.post("/v1/sync/push", push);
    ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
    ASSERT_EQ(acknowledged.json()["results"][0]["status"], "applied");
    server.stop(SIGKILL);  // immediately after the acknowledgment

    server.start();
    auto again = signIn(server, "field-kill", "field-kill-password", device);
    bool found = false;
    const auto page = again.get("/v1/sync/pull?after=0&limit=2000");
    const json body = page.json();
    for (const auto& change : body["changes"]) {
        if (change["id"] == report) {
            found = true;
            EXPECT_EQ(change["record"]["narrative"], "断电前保存");
        }
    }
    EXPECT_TRUE(found);
    // The replay after the restart is a duplicate, not a second report.
    const auto replay = again.post("/v1/sync/push", push);
    ASSERT_EQ(replay.status, 200) << replay.body;
    EXPECT_EQ(replay.json()["results"][0]["status"], "duplicate");
}

TEST_F(DurabilityTest, SigtermFinishesTheRequestInFlight) {
    // A sign-in with the production scrypt cost takes a while: stop the server during it. If the
    // request had not even connected when the signal came (a loaded machine), the round proves
    // nothing and is repeated; a request the server accepted must always be answered.
    for (int round = 0; round < 5; ++round) {
        test::ServerProcess server(m_dir.path() / ("data" + std::to_string(round)));
        auto pending = std::async(std::launch::async, [&] {
            auto http = server.client();
            return http.post("/v1/auth/login",
                             {{"username", "admin"},
                              {"password", kAdminPassword},
                              {"device_id", "0190f0a8-0000-7000-8000-00000000d002"}});
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        EXPECT_EQ(server.stop(SIGTERM), 0);
        const auto response = pending.get();
        if (response.status == 0 && response.error.find("onnect") != std::string::npos)
            continue;
        EXPECT_EQ(response.status, 200) << response.error << response.body;
        EXPECT_TRUE(response.json().contains("token"));
        return;
    }
    GTEST_SKIP() << "the request never reached the server before the signal in 5 rounds";
}

// Runs a duban-server command; returns its exit code and fills `output` with its stdout.
int runCli(const std::string& arguments, std::string* output = nullptr) {
    const std::string command = std::string(DUBAN_SERVER_BINARY) + " " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    std::string text;
    char buffer[4096];
    while (pipe != nullptr && fgets(buffer, sizeof buffer, pipe) != nullptr)
        text += buffer;
    const int status = pipe != nullptr ? pclose(pipe) : -1;
    if (output != nullptr)
        *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(DurabilityTest, OperatorsManageUsersAndUnitsFromTheCommandLine) {
    const auto data = m_dir.path() / "data";
    test::ServerProcess server(data);
    const std::string dataArg = " --data " + data.string();
    setenv("DUBAN_PASSWORD", "cli-made-password", 1);
    std::string out;
    EXPECT_EQ(
        runCli("user add cli.user --role field --unit 科工信局 --name 命令行" + dataArg, &out), 0)
        << out;
    EXPECT_NE(runCli("user add cli.user --role field --unit 市科工信局" + dataArg, &out),
              0);  // taken
    EXPECT_NE(runCli("user add other --role field --unit 不存在的单位" + dataArg, &out), 0);
    EXPECT_NE(out.find("不存在的单位"), std::string::npos);
    EXPECT_EQ(runCli("unit add 吉凤街道 --kind township" + dataArg, &out), 0) << out;
    EXPECT_EQ(runCli("unit list" + dataArg, &out), 0);
    EXPECT_NE(out.find("吉凤街道\ttownship"), std::string::npos);

    // The running server sees the new account at once (same database).
    auto user =
        signIn(server, "cli.user", "cli-made-password", "0190f0a8-0000-7000-8000-00000000c001");
    EXPECT_EQ(user.get("/v1/me").json()["unit"]["name"], "市科工信局");
    EXPECT_EQ(runCli("user role cli.user supervisor" + dataArg, &out), 0) << out;
    EXPECT_EQ(user.get("/v1/me").status, 401);  // the role change ended the session
    EXPECT_EQ(runCli("user disable cli.user" + dataArg, &out), 0) << out;
    EXPECT_THROW(signIn(server, "cli.user", "cli-made-password"), std::runtime_error);
    EXPECT_EQ(runCli("user list" + dataArg, &out), 0);
    EXPECT_NE(out.find("cli.user\tsupervisor\t市科工信局\tdisabled"), std::string::npos) << out;
    unsetenv("DUBAN_PASSWORD");
}

TEST_F(DurabilityTest, BackupWhileServingIsAConsistentCopy) {
    test::ServerProcess server(m_dir.path() / "data");
    auto admin = signIn(server, "admin", kAdminPassword);
    ASSERT_EQ(admin
                  .post("/v1/admin/users", {{"username", "backed-up"},
                                            {"display_name", "备份"},
                                            {"role", "supervisor"},
                                            {"unit", "市发改局"},
                                            {"password", "backed-up-password"}})
                  .status,
              201);
    const auto target = m_dir.path() / "copy.db";
    const std::string command = std::string(DUBAN_SERVER_BINARY) + " backup " + target.string() +
                                " --data " + (m_dir.path() / "data").string() + " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_NE(std::system((command + " 2>/dev/null").c_str()), 0);  // never overwrites a backup
    EXPECT_TRUE(server.client().get("/v1/health").status == 200);   // still serving
    const Database copy = Database::open(target);
    Statement users = copy.prepare("SELECT count(*) FROM user WHERE username = 'backed-up'");
    users.step();
    EXPECT_EQ(users.integer(0), 1);
    Statement projects =
        copy.prepare("SELECT count(*) FROM project_list WHERE list_code = 'key_projects_2022'");
    projects.step();
    EXPECT_EQ(projects.integer(0), 45);
}

}  // namespace
}  // namespace duban
