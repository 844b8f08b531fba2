#include <algorithm>
#include <cctype>

#include "server/http/request.h"
#include "server/http/response.h"

namespace duban::server {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

void Headers::set(std::string_view name, std::string value) {
    erase(name);
    m_fields.emplace_back(std::string(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
    m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::erase(std::string_view name) {
    std::erase_if(m_fields, [name](const Field& f) { return equalsIgnoringCase(f.first, name); });
}

const std::string* Headers::find(std::string_view name) const {
    for (const auto& [key, value] : m_fields) {
        if (equalsIgnoringCase(key, name))
            return &value;
    }
    return nullptr;
}

std::string Headers::get(std::string_view name) const {
    const std::string* value = find(name);
    return value != nullptr ? *value : std::string();
}

const std::string& Request::pathParam(std::size_t index) const {
    static const std::string kNone;
    return index < pathParams.size() ? pathParams[index] : kNone;
}

std::size_t Request::queryCount(std::string_view name) const {
    return static_cast<std::size_t>(std::count_if(
        query.begin(), query.end(), [name](const auto& p) { return p.first == name; }));
}

std::string Request::queryValue(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name)
            return value;
    }
    return {};
}

bool Request::hasBody() const {
    if (bodySource == nullptr)
        return !body.empty();
    if (header("Transfer-Encoding").find("chunked") != std::string::npos)
        return true;
    const std::string length = header("Content-Length");
    return !length.empty() && length != "0";
}

bool Request::readBody(const BodySink& sink) const {
    if (bodySource != nullptr)
        return hasBody() ? bodySource->read(sink) : true;
    return body.empty() || sink(body.data(), body.size());
}

void Response::setContent(std::string content, std::string contentType) {
    body = std::move(content);
    provider = nullptr;
    streamLength = 0;
    setHeader("Content-Type", std::move(contentType));
}

void Response::setStream(std::uint64_t length, std::string contentType, BodyProvider source) {
    body.clear();
    streamLength = length;
    provider = std::move(source);
    setHeader("Content-Type", std::move(contentType));
}

}  // namespace duban::server
