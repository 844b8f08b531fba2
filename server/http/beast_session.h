#pragma once
// One connection of the Beast server: a coroutine on the connection's strand that reads requests
// under deadlines and limits, runs each handler on the worker pool and writes the answer.
// Internal to server/http (includes Beast).
#include <atomic>
#include <memory>
#include <string>

#include "server/http/asio.h"
#include "server/http/connection_limits.h"
#include "server/http/http_server.h"
#include "server/http/worker_pool.h"

namespace duban::server::net {

// What every session of one server shares.
struct SessionShared {
    const Router& router;
    const HttpServerOptions& options;
    WorkerPool& workers;
    const std::atomic<bool>& stopping;
};

struct Connection {
    Connection(tcp::socket socket, ssl::context& tls, std::string address,
               ConnectionLimits::Ticket place)
        : stream(std::move(socket), tls), remote(std::move(address)), ticket(std::move(place)) {}

    // On the strand: ends the connection if it waits for a request (stopping the server).
    void closeIfIdle() {
        if (idle) {
            beast::error_code ignored;
            beast::get_lowest_layer(stream).socket().close(ignored);
        }
    }

    TlsStream stream;
    std::string remote;
    ConnectionLimits::Ticket ticket;
    bool idle = true;  // read and written on the strand only
};

[[nodiscard]] asio::awaitable<void> serveConnection(const SessionShared& shared,
                                                    std::shared_ptr<Connection> connection);

}  // namespace duban::server::net
