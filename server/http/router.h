#pragma once
// Our own routing between the HTTP library and the route modules: each route is a method, a path
// pattern (a regex over the whole path; its groups become Request::pathParams) and what the
// transport must know before it reads the body — the body limit, and whether the handler streams
// the body itself. Serving a route answers unknown paths with a JSON 404, turns an escaped
// exception into a logged JSON 500 and gzips JSON answers for clients that take it.
#include <cstddef>
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "server/http/request.h"
#include "server/http/response.h"

namespace duban::server {

class JsonLog;

using Handler = std::function<void(const Request&, Response&)>;

struct RouteOptions {
    // The largest body the route takes, counted as it arrives; nullopt: the router's default.
    std::optional<std::size_t> maxBodyBytes;
    // The handler reads Request::bodySource itself (uploads); otherwise the transport reads the
    // whole body into Request::body first.
    bool streamsBody = false;
};

struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
    RouteOptions options;
};

struct RouteMatch {
    const Route* route = nullptr;  // null: no route takes this method and path
    std::vector<std::string> params;
};

class Router {
public:
    Router(JsonLog& log, std::size_t defaultMaxBodyBytes);

    void add(std::string method, const std::string& pattern, Handler handler,
             RouteOptions options = {});
    void get(const std::string& pattern, Handler handler, RouteOptions options = {}) {
        add("GET", pattern, std::move(handler), options);
    }
    void post(const std::string& pattern, Handler handler, RouteOptions options = {}) {
        add("POST", pattern, std::move(handler), options);
    }
    void patch(const std::string& pattern, Handler handler, RouteOptions options = {}) {
        add("PATCH", pattern, std::move(handler), options);
    }
    void del(const std::string& pattern, Handler handler, RouteOptions options = {}) {
        add("DELETE", pattern, std::move(handler), options);
    }
    void options(const std::string& pattern, Handler handler, RouteOptions options = {}) {
        add("OPTIONS", pattern, std::move(handler), options);
    }

    // The route for `method` and `path`; HEAD is served by the GET route.
    [[nodiscard]] RouteMatch match(std::string_view method, const std::string& path) const;
    // The body limit of a match (the default one for no route: its 404 reads no body anyway).
    [[nodiscard]] std::size_t bodyLimit(const RouteMatch& match) const;
    // The largest limit of any route.
    [[nodiscard]] std::size_t largestBodyLimit() const;
    [[nodiscard]] bool streamsBody(const RouteMatch& match) const {
        return match.route != nullptr && match.route->options.streamsBody;
    }

    // Runs the matched route on `request` (whose pathParams it fills) into `response`.
    void serve(const RouteMatch& match, Request& request, Response& response) const;
    // match() then serve(): for tests that call routes without a socket.
    void serve(Request& request, Response& response) const;

    [[nodiscard]] JsonLog& log() const { return m_log; }

private:
    JsonLog& m_log;
    std::size_t m_defaultMaxBodyBytes;
    std::vector<Route> m_routes;
};

// The JSON error for a status the transport gives itself (a malformed request, a body over its
// limit, an unknown endpoint …), so every error has the body of docs/api.md.
void answerTransportError(Response& response, int status);
// One log line per answered request, whichever transport answered it.
void logRequest(JsonLog& log, const Request& request, int status);

}  // namespace duban::server
