#include "server/app/server_app.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <thread>

#include "server/app/first_start.h"
#include "server/http/api.h"
#include "server/http/gzip_json.h"
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
        ServerContext{m_config, *m_pool, m_clock, m_log, *m_throttle});
    m_http = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str());
    if (!m_http->is_valid()) {
        return makeError("tls_setup_failed",
                         "the certificate or key could not be loaded (" + cert.string() + ", " +
                             key.string() + "); check both files are PEM and belong together.");
    }
    installRoutes();
    // The system's httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into
    // the library): when many devices connect at once, the kernel drops the SYNs beyond it and
    // each of those clients waits a second or more to try again (bench/load). Listening again on
    // the bound socket only raises the backlog (capped by net.core.somaxconn).
    int listening = -1;
    m_http->set_socket_options([&listening](int socket) {
        httplib::default_socket_options(socket);
        listening = socket;
    });
    m_port = m_config.port == 0
                 ? m_http->bind_to_any_port(m_config.host)
                 : (m_http->bind_to_port(m_config.host, m_config.port) ? m_config.port : -1);
    if (m_port <= 0) {
        return makeError("listen_failed", "cannot listen on " + m_config.host + ":" +
                                              std::to_string(m_config.port) +
                                              " (in use, or not an address of this machine).");
    }
    m_http->set_socket_options(httplib::default_socket_options);  // `listening` goes
    if (listening >= 0)
        ::listen(listening, SOMAXCONN);
    return Ok{};
}

void ServerApp::installRoutes() {
    httplib::Server& http = *m_http;
    const int threads = m_config.threads;
    http.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    http.set_payload_max_length(std::max(m_config.maxJsonBodyBytes, m_config.maxChunkBytes));
    http.set_read_timeout(30);
    http.set_write_timeout(30);
    http.set_keep_alive_max_count(1000);
    // Every response is written in more than one piece (headers, body; TLS records): with
    // Nagle's algorithm on, a piece waits for the ACK of the one before, which the client delays
    // by up to 40 ms — on every request (bench/photos: a 1 MiB chunk took 40 ms longer).
    http.set_tcp_nodelay(true);
    http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
        m_log.info("http", "request",
                   {{"method", request.method},
                    {"path", request.path},
                    {"status", response.status},
                    {"remote", request.remote_addr}});
    });
    // JSON endpoints take at most maxJsonBodyBytes; only uploads may send chunks up to the
    // larger payload limit. Refuse an oversize JSON body before httplib reads it into memory.
    http.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
            if (request.path.starts_with("/v1/uploads"))
                return httplib::Server::HandlerResponse::Unhandled;
            const std::string length = request.get_header_value("Content-Length");
            std::size_t bytes = 0;
            const auto [end, error] =
                std::from_chars(length.data(), length.data() + length.size(), bytes);
            if (length.empty() || error != std::errc{} || end != length.data() + length.size() ||
                bytes <= m_config.maxJsonBodyBytes) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            response.set_header("Connection",
                                "close");  // the unread body must not be taken for a request
            sendError(response, 413, "payload_too_large",
                      "the request body is larger than " +
                          std::to_string(m_config.maxJsonBodyBytes) + " bytes.");
            return httplib::Server::HandlerResponse::Handled;
        });
    http.set_post_routing_handler(gzipJsonResponse);
    http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty())
            return;  // a handler already wrote its JSON error
        switch (response.status) {
            case 404:
                sendError(response, 404, "not_found",
                          "there is no such endpoint; see docs/api.md.");
                break;
            case 413:
                sendError(response, 413, "payload_too_large", "the request body is too large.");
                break;
            case 405:
                sendError(response, 405, "method_not_allowed",
                          "this endpoint does not take that method.");
                break;
            default:
                sendError(response, response.status, "http_error",
                          "the request could not be served.");
                break;
        }
    });
    http.set_exception_handler(
        [this](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
            m_log.error("http", "unhandled exception", {{"path", request.path}});
            sendError(response, 500, "internal",
                      "the server could not complete this request; it has been logged.");
        });
    registerHealthRoutes(http, *m_context);
    registerAuthRoutes(http, *m_context);
    registerAdminRoutes(http, *m_context);
    registerAuditRoutes(http, *m_context);
    registerSyncRoutes(http, *m_context);
    registerBlobRoutes(http, *m_context);
}

void ServerApp::run() {
    m_log.info("server", "listening",
               {{"host", m_config.host}, {"port", m_port}, {"data", m_config.dataDir.string()}});
    m_http->listen_after_bind();
    m_log.info("server", "stopped");
}

void ServerApp::waitUntilRunning() const {
    while (m_http && !m_http->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void ServerApp::stop() {
    if (m_http)
        m_http->stop();
}

void registerHealthRoutes(httplib::Server& server, ServerContext& context) {
    server.Get("/v1/health",
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
