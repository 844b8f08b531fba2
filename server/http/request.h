#pragma once
// A request as route handlers see it, whatever HTTP library reads it off the socket: tests build
// one by hand and call a handler directly.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/http/headers.h"
#include "server/http/parking.h"

namespace duban::server {

// Takes the next bytes of a body; false stops the reading.
using BodySink = std::function<bool(const char* data, std::size_t size)>;

// A body read as it arrives (uploads), so memory stays O(chunk) whatever its size.
class BodySource {
public:
    virtual ~BodySource() = default;
    // Feeds the whole body to `sink` piece by piece. False when the body ended early (connection
    // cut, deadline, limit) or the sink stopped; callable once.
    virtual bool read(const BodySink& sink) = 0;
};

struct Request {
    std::string method;                                      // upper case, as sent
    std::string path;                                        // without the query, percent-decoded
    std::vector<std::string> pathParams;                     // the route pattern's groups
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
    Headers headers;
    std::string remoteAddress;
    // A buffered route's whole body; empty for a streaming route, which reads `bodySource`.
    std::string body;
    BodySource* bodySource = nullptr;
    // Whether the transport can hold this request (Response::park); false for one that cannot,
    // and once the server stops or the parking's deadline has passed.
    bool mayPark = false;
    // Set when a parked request runs again: what the handler parked it with.
    std::optional<Parking> parked;

    [[nodiscard]] std::string header(std::string_view name) const { return headers.get(name); }
    [[nodiscard]] bool hasHeader(std::string_view name) const { return headers.has(name); }
    [[nodiscard]] const std::string& pathParam(std::size_t index) const;
    [[nodiscard]] bool hasQuery(std::string_view name) const { return queryCount(name) > 0; }
    [[nodiscard]] std::size_t queryCount(std::string_view name) const;
    // The first value of `name`, or "" when absent.
    [[nodiscard]] std::string queryValue(std::string_view name) const;

    // Whether a body follows the header: chunked, or a Content-Length above zero (a request
    // built by hand: a non-empty `body`).
    [[nodiscard]] bool hasBody() const;
    // Streams the body to `sink`: from `bodySource`, or `body` in one piece. As BodySource::read.
    bool readBody(const BodySink& sink) const;
};

}  // namespace duban::server
