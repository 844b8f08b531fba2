// POST /v1/sync/push and GET /v1/sync/pull (DESIGN §5) — being built.
#include "server/http/api.h"
#include "server/http/routes.h"

namespace duban::server {

void registerSyncRoutes(httplib::Server& server, ServerContext& context) {
    const auto notYet =
        sessionRoute(context, [](const auto&, auto& response, const Session&, const Database&) {
            sendError(response, 501, "not_implemented", "sync arrives with the sync module.");
        });
    server.Post("/v1/sync/push", notYet);
    server.Get("/v1/sync/pull", notYet);
}

}  // namespace duban::server
