// duban-client as a user runs it: sign in to the real server over HTTPS, sync, then read the local
// store — through runClient, the same entry point the executable has.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "sync/cli/client_commands.h"
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

    [[nodiscard]] std::string profile() const { return m_dir.file("profile").string(); }

    ClientRun run(std::vector<std::string> args, const std::string& stdinText = {}) const {
        args.insert(args.begin(), {"--profile", profile()});
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
        return run({"login", "--server", s_server->baseUrl(), "--ca", s_server->caFile().string(),
                    "--username", username},
                   stdinText);
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
         }) {
        const ClientRun r = run(args);
        EXPECT_EQ(r.code, 2) << testing::PrintToString(args);
        EXPECT_NE(r.err.find("usage:"), std::string::npos) << r.err;
    }
    // Not a usage error: no profile in the folder yet.
    EXPECT_EQ(run({"sync"}).code, 1);
}

}  // namespace
}  // namespace duban::test
