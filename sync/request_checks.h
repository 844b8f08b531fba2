#pragma once
// What CurlTransport refuses before anything is sent: a base URL that is not plain https, and a
// request that could escape its server or smuggle a header.
#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.h"
#include "sync/http_transport.h"

namespace duban::sync {

[[nodiscard]] bool hasHeader(const HttpRequest& request, std::string_view name);
// POST, PUT, PATCH, or any request with a body or body source.
[[nodiscard]] bool sendsBody(const HttpRequest& request);

// What is wrong with the request, in words for the developer; nullopt when it may be sent.
[[nodiscard]] std::optional<std::string> requestProblem(const HttpRequest& request);

// "https://host[:port][/prefix]" without a trailing slash. Errors: "transport_insecure_url" for
// http://, "transport_invalid_url" for anything else that is not a plain https URL.
[[nodiscard]] Result<std::string> normaliseBaseUrl(const std::string& url);

[[nodiscard]] Error invalidOptions(std::string message);
[[nodiscard]] Error invalidUrl(std::string message);

}  // namespace duban::sync
