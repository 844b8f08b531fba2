#include "server/http/router.h"

#include "server/http/api.h"
#include "server/http/gzip_json.h"
#include "server/log/json_log.h"

namespace duban::server {

Router::Router(JsonLog& log, std::size_t defaultMaxBodyBytes)
    : m_log(log), m_defaultMaxBodyBytes(defaultMaxBodyBytes) {}

void Router::add(std::string method, const std::string& pattern, Handler handler,
                 RouteOptions options) {
    m_routes.push_back(
        Route{std::move(method), std::regex(pattern), std::move(handler), std::move(options)});
}

RouteMatch Router::match(std::string_view method, const std::string& path) const {
    const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
    for (const Route& route : m_routes) {
        std::smatch groups;
        if (route.method != wanted || !std::regex_match(path, groups, route.pattern))
            continue;
        RouteMatch found{&route, {}};
        for (std::size_t i = 1; i < groups.size(); ++i)
            found.params.push_back(groups[i].str());
        return found;
    }
    return {};
}

std::size_t Router::bodyLimit(const RouteMatch& match) const {
    if (match.route == nullptr || !match.route->options.maxBodyBytes)
        return m_defaultMaxBodyBytes;
    return *match.route->options.maxBodyBytes;
}

std::size_t Router::largestBodyLimit() const {
    std::size_t largest = m_defaultMaxBodyBytes;
    for (const Route& route : m_routes)
        largest = std::max(largest, route.options.maxBodyBytes.value_or(0));
    return largest;
}

void Router::serve(const RouteMatch& match, Request& request, Response& response) const {
    if (match.route == nullptr) {
        answerTransportError(response, 404);
        return;
    }
    request.pathParams = match.params;
    try {
        match.route->handler(request, response);
    } catch (const std::exception& e) {
        m_log.error("http", "request failed",
                    {{"method", request.method}, {"path", request.path}, {"what", e.what()}});
        response = Response{};
        answerTransportError(response, 500);
    }
    if (!response.parking)
        gzipJsonResponse(request, response);
}

void Router::serve(Request& request, Response& response) const {
    serve(match(request.method, request.path), request, response);
}

void answerTransportError(Response& response, int status) {
    switch (status) {
        case 404:
            sendError(response, 404, "not_found", "there is no such endpoint; see docs/api.md.");
            break;
        case 405:
            sendError(response, 405, "method_not_allowed",
                      "this endpoint does not take that method.");
            break;
        case 413:
            sendError(response, 413, "payload_too_large", "the request body is too large.");
            break;
        case 431:
            sendError(response, 431, "header_too_large",
                      "the request's header is too large; send shorter header fields.");
            break;
        case 500:
            sendError(response, 500, "internal",
                      "the server could not complete this request; it has been logged.");
            break;
        default:
            sendError(response, status, "http_error", "the request could not be served.");
            break;
    }
}

void logRequest(JsonLog& log, const Request& request, int status) {
    log.info("http", "request",
             {{"method", request.method},
              {"path", request.path},
              {"status", status},
              {"remote", request.remoteAddress}});
}

}  // namespace duban::server
