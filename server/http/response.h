#pragma once
// A response as route handlers write it: status, headers and either a body in memory or a body
// streamed from a provider (blobs from disk, memory O(chunk)).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "server/http/headers.h"
#include "server/http/parking.h"

namespace duban::server {

// Copies the streamed body's bytes from `offset` into `buffer` (at most `capacity`); returns how
// many, 0 when they cannot be read (the response is then cut short).
using BodyProvider =
    std::function<std::size_t(std::uint64_t offset, char* buffer, std::size_t capacity)>;

struct Response {
    int status = 200;
    Headers headers;
    std::string body;
    // A streamed body: `streamLength` bytes from `provider` (body stays empty).
    std::uint64_t streamLength = 0;
    BodyProvider provider;
    // Set instead of an answer when the request is parked (only where Request::mayPark).
    std::optional<Parking> parking;

    void setHeader(std::string_view name, std::string value) {
        headers.set(name, std::move(value));
    }
    [[nodiscard]] std::string header(std::string_view name) const { return headers.get(name); }
    [[nodiscard]] bool hasHeader(std::string_view name) const { return headers.has(name); }

    void setContent(std::string content, std::string contentType);
    void setStream(std::uint64_t length, std::string contentType, BodyProvider source);
    [[nodiscard]] bool streams() const { return static_cast<bool>(provider); }
    // The length the body has on the wire (Content-Length).
    [[nodiscard]] std::uint64_t contentLength() const {
        return streams() ? streamLength : body.size();
    }
};

}  // namespace duban::server
