// HttpServer on Boost.Beast over Asio with C++20 coroutines: no thread waits on a connection.
// Two I/O threads run every connection's coroutine (each on its own strand); handlers run on the
// bounded worker pool and their answers are posted back.
#include <sys/resource.h>

#include <csignal>

#include <mutex>
#include <thread>
#include <unordered_set>

#include "server/http/beast_session.h"
#include "server/http/change_feed.h"
#include "server/log/json_log.h"

namespace duban::server {
namespace {

using namespace net;

constexpr int kIoThreads = 2;

// A server holds a file descriptor per connection: take every one the system allows.
void raiseOpenFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

class BeastServer final : public HttpServer {
public:
    BeastServer(const HttpServerOptions& options, const Router& router)
        : m_options(options),
          m_router(router),
          m_limits(options.maxConnections, options.maxConnectionsPerAddress),
          m_tls(ssl::context::tls_server),
          m_acceptor(m_io) {}

    Status setUp();
    [[nodiscard]] int port() const override { return m_port; }
    void run() override;
    void stop() override;
    void waitUntilRunning() const override {
        while (!m_running)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

private:
    asio::awaitable<void> accept(SessionShared& shared);
    void forget(const std::shared_ptr<Connection>& connection) {
        const std::lock_guard lock(m_mutex);
        m_connections.erase(connection);
    }

    HttpServerOptions m_options;
    const Router& m_router;
    ConnectionLimits m_limits;  // outlives every connection's ticket
    asio::io_context m_io{kIoThreads};
    ssl::context m_tls;
    tcp::acceptor m_acceptor;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_running{false};
    std::mutex m_mutex;
    std::unordered_set<std::shared_ptr<Connection>> m_connections;
    int m_port = 0;
};

Status BeastServer::setUp() {
    try {
        m_tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                          ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                          ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        m_tls.use_certificate_chain_file(m_options.certFile.string());
        m_tls.use_private_key_file(m_options.keyFile.string(), ssl::context::pem);
        // OpenSSL's own record buffers (~34 KiB a connection) are let go while a connection is
        // quiet: thousands of parked long-polls and keep-alive phones hold none.
        SSL_CTX_set_mode(m_tls.native_handle(), SSL_MODE_RELEASE_BUFFERS);
        // Resumption rides on session tickets, which the phone keeps; a server-side cache of
        // every session (up to 20,480, kilobytes each) would only grow with reconnecting phones.
        SSL_CTX_set_session_cache_mode(m_tls.native_handle(), SSL_SESS_CACHE_OFF);
    } catch (const boost::system::system_error&) {
        return makeError("tls_setup_failed",
                         "the certificate or key could not be loaded (" +
                             m_options.certFile.string() + ", " + m_options.keyFile.string() +
                             "); check both files are PEM and belong together.");
    }
    raiseOpenFileLimit();
    // A peer that closed must never kill the process (httplib did the same): writes to it fail.
    std::signal(SIGPIPE, SIG_IGN);
    beast::error_code ec;
    const auto address = asio::ip::make_address(m_options.host, ec);
    if (!ec) {
        const tcp::endpoint endpoint(address, static_cast<unsigned short>(m_options.port));
        m_acceptor.open(endpoint.protocol(), ec);
        if (!ec)
            m_acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec)
            m_acceptor.bind(endpoint, ec);
        if (!ec)
            m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return makeError("listen_failed", "cannot listen on " + m_options.host + ":" +
                                              std::to_string(m_options.port) + " (" + ec.message() +
                                              "; in use, or not an address of this machine).");
    }
    m_port = m_acceptor.local_endpoint().port();
    return Ok{};
}

asio::awaitable<void> BeastServer::accept(SessionShared& shared) {
    asio::steady_timer pause(m_io);
    while (!m_stopping) {
        beast::error_code ec;
        tcp::socket socket = co_await m_acceptor.async_accept(
            asio::make_strand(m_io), asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            if (!m_acceptor.is_open())
                co_return;
            // Out of file descriptors or memory: give closing connections a moment.
            pause.expires_after(std::chrono::milliseconds(50));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        const std::string remote = socket.remote_endpoint(ec).address().to_string();
        auto ticket = m_limits.admit(remote);
        if (!ticket) {
            m_router.log().warn("http", "connection refused: too many open",
                                {{"remote", remote}, {"open", m_limits.open()}});
            socket.close(ec);
            continue;
        }
        auto connection =
            std::make_shared<Connection>(std::move(socket), m_tls, remote, std::move(*ticket));
        {
            const std::lock_guard lock(m_mutex);
            m_connections.insert(connection);
        }
        asio::co_spawn(
            connection->stream.get_executor(),
            [this, &shared, connection]() -> asio::awaitable<void> {
                co_await serveConnection(shared, connection);
                forget(connection);
            },
            asio::detached);
    }
}

void BeastServer::run() {
    WorkerPool workers(m_options.workerThreads, m_options.maxQueuedRequests);
    SessionShared shared{m_router, m_options, workers, m_stopping};
    asio::co_spawn(m_io, accept(shared), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < kIoThreads; ++i)
        threads.emplace_back([this] { m_io.run(); });
    m_running = true;
    m_io.run();
    for (std::thread& thread : threads)
        thread.join();
    // Every connection has ended; `workers` runs what is queued and joins.
}

void BeastServer::stop() {
    if (m_stopping.exchange(true))
        return;
    asio::post(m_io, [this] {
        beast::error_code ignored;
        m_acceptor.close(ignored);
    });
    if (m_options.changes != nullptr)
        m_options.changes->close();  // parked requests are answered now
    const std::lock_guard lock(m_mutex);
    for (const auto& connection : m_connections) {
        asio::post(connection->stream.get_executor(), [connection] { connection->closeIfIdle(); });
    }
}

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::bind(const HttpServerOptions& options,
                                                     const Router& router) {
    auto server = std::make_unique<BeastServer>(options, router);
    if (Status ready = server->setUp(); !ready)
        return ready.error();
    return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace duban::server
