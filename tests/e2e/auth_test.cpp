// Accounts over real HTTPS: sign-in, sessions, lockout, role and account changes taking effect on
// the next request, admin-only endpoints, the audit log, and bad requests that change nothing.
#include <gtest/gtest.h>

#include "tests/support/test_server.h"

namespace duban {
namespace {

using nlohmann::json;
using test::TestServer;

class AuthTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_server = std::make_unique<TestServer>(); }
    static void TearDownTestSuite() { s_server.reset(); }
    static std::unique_ptr<TestServer> s_server;

    json login(const std::string& user, const std::string& password, long expectStatus) {
        const auto r = s_server->client().post(
            "/v1/auth/login", {{"username", user},
                               {"password", password},
                               {"device_id", "0190f0a8-0000-7000-8000-00000000a001"}});
        EXPECT_EQ(r.status, expectStatus) << r.body;
        return r.json();
    }
};
std::unique_ptr<TestServer> AuthTest::s_server;

TEST_F(AuthTest, HealthAnswersOverTlsAndAnUntrustedCaIsRefused) {
    const auto ok = s_server->client().get("/v1/health");
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.json()["status"], "ok");
    test::HttpsClient untrusting(s_server->baseUrl(), "/etc/ssl/certs/ca-certificates.crt");
    const auto refused = untrusting.get("/v1/health");
    EXPECT_EQ(refused.status, 0);
    EXPECT_FALSE(refused.error.empty());
}

TEST_F(AuthTest, SignInShowsWhoYouAreAndTheTokenIsStoredHashed) {
    s_server->createUser("auth-field", Role::field, "市科工信局");
    const json grant = login("auth-field", TestServer::kTestPassword, 200);
    ASSERT_TRUE(grant.contains("token"));
    const std::string token = grant["token"];
    EXPECT_GE(token.size(), 43u + 4u);  // "dbn_" + 256 bits in base64url
    EXPECT_EQ(grant["user"]["role"], "field");
    EXPECT_EQ(grant["user"]["unit"]["name"], "市科工信局");
    EXPECT_FALSE(grant["user"].contains("password_hash"));

    auto http = s_server->client();
    http.setToken(token);
    const auto me = http.get("/v1/me");
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json()["username"], "auth-field");
    EXPECT_EQ(me.json()["scope"].get<std::string>().size(), 32u);
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT count(*) FROM token WHERE hash = ?");
        s.bindAll(token);
        s.step();
        EXPECT_EQ(s.integer(0), 0) << "raw token stored";
    });
}

TEST_F(AuthTest, WrongPasswordsLockTheAccountAndTheRightOneThenWaits) {
    s_server->createUser("auth-lock", Role::field, "市科工信局");
    const json wrong = login("auth-lock", "not-the-password", 401);
    EXPECT_EQ(wrong["error"]["code"], "unauthorized");
    login("nobody-at-all", "whatever-password", 401);
    for (int i = 1; i < s_server->config().maxFailedLogins - 1; ++i)
        login("auth-lock", "not-the-password", 401);
    const json locked = login("auth-lock", "not-the-password", 429);
    EXPECT_EQ(locked["error"]["code"], "locked");
    login("auth-lock", TestServer::kTestPassword, 429);  // even the right password waits
}

TEST_F(AuthTest, LogoutEndsTheSession) {
    s_server->createUser("auth-out", Role::enterprise, "市腾达公司");
    auto http = s_server->signIn("auth-out");
    EXPECT_EQ(http.get("/v1/me").status, 200);
    EXPECT_EQ(http.post("/v1/auth/logout", json::object()).status, 200);
    const auto after = http.get("/v1/me");
    EXPECT_EQ(after.status, 401);
    EXPECT_EQ(after.errorCode(), "unauthorized");
}

TEST_F(AuthTest, DisablingOrChangingARoleEndsSessionsAtTheNextRequest) {
    s_server->createUser("auth-target", Role::field, "市科工信局");
    auto user = s_server->signIn("auth-target");
    auto admin = s_server->signIn("admin");
    ASSERT_EQ(user.get("/v1/me").json()["role"], "field");

    auto changed =
        admin.request("PATCH", "/v1/admin/users/auth-target", json{{"role", "enterprise"}}.dump());
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(user.get("/v1/me").status, 401);
    user = s_server->signIn("auth-target");
    EXPECT_EQ(user.get("/v1/me").json()["role"], "enterprise");

    ASSERT_EQ(admin.request("PATCH", "/v1/admin/users/auth-target", json{{"disabled", true}}.dump())
                  .status,
              200);
    EXPECT_EQ(user.get("/v1/me").status, 401);
    login("auth-target", TestServer::kTestPassword, 401);
    ASSERT_EQ(
        admin.request("PATCH", "/v1/admin/users/auth-target", json{{"disabled", false}}.dump())
            .status,
        200);
    login("auth-target", TestServer::kTestPassword, 200);
}

