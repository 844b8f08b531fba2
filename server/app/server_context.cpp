#include "server/app/server_context.h"

#include "server/db/change_log.h"
#include "server/http/api.h"

namespace duban::server {
namespace {

// A write route has committed (or rolled back) all it did once its handler returns: waiting
// pulls learn of its changes now. A rolled-back write publishes nothing new.
void publishChanges(ServerContext& context, const Request& request, const Database& db) {
    if (request.method != "GET" && request.method != "HEAD")
        context.changes.publish(newestChangeSeq(db));
}

}  // namespace

Handler publicRoute(ServerContext& context, PublicHandler handler) {
    return [&context, handler = std::move(handler)](const Request& request, Response& response) {
        const auto lease = context.pool.acquire();
        handler(request, response, lease.db());
        publishChanges(context, request, lease.db());
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
        publishChanges(context, request, lease.db());
    };
}

}  // namespace duban::server
