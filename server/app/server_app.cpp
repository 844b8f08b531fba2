#include "server/app/server_app.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>

#include "server/app/first_start.h"
#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/tls/dev_certificates.h"

namespace duban::server {

namespace {

// The names a device may use to reach this server: always the loopback names, the listen host,
// and — when listening on every interface — this machine's host name and addresses, so a phone
// on the LAN can verify the development certificate.
std::vector<std::string> certificateHosts(const std::string& listenHost) {
    std::vector<std::string> hosts{"localhost", "127.0.0.1", "::1"};
    const auto add = [&](const std::string& host) {
        if (!host.empty() && std::find(hosts.begin(), hosts.end(), host) == hosts.end())
            hosts.push_back(host);
    };
    if (listenHost != "0.0.0.0" && listenHost != "::") {
        add(listenHost);
        return hosts;
    }
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) == 0)
        add(name);
    ifaddrs* interfaces = nullptr;
    if (getifaddrs(&interfaces) == 0) {
        for (const ifaddrs* i = interfaces; i != nullptr; i = i->ifa_next) {
            if (i->ifa_addr == nullptr)
                continue;
            char text[INET6_ADDRSTRLEN] = {};
            const int family = i->ifa_addr->sa_family;
            const void* address = nullptr;
            if (family == AF_INET)
                address = &reinterpret_cast<const sockaddr_in*>(i->ifa_addr)->sin_addr;
            if (family == AF_INET6)
                address = &reinterpret_cast<const sockaddr_in6*>(i->ifa_addr)->sin6_addr;
            if (address != nullptr && inet_ntop(family, address, text, sizeof text) != nullptr &&
                std::string_view(text).find('%') == std::string_view::npos &&
                !std::string_view(text).starts_with("fe80")) {
                add(text);
            }
        }
        freeifaddrs(interfaces);
    }
    return hosts;
}

HttpServerOptions httpOptions(const ServerConfig& config, const std::filesystem::path& cert,
                              const std::filesystem::path& key) {
    using std::chrono::milliseconds;
    HttpServerOptions options;
    options.certFile = cert;
    options.keyFile = key;
    options.host = config.host;
    options.port = config.port;
    options.workerThreads = config.threads;
    options.maxQueuedRequests = static_cast<std::size_t>(config.maxQueuedRequests);
    options.maxHeaderBytes = config.maxHeaderBytes;
    options.handshakeTimeout = milliseconds(config.handshakeTimeoutMs);
    options.headerTimeout = milliseconds(config.headerTimeoutMs);
    options.keepAliveTimeout = milliseconds(config.keepAliveTimeoutMs);
    options.bodyStallTimeout = milliseconds(config.bodyStallTimeoutMs);
    options.minBodyBytesPerSecond = config.minBodyBytesPerSecond;
    options.maxConnections = static_cast<std::size_t>(config.maxConnections);
    options.maxConnectionsPerAddress = static_cast<std::size_t>(config.maxConnectionsPerAddress);
    options.trustedProxies = config.trustedProxies;
    return options;
}

}  // namespace

ServerApp::ServerApp(ServerConfig config, JsonLog& log, const Clock& clock)
    : m_config(std::move(config)), m_log(log), m_clock(clock) {}

ServerApp::~ServerApp() {
    stop();
}

Result<std::unique_ptr<ServerApp>> ServerApp::start(ServerConfig config, JsonLog& log,
                                                    const Clock& clock, std::ostream& console) {
    std::unique_ptr<ServerApp> app(new ServerApp(std::move(config), log, clock));
    if (auto prepared = app->prepare(console); !prepared)
        return prepared.error();
    return app;
}

Status ServerApp::prepare(std::ostream& console) {
    std::error_code error;
    for (const auto& dir : {m_config.dataDir, m_config.blobDir(), m_config.uploadDir()}) {
        std::filesystem::create_directories(dir, error);
        if (error)
            return makeError("setup_failed",
                             "cannot create " + dir.string() + ": " + error.message());
    }
    try {
        const Database setup = Database::open(m_config.databaseFile());
        if (auto s = prepareDatabase(setup, m_config, m_clock, console); !s)
            return s;
    } catch (const DatabaseError& e) {
        return makeError("setup_failed", std::string("cannot open the database: ") + e.what());
    }

    std::filesystem::path cert;
    std::filesystem::path key;
    if (m_config.certFile) {
        cert = *m_config.certFile;
        key = *m_config.keyFile;
    } else {
        const std::vector<std::string> hosts = certificateHosts(m_config.host);
        const auto paths = ensureDevelopmentCertificates(m_config.dataDir, hosts);
        if (!paths)
            return paths.error();
        cert = paths->serverCert;
        key = paths->serverKey;
        m_caCertificate = paths->caCert;
    }

    m_pool = std::make_unique<ConnectionPool>(m_config.databaseFile(), m_config.threads + 2);
    m_throttle = std::make_unique<LoginThrottle>(m_config.loginAttemptsPerMinutePerAddress);
    m_context = std::make_unique<ServerContext>(
        ServerContext{m_config, *m_pool, m_clock, m_log, *m_throttle, m_changes});
    m_router = std::make_unique<Router>(m_log, m_config.maxJsonBodyBytes);
    registerHealthRoutes(*m_router, *m_context);
    registerAuthRoutes(*m_router, *m_context);
    registerAdminRoutes(*m_router, *m_context);
    registerAuditRoutes(*m_router, *m_context);
    registerSyncRoutes(*m_router, *m_context);
    registerBlobRoutes(*m_router, *m_context);
    HttpServerOptions options = httpOptions(m_config, cert, key);
    options.changes = &m_changes;
    auto http = HttpServer::bind(options, *m_router);
    if (!http)
        return http.error();
    m_http = std::move(http).value();
    m_port = m_http->port();
    return Ok{};
}

void ServerApp::run() {
    m_log.info("server", "listening",
               {{"host", m_config.host}, {"port", m_port}, {"data", m_config.dataDir.string()}});
    m_http->run();
    m_log.info("server", "stopped");
}

void ServerApp::waitUntilRunning() const {
    if (m_http)
        m_http->waitUntilRunning();
}

void ServerApp::stop() {
    if (m_http)
        m_http->stop();
}

void registerHealthRoutes(Router& router, ServerContext& context) {
    router.get("/v1/health",
               publicRoute(context, [](const auto&, auto& response, const Database& db) {
                   Statement s = db.prepare("SELECT 1");
                   const bool databaseOk = s.step();
                   sendJson(response, databaseOk ? 200 : 503,
                            nlohmann::json{{"status", databaseOk ? "ok" : "degraded"},
                                           {"version", "0.1.0"},
                                           {"protocol", "v1"}});
               }));
}

}  // namespace duban::server
