#pragma once
// The JSON API's edges: every error is {"error": {"code", "message"}} with a fitting status, every
// body is parsed with a size bound and type checks, and every handler runs inside one wrapper that
// turns an unexpected exception into a 500 without leaking internals.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/util/result.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace duban::server {

void sendJson(Response& response, int status, const nlohmann::json& body);
void sendError(Response& response, int status, std::string_view code, std::string_view message,
               const nlohmann::json& extra = {});
// The status that fits an error code of the core or the server (forbidden → 403, invalid → 400 …).
[[nodiscard]] int statusFor(std::string_view code);
void sendError(Response& response, const Error& error);

// No request body nests arrays and objects deeper than this (a record is four levels deep).
inline constexpr int kMaxJsonDepth = 64;
// Whether the JSON `text` nests at most `maxDepth` levels: a scan of brackets outside strings,
// before anything parses or copies it (the copy recurses once per level).
[[nodiscard]] bool nestingWithin(std::string_view text, int maxDepth);

// Parses the request body as a JSON object of at most `maxBytes`; else an "invalid_json" or
// "payload_too_large" error.
[[nodiscard]] Result<nlohmann::json> parseJsonObject(const Request& request, std::size_t maxBytes);

// Typed fields of a request object. Each returns an "invalid" error naming the field.
[[nodiscard]] Result<std::string> requireString(const nlohmann::json& body, const char* field,
                                                std::size_t maxLength = 1000);
[[nodiscard]] Result<std::optional<std::string>> optionalString(const nlohmann::json& body,
                                                                const char* field,
                                                                std::size_t maxLength = 1000);
// The first error among several field readings, in order; nullopt when all succeeded. Lets a
// handler read every field, then answer with the first problem.
template <class... Results>
[[nodiscard]] std::optional<Error> firstError(const Results&... results) {
    std::optional<Error> error;
    ((error || results.ok() ? void() : void(error = results.error())), ...);
    return error;
}

// Refuses any field not in `allowed`: a typo must not silently drop data.
[[nodiscard]] Status onlyFields(const nlohmann::json& body,
                                std::initializer_list<std::string_view> allowed);

// A query parameter as a bounded integer, or `fallback` when absent; an "invalid" error otherwise.
[[nodiscard]] Result<std::int64_t> queryInteger(const Request& request, const char* name,
                                                std::int64_t fallback, std::int64_t min,
                                                std::int64_t max);

}  // namespace duban::server
