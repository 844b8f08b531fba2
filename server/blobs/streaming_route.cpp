#include "server/blobs/streaming_route.h"

#include "server/auth/session.h"
#include "server/http/api.h"

namespace duban::server {

void drainBody(const Request& request) {
    request.readBody([](const char*, std::size_t) { return true; });
}

Handler streamingSessionRoute(ServerContext& context, SessionHandler handler) {
    return [&context, handler = std::move(handler)](const Request& request, Response& response) {
        const auto lease = context.pool.acquire();
        const auto session = authenticate(lease.db(), request, context.clock.nowMs());
        if (!session) {
            drainBody(request);
            response.setHeader("WWW-Authenticate", "Bearer");
            sendError(response, session.error());
            return;
        }
        handler(request, response, session.value(), lease.db());
    };
}

}  // namespace duban::server
