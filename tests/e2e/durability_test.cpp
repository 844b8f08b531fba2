// The real binary as a separate process: what it acknowledged survives SIGKILL; SIGTERM lets the
// request in flight finish.
#include <gtest/gtest.h>
#include <signal.h>

#include <future>

#include "tests/support/server_process.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

using nlohmann::json;

constexpr const char* kAdminPassword = "durable-admin-password";

test::HttpsClient signIn(const test::ServerProcess& server, const std::string& user,
                         const std::string& password) {
    auto http = server.client();
    const auto r =
        http.post("/v1/auth/login", {{"username", user},
                                     {"password", password},
                                     {"device_id", "0190f0a8-0000-7000-8000-00000000d001"}});
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

TEST_F(DurabilityTest, SigtermFinishesTheRequestInFlight) {
    test::ServerProcess server(m_dir.path() / "data");
    // A sign-in with the production scrypt cost takes a while: stop the server during it.
    auto pending = std::async(std::launch::async, [&] {
        auto http = server.client();
        return http.post("/v1/auth/login", {{"username", "admin"},
                                            {"password", kAdminPassword},
                                            {"device_id", "0190f0a8-0000-7000-8000-00000000d002"}});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    EXPECT_EQ(server.stop(SIGTERM), 0);
    const auto response = pending.get();
    EXPECT_EQ(response.status, 200) << response.error << response.body;
    EXPECT_TRUE(response.json().contains("token"));
}

}  // namespace
}  // namespace duban
