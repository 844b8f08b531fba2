#include "server/app/server_context.h"

#include "server/http/api.h"

namespace duban::server {
namespace {

template <class F>
void guarded(ServerContext& context, const httplib::Request& request, httplib::Response& response,
             F&& body) {
    try {
        body();
    } catch (const std::exception& e) {
        context.log.error("http", "request failed",
                          {{"method", request.method}, {"path", request.path}, {"what", e.what()}});
        sendError(response, 500, "internal",
                  "the server could not complete this request; it has been logged.");
    }
}

}  // namespace

httplib::Server::Handler publicRoute(ServerContext& context, PublicHandler handler) {
    return [&context, handler = std::move(handler)](const httplib::Request& request,
                                                    httplib::Response& response) {
        guarded(context, request, response, [&] {
            const auto lease = context.pool.acquire();
            handler(request, response, lease.db());
        });
    };
}

httplib::Server::Handler sessionRoute(ServerContext& context, SessionHandler handler) {
    return [&context, handler = std::move(handler)](const httplib::Request& request,
                                                    httplib::Response& response) {
        guarded(context, request, response, [&] {
            const auto lease = context.pool.acquire();
            const auto session = authenticate(lease.db(), request, context.clock.nowMs());
            if (!session) {
                response.set_header("WWW-Authenticate", "Bearer");
                sendError(response, session.error());
                return;
            }
            handler(request, response, session.value(), lease.db());
        });
    };
}

}  // namespace duban::server
