#include "server/http/api.h"

#include <charconv>

namespace duban::server {

using nlohmann::json;

void sendJson(Response& response, int status, const json& body) {
    response.status = status;
    response.setContent(body.dump(-1, ' ', false, json::error_handler_t::replace),
                        "application/json; charset=utf-8");
}

void sendError(Response& response, int status, std::string_view code, std::string_view message,
               const json& extra) {
    json error{{"code", code}, {"message", message}};
    if (extra.is_object()) {
        for (const auto& [key, value] : extra.items())
            error[key] = value;
    }
    sendJson(response, status, json{{"error", error}});
}

int statusFor(std::string_view code) {
    if (code == "unauthorized")
        return 401;
    if (code == "forbidden")
        return 403;
    if (code == "not_found")
        return 404;
    if (code == "conflict" || code == "invalid_transition" || code == "exists")
        return 409;
    if (code == "gap")
        return 409;
    if (code == "payload_too_large")
        return 413;
    if (code == "locked" || code == "rate_limited")
        return 429;
    if (code == "unsupported_media_type")
        return 415;
    if (code.starts_with("photo_"))
        return 422;
    if (code == "invalid" || code == "invalid_json" || code == "invalid_option")
        return 400;
    return 500;
}

void sendError(Response& response, const Error& error) {
    sendError(response, statusFor(error.code), error.code, error.message);
}

bool nestingWithin(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;  // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

Result<json> parseJsonObject(const Request& request, std::size_t maxBytes) {
    if (request.body.size() > maxBytes) {
        return makeError("payload_too_large",
                         "the request body is larger than " + std::to_string(maxBytes) + " bytes.");
    }
    // Before the parse: copying or destroying a deeply nested value recurses once per level.
    if (!nestingWithin(request.body, kMaxJsonDepth)) {
        return makeError("invalid_json", "the request body nests arrays or objects deeper than " +
                                             std::to_string(kMaxJsonDepth) + " levels.");
    }
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded())
        return makeError("invalid_json", "the request body is not valid JSON.");
    if (!body.is_object())
        return makeError("invalid_json", "the request body must be a JSON object.");
    return body;
}

Result<std::string> requireString(const json& body, const char* field, std::size_t maxLength) {
    const auto it = body.find(field);
    if (it == body.end() || !it->is_string()) {
        return makeError("invalid",
                         std::string("'") + field + "' is required and must be a string.");
    }
    std::string value = it->get<std::string>();
    if (value.empty())
        return makeError("invalid", std::string("'") + field + "' must not be empty.");
    if (value.size() > maxLength)
        return makeError("invalid", std::string("'") + field + "' is too long.");
    return value;
}

Result<std::optional<std::string>> optionalString(const json& body, const char* field,
                                                  std::size_t maxLength) {
    const auto it = body.find(field);
    if (it == body.end() || it->is_null())
        return std::optional<std::string>();
    if (!it->is_string())
        return makeError("invalid", std::string("'") + field + "' must be a string.");
    if (it->get_ref<const std::string&>().size() > maxLength) {
        return makeError("invalid", std::string("'") + field + "' is too long.");
    }
    return std::optional(it->get<std::string>());
}

Status onlyFields(const json& body, std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : body.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            return makeError("invalid", "unknown field '" + key + "'.");
        }
    }
    return Ok{};
}

Result<std::int64_t> queryInteger(const Request& request, const char* name, std::int64_t fallback,
                                  std::int64_t min, std::int64_t max) {
    if (!request.hasQuery(name))
        return fallback;
    const std::string text = request.queryValue(name);
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        return makeError("invalid", std::string("query parameter '") + name +
                                        "' must be an integer from " + std::to_string(min) +
                                        " to " + std::to_string(max) + ".");
    }
    return value;
}

}  // namespace duban::server
