#include "tests/support/test_server.h"

#include <sstream>

#include "core/util/uuid.h"
#include "server/auth/accounts.h"

namespace duban::test {

TestServer::TestServer(const std::function<void(server::ServerConfig&)>& configure)
    : m_log(m_clock, m_dir.file("server.log"), true) {
    server::ServerConfig config;
    config.dataDir = m_dir.path() / "data";
    config.host = "127.0.0.1";
    config.port = 0;
    config.seedDir = DUBAN_SEED_DIR;
    config.threads = 4;
    config.scryptN = 1u << 10;  // fast hashes for tests; production uses 2^17
    config.loginAttemptsPerMinutePerAddress = 10'000;
    if (configure)
        configure(config);
    setenv("DUBAN_ADMIN_PASSWORD", kTestPassword, 1);
    std::ostringstream console;
    auto app = server::ServerApp::start(config, m_log, m_clock, console);
    if (!app)
        throw std::runtime_error("test server did not start: " + app.error().message);
    m_app = std::move(app).value();
    m_thread = std::thread([this] { m_app->run(); });
    m_app->waitUntilRunning();
}

TestServer::~TestServer() {
    m_app->stop();
    if (m_thread.joinable())
        m_thread.join();
}

std::string TestServer::createUser(const std::string& username, Role role, const std::string& unit,
                                   const std::vector<std::string>& supervisedUnits) {
    std::string id;
    withDatabase([&](const Database& db) {
        UuidGenerator ids(m_clock);
        Transaction tx(db);
        auto created = server::createAccount(
            db, ids, {username, username, role, unit, "", kTestPassword, supervisedUnits},
            m_app->config(), m_clock.nowMs());
        if (!created)
            throw std::runtime_error("createUser: " + created.error().message);
        tx.commit();
        id = created.value();
    });
    return id;
}

HttpsClient TestServer::signIn(const std::string& username, std::string* deviceId) const {
    HttpsClient http = client();
    SystemClock clock;
    const std::string device = UuidGenerator(clock).next();
    const auto response = http.post("/v1/auth/login", {{"username", username},
                                                       {"password", kTestPassword},
                                                       {"device_id", device},
                                                       {"device_name", "test device"}});
    if (response.status != 200)
        throw std::runtime_error("signIn " + username + ": " + response.body + response.error);
    http.setToken(response.json()["token"]);
    if (deviceId != nullptr)
        *deviceId = device;
    return http;
}

void TestServer::withDatabase(const std::function<void(const Database&)>& f) {
    const auto lease = m_app->pool().acquire();
    f(lease.db());
}

}  // namespace duban::test
