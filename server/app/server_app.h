#pragma once
// The running server: its database, certificates, accounts on first start, seed import, and the
// HTTPS listener with every route. main() builds one and runs it; tests build one on a free port.
#include <filesystem>
#include <memory>
#include <ostream>

#include "core/util/clock.h"
#include "core/util/result.h"
#include "server/app/server_config.h"
#include "server/app/server_context.h"
#include "server/http/http_server.h"
#include "server/http/router.h"

namespace duban::server {

class ServerApp {
public:
    // Prepares everything and binds the port (0 = any free port). What an operator must see once
    // (generated passwords, where the CA certificate is) is written to `console`.
    [[nodiscard]] static Result<std::unique_ptr<ServerApp>> start(ServerConfig config, JsonLog& log,
                                                                  const Clock& clock,
                                                                  std::ostream& console);
    ~ServerApp();
    ServerApp(const ServerApp&) = delete;
    ServerApp& operator=(const ServerApp&) = delete;

    // Serves until stop(); in-flight requests finish before it returns.
    void run();
    void stop();
    // Waits until run() accepts connections (stop() before that would be lost).
    void waitUntilRunning() const;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const ServerConfig& config() const { return m_config; }
    [[nodiscard]] std::filesystem::path caCertificate() const { return m_caCertificate; }
    [[nodiscard]] ConnectionPool& pool() { return *m_pool; }

private:
    ServerApp(ServerConfig config, JsonLog& log, const Clock& clock);
    Status prepare(std::ostream& console);

    ServerConfig m_config;
    JsonLog& m_log;
    const Clock& m_clock;
    std::unique_ptr<ConnectionPool> m_pool;
    std::unique_ptr<LoginThrottle> m_throttle;
    ChangeFeed m_changes;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpServer> m_http;
    std::filesystem::path m_caCertificate;
    int m_port = 0;
};

}  // namespace duban::server
