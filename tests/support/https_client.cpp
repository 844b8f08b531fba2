#include "tests/support/https_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace duban::test {
namespace {

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of("\r\n \t") + 1);
        (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * count;
}

}  // namespace

std::string HttpResponse::errorCode() const {
    const auto j = json();
    if (j.is_object() && j.contains("error") && j["error"].contains("code"))
        return j["error"]["code"];
    return {};
}

HttpsClient::HttpsClient(std::string baseUrl, std::filesystem::path caFile)
    : m_baseUrl(std::move(baseUrl)), m_caFile(std::move(caFile)) {}

HttpResponse HttpsClient::request(const std::string& method, const std::string& path,
                                  const std::string& body,
                                  const std::map<std::string, std::string>& headers) const {
    HttpResponse response;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    std::unique_ptr<curl_slist, ListDeleter> list;
    const auto addHeader = [&](const std::string& line) {
        list.reset(curl_slist_append(list.release(), line.c_str()));
    };
    if (!m_token.empty())
        addHeader("Authorization: Bearer " + m_token);
    if (!body.empty() && !headers.contains("Content-Type"))
        addHeader("Content-Type: application/json");
    for (const auto& [name, value] : headers)
        addHeader(name + ": " + value);
    addHeader("Expect:");

    const std::string url = m_baseUrl + path;
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CAINFO, m_caFile.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CAPATH,
                     nullptr);  // trust exactly this CA, not /etc/ssl/certs too
    if (!m_pin.empty())
        curl_easy_setopt(curl.get(), CURLOPT_PINNEDPUBLICKEY, m_pin.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "HEAD")
        curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
    if (!body.empty() || method == "POST" || method == "PATCH") {
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response.headers);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    if (curl_easy_perform(curl.get()) != CURLE_OK) {
        response.error = error;
        return response;
    }
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace duban::test
