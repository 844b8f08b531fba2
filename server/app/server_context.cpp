#include "server/app/server_context.h"

#include "server/http/api.h"

namespace duban::server {

Handler publicRoute(ServerContext& context, PublicHandler handler) {
    return [&context, handler = std::move(handler)](const Request& request, Response& response) {
        const auto lease = context.pool.acquire();
        handler(request, response, lease.db());
    };
}

Handler sessionRoute(ServerContext& context, SessionHandler handler) {
    return [&context, handler = std::move(handler)](const Request& request, Response& response) {
        const auto lease = context.pool.acquire();
        const auto session = authenticate(lease.db(), request, context.clock.nowMs());
        if (!session) {
            response.setHeader("WWW-Authenticate", "Bearer");
            sendError(response, session.error());
            return;
        }
        handler(request, response, session.value(), lease.db());
    };
}

}  // namespace duban::server
