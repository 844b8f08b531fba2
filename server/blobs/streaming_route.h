#pragma once
// sessionRoute for handlers that stream their request body (Request::bodySource): authenticate,
// lend a database connection — and drain the body of every refused request, because an unread
// body would be parsed as the next request on a kept-alive connection.
#include <functional>

#include "server/app/server_context.h"

namespace duban::server {

// A streaming route's options: the handler reads the body itself, at most `maxBodyBytes`.
[[nodiscard]] inline RouteOptions streamingBody(std::size_t maxBodyBytes) {
    return RouteOptions{maxBodyBytes, true};
}

[[nodiscard]] Handler streamingSessionRoute(ServerContext& context, SessionHandler handler);

// Whether the request carries a body to read: chunked, or a Content-Length above zero.
[[nodiscard]] inline bool hasBody(const Request& request) {
    return request.hasBody();
}

// Reads and drops the body (memory O(1)); the transport bounds it by the route's limit and a
// stalled one by its deadlines.
void drainBody(const Request& request);

}  // namespace duban::server
