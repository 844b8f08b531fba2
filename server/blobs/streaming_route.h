#pragma once
// sessionRoute for handlers that stream their request body (httplib's HandlerWithContentReader):
// authenticate, lend a database connection, turn an escaped exception into a logged 500 — and
// drain the body of every refused request, because an unread body would be parsed as the next
// request on a kept-alive connection.
#include <httplib.h>

#include <functional>

#include "server/app/server_context.h"

namespace duban::server {

using StreamingSessionHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const httplib::ContentReader&,
                       const Session&, const Database&)>;

[[nodiscard]] httplib::Server::HandlerWithContentReader streamingSessionRoute(
    ServerContext& context, StreamingSessionHandler handler);

// Whether the request carries a body to read: chunked, or a Content-Length above zero. Without
// either there is none — and httplib's reader would wait for the connection to close.
[[nodiscard]] bool hasBody(const httplib::Request& request);

// Reads and drops the body (memory O(1)); httplib bounds a Content-Length body by its payload
// limit and a stalled one by its read timeout.
void drainBody(const httplib::Request& request, const httplib::ContentReader& reader);

}  // namespace duban::server
