#include "server/blobs/streaming_route.h"

#include "server/auth/session.h"
#include "server/http/api.h"

namespace duban::server {

bool hasBody(const httplib::Request& request) {
    if (request.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos)
        return true;
    const std::string length = request.get_header_value("Content-Length");
    return !length.empty() && length != "0";
}

void drainBody(const httplib::Request& request, const httplib::ContentReader& reader) {
    if (hasBody(request))
        reader([](const char*, std::size_t) { return true; });
}

httplib::Server::HandlerWithContentReader streamingSessionRoute(ServerContext& context,
                                                                StreamingSessionHandler handler) {
    return [&context, handler = std::move(handler)](const httplib::Request& request,
                                                    httplib::Response& response,
                                                    const httplib::ContentReader& reader) {
        try {
            const auto lease = context.pool.acquire();
            const auto session = authenticate(lease.db(), request, context.clock.nowMs());
            if (!session) {
                drainBody(request, reader);
                response.set_header("WWW-Authenticate", "Bearer");
                sendError(response, session.error());
                return;
            }
            handler(request, response, reader, session.value(), lease.db());
        } catch (const std::exception& e) {
            context.log.error(
                "http", "request failed",
                {{"method", request.method}, {"path", request.path}, {"what", e.what()}});
            sendError(response, 500, "internal",
                      "the server could not complete this request; it has been logged.");
        }
    };
}

}  // namespace duban::server
