#pragma once
// A real HTTPS client for end-to-end tests (libcurl, verification always on, trusting the test
// server's CA file). Synchronous and simple; the product's transport lives in sync/.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace duban::test {

struct HttpResponse {
    long status = 0;  // 0 when the request did not complete
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string error;                           // curl's error when status == 0

    [[nodiscard]] nlohmann::json json() const {
        return nlohmann::json::parse(body, nullptr, false);
    }
    [[nodiscard]] std::string errorCode() const;  // error.code of a JSON error body
};

class HttpsClient {
public:
    HttpsClient(std::string baseUrl, std::filesystem::path caFile);

    void setToken(std::string token) { m_token = std::move(token); }
    void setPinnedPublicKey(std::string pin) { m_pin = std::move(pin); }

    HttpResponse get(const std::string& path) const { return request("GET", path); }
    HttpResponse post(const std::string& path, const nlohmann::json& body) const {
        return request("POST", path, body.dump());
    }
    HttpResponse request(const std::string& method, const std::string& path,
                         const std::string& body = {},
                         const std::map<std::string, std::string>& headers = {}) const;

private:
    std::string m_baseUrl;
    std::filesystem::path m_caFile;
    std::string m_token;
    std::string m_pin;
};

}  // namespace duban::test
