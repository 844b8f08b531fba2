#pragma once
// The HTTPS listener under the Router: the only part of the server that knows the HTTP library.
// ServerApp builds one; route modules never see it.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "server/http/router.h"

namespace duban::server {

class ChangeFeed;

struct HttpServerOptions {
    std::filesystem::path certFile;  // PEM, full chain
    std::filesystem::path keyFile;
    std::string host;
    int port = 0;  // 0: any free port
    int workerThreads = 8;
    // Handlers waiting for a worker; past it a request is answered 503 with Retry-After.
    std::size_t maxQueuedRequests = 1024;

    // Limits while reading (nginx's client_header_timeout, client_body_timeout,
    // keepalive_timeout, large_client_header_buffers, limit_conn).
    std::size_t maxHeaderBytes = 16 * 1024;  // the request line and every field: 431 past it
    std::chrono::milliseconds handshakeTimeout{10'000};
    std::chrono::milliseconds headerTimeout{10'000};  // the whole header, however it trickles
    std::chrono::milliseconds keepAliveTimeout{75'000};
    std::chrono::milliseconds bodyStallTimeout{30'000};  // no byte of the body for this long
    std::size_t minBodyBytesPerSecond = 1024;  // averaged, after the first bodyStallTimeout
    std::chrono::milliseconds writeTimeout{30'000};
    std::size_t maxConnections = 20'000;
    std::size_t maxConnectionsPerAddress = 1'000;  // per connection's peer (a proxy's too)
    // Peers whose X-Forwarded-For / Forwarded names the client (client_address.h).
    std::vector<std::string> trustedProxies;
    // Parked requests (long-polls) wait on it; without one no request is parked. stop() closes it.
    ChangeFeed* changes = nullptr;
};

class HttpServer {
public:
    // Loads the certificate and binds the port; serves nothing until run().
    [[nodiscard]] static Result<std::unique_ptr<HttpServer>> bind(const HttpServerOptions& options,
                                                                  const Router& router);
    virtual ~HttpServer() = default;

    [[nodiscard]] virtual int port() const = 0;
    // Serves until stop(); requests in flight finish before it returns.
    virtual void run() = 0;
    virtual void stop() = 0;
    // Waits until run() accepts connections.
    virtual void waitUntilRunning() const = 0;
};

}  // namespace duban::server
