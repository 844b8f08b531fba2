#pragma once
// The HTTPS listener under the Router: the only part of the server that knows the HTTP library.
// ServerApp builds one; route modules never see it.
#include <filesystem>
#include <memory>
#include <string>

#include "core/util/result.h"
#include "server/http/router.h"

namespace duban::server {

struct HttpServerOptions {
    std::filesystem::path certFile;  // PEM, full chain
    std::filesystem::path keyFile;
    std::string host;
    int port = 0;  // 0: any free port
    int workerThreads = 8;
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
