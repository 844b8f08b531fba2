#pragma once
// The real server, in-process, on a free port with its real development certificate chain, over
// a fresh data folder with the seed imported. Tests talk to it over HTTPS with HttpsClient.
#include <memory>
#include <string>
#include <thread>

#include "core/domain/types.h"
#include "server/app/server_app.h"
#include "tests/support/https_client.h"
#include "tests/support/test_store.h"

namespace duban::test {

class TestServer {
public:
    // `configure` may change limits before start.
    explicit TestServer(const std::function<void(server::ServerConfig&)>& configure = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    [[nodiscard]] int port() const { return m_app->port(); }
    [[nodiscard]] std::string baseUrl() const {
        return "https://localhost:" + std::to_string(port());
    }
    [[nodiscard]] std::filesystem::path caFile() const { return m_app->caCertificate(); }
    [[nodiscard]] const server::ServerConfig& config() const { return m_app->config(); }
    [[nodiscard]] HttpsClient client() const { return HttpsClient(baseUrl(), caFile()); }

    // Creates an account directly in the database (password kTestPassword); returns its id.
    std::string createUser(const std::string& username, Role role, const std::string& unit,
                           const std::vector<std::string>& supervisedUnits = {});
    // Signs in over HTTPS as `username` from a new device; returns a client carrying the token.
    HttpsClient signIn(const std::string& username, std::string* deviceId = nullptr) const;
    // Runs `f` with a connection of the server's database (to look, never to bypass the API in
    // an assertion's place).
    void withDatabase(const std::function<void(const Database&)>& f);

    static constexpr const char* kTestPassword = "test-password-123";

private:
    TempDir m_dir;
    SystemClock m_clock;
    server::JsonLog m_log;
    std::unique_ptr<server::ServerApp> m_app;
    std::thread m_thread;
};

}  // namespace duban::test