TEST_F(AuthTest, OnlyAdminsManageAccountsAndUnits) {
    s_server->createUser("auth-f", Role::field, "市科工信局");
    s_server->createUser("auth-e", Role::enterprise, "市腾达公司");
    s_server->createUser("auth-s", Role::supervisor, "市发改局");
    const json newUser{{"username", "made-by-x"},
                       {"display_name", "X"},
                       {"role", "field"},
                       {"unit", "市科工信局"},
                       {"password", "long-enough-pass"}};
    for (const char* who : {"auth-f", "auth-e", "auth-s"}) {
        auto http = s_server->signIn(who);
        EXPECT_EQ(http.get("/v1/admin/users").status, 403) << who;
        EXPECT_EQ(http.post("/v1/admin/users", newUser).status, 403) << who;
        EXPECT_EQ(http.get("/v1/admin/units").status, 403) << who;
        EXPECT_EQ(
            http.post("/v1/admin/units", json{{"name", "新单位"}, {"kind", "department"}}).status,
            403)
            << who;
        EXPECT_EQ(
            http.request("PATCH", "/v1/admin/users/auth-f", json{{"role", "admin"}}.dump()).status,
            403)
            << who;
    }
    auto admin = s_server->signIn("admin");
    const auto created = admin.post("/v1/admin/users", newUser);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json()["unit"]["name"], "市科工信局");
    EXPECT_EQ(admin.post("/v1/admin/users", newUser).status, 409);  // username taken
    const auto unit = admin.post(
        "/v1/admin/units", json{{"name", "测试街道"}, {"kind", "township"}, {"aliases", {"测试"}}});
    ASSERT_EQ(unit.status, 201) << unit.body;
    EXPECT_EQ(admin.post("/v1/admin/units", json{{"name", "测试"}, {"kind", "township"}}).status,
              409);
}

TEST_F(AuthTest, TheAuditLogRecordsAndIsReadOnly) {
    s_server->createUser("audit-f", Role::field, "市科工信局");
    s_server->createUser("audit-s", Role::supervisor, "市发改局");
    login("audit-f", "wrong-password!", 401);
    s_server->signIn("audit-f");
    EXPECT_EQ(s_server->signIn("audit-f").get("/v1/audit").status, 403);
    auto supervisor = s_server->signIn("audit-s");
    const auto log = supervisor.get("/v1/audit?action=login&limit=1000");
    ASSERT_EQ(log.status, 200) << log.body;
    int denied = 0;
    int ok = 0;
    const json body = log.json();  // a range-for must not iterate into a temporary
    for (const auto& e : body["entries"]) {
        if (e["target"] != "user:audit-f")
            continue;
        EXPECT_FALSE(e["at"].get<std::string>().empty());
        if (e["result"] == "ok") {
            ++ok;
        } else {
            ++denied;
            EXPECT_EQ(e["result"], "unauthorized");
            EXPECT_EQ(e["device_id"], "0190f0a8-0000-7000-8000-00000000a001");
        }
    }
    EXPECT_EQ(denied, 1);
    EXPECT_EQ(ok, 2);
    s_server->withDatabase([](const Database& db) {
        EXPECT_THROW(db.execute("UPDATE audit SET result = 'ok'"), DatabaseError);
        EXPECT_THROW(db.execute("DELETE FROM audit"), DatabaseError);
    });
}

TEST_F(AuthTest, PasswordChangeNeedsTheCurrentOneAndEndsOtherSessions) {
    s_server->createUser("auth-pw", Role::field, "市科工信局");
    auto first = s_server->signIn("auth-pw");
    auto second = s_server->signIn("auth-pw");
    EXPECT_EQ(first
                  .post("/v1/auth/password", {{"current_password", "wrong-one-here"},
                                              {"new_password", "a-new-password-1"}})
                  .status,
              403);
    EXPECT_EQ(first
                  .post("/v1/auth/password", {{"current_password", TestServer::kTestPassword},
                                              {"new_password", "short"}})
                  .status,
              400);
    ASSERT_EQ(first
                  .post("/v1/auth/password", {{"current_password", TestServer::kTestPassword},
                                              {"new_password", "a-new-password-1"}})
                  .status,
              200);
    EXPECT_EQ(first.get("/v1/me").status, 200);
    EXPECT_EQ(second.get("/v1/me").status, 401);
    login("auth-pw", TestServer::kTestPassword, 401);
    login("auth-pw", "a-new-password-1", 200);
}

TEST_F(AuthTest, BadRequestsGetAClearErrorAndChangeNothing) {
    auto http = s_server->client();
    std::int64_t auditBefore = 0;
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT count(*) FROM audit");
        s.step();
        auditBefore = s.int64(0);
    });
    const auto malformed = http.request("POST", "/v1/auth/login", "{\"username\": ");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.errorCode(), "invalid_json");
    const auto wrongType =
        http.post("/v1/auth/login", {{"username", 42}, {"password", "x"}, {"device_id", "y"}});
    EXPECT_EQ(wrongType.status, 400);
    EXPECT_EQ(wrongType.errorCode(), "invalid");
    const auto unknown =
        http.post("/v1/auth/login", {{"username", "admin"},
                                     {"password", TestServer::kTestPassword},
                                     {"device_id", "0190f0a8-0000-7000-8000-00000000a001"},
                                     {"remember_me", true}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.json()["error"]["message"].get<std::string>().find("remember_me"),
              std::string::npos);
    const auto badDevice = http.post(
        "/v1/auth/login", {{"username", "admin"}, {"password", "x"}, {"device_id", "../etc"}});
    EXPECT_EQ(badDevice.status, 400);
    const auto huge = http.request("POST", "/v1/auth/login",
                                   std::string(s_server->config().maxChunkBytes + 10, 'x'));
    EXPECT_EQ(huge.status, 413);
    // Over the JSON limit but under the upload chunk limit: refused before it is read.
    const auto overJson = http.request("POST", "/v1/auth/login",
                                       std::string(s_server->config().maxJsonBodyBytes + 1, ' '));
    EXPECT_EQ(overJson.status, 413);
    EXPECT_EQ(overJson.errorCode(), "payload_too_large");
    const auto notArray = http.request("POST", "/v1/auth/login", "[1,2]");
    EXPECT_EQ(notArray.status, 400);
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT count(*) FROM audit");
        s.step();
        EXPECT_EQ(s.int64(0), auditBefore);  // none reached the point of acting
    });
}

}  // namespace
}  // namespace duban
