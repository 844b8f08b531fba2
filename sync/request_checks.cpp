#include "sync/request_checks.h"

#include <algorithm>
#include <memory>

#include "sync/curl_handles.h"

namespace duban::sync {
namespace {

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return lowerAscii(x) == lowerAscii(y); });
}

// RFC 9110 token characters: method and header names.
bool isToken(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

}  // namespace

bool hasHeader(const HttpRequest& request, std::string_view name) {
    return std::any_of(request.headers.begin(), request.headers.end(),
                       [&](const auto& header) { return equalsIgnoringCase(header.first, name); });
}

bool sendsBody(const HttpRequest& request) {
    return request.bodySource || !request.body.empty() || request.method == "POST" ||
           request.method == "PUT" || request.method == "PATCH";
}

// Refuses what would let a request escape its server or smuggle a header: the URL is the base URL
// and the path glued together, so a path like "@evil.example/" would change the host.
std::optional<std::string> requestProblem(const HttpRequest& request) {
    if (!isToken(request.method))
        return "\"" + request.method + "\" is not an HTTP method.";
    if (request.path.empty() || request.path.front() != '/')
        return "The request path \"" + request.path +
               "\" must start with '/'; it is relative to the server address.";
    for (const char c : request.path) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '#')
            return "The request path \"" + request.path +
                   "\" contains a space, control character or '#'; percent-encode it.";
    }
    for (const auto& [name, value] : request.headers) {
        if (!isToken(name))
            return "\"" + name + "\" is not a valid header name.";
        if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
            return "The value of header " + name + " contains a line break or NUL.";
    }
    if (request.bodySource && !request.body.empty())
        return "A request has either a body or a body source, not both.";
    return std::nullopt;
}

Error invalidOptions(std::string message) {
    return makeError("transport_invalid_options", std::move(message));
}

Error invalidUrl(std::string message) {
    return makeError("transport_invalid_url", std::move(message));
}

// Keeps scheme, host, port and path prefix; refuses everything that is not plain https.
Result<std::string> normaliseBaseUrl(const std::string& url) {
    std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
    if (!parsed)
        return makeTransportError(TransportErrorKind::other, "libcurl could not allocate a URL.");
    if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
        CURLUE_OK)
        return invalidUrl("The server address \"" + url +
                          "\" is not a valid URL; use the form https://host:port.");
    const auto part = [&](CURLUPart which) -> std::optional<std::string> {
        char* value = nullptr;
        if (curl_url_get(parsed.get(), which, &value, 0) != CURLUE_OK || value == nullptr)
            return std::nullopt;
        const std::unique_ptr<char, CurlFree> owned(value);
        return std::string(value);
    };
    const std::string scheme = part(CURLUPART_SCHEME).value_or("");
    if (scheme == "http")
        return makeError("transport_insecure_url",
                         "The server address \"" + url +
                             "\" uses http://. Duban talks to its server only over https://, so "
                             "that passwords and records cannot be read or changed on the way; "
                             "use the server's https:// address.");
    if (scheme != "https")
        return invalidUrl("The server address \"" + url + "\" must start with https://.");
    if (part(CURLUPART_USER) || part(CURLUPART_PASSWORD))
        return invalidUrl("The server address \"" + url +
                          "\" must not contain a user name or password.");
    if (part(CURLUPART_QUERY) || part(CURLUPART_FRAGMENT))
        return invalidUrl("The server address \"" + url +
                          "\" must not contain a query or fragment.");
    std::string normalised = part(CURLUPART_URL).value_or("");
    while (normalised.ends_with('/'))
        normalised.pop_back();
    return normalised;
}

}  // namespace duban::sync
