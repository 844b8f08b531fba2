#include "bench/load/bench_http.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace duban::bench {
namespace {

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

}  // namespace

void prepare(CURL* easy, const Endpoint& endpoint, const std::string& path, const std::string& body,
             curl_slist* headers, std::string& response) {
    response.clear();
    curl_easy_setopt(easy, CURLOPT_URL, (endpoint.server + path).c_str());
    curl_easy_setopt(easy, CURLOPT_CAINFO, endpoint.ca.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, 300L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    if (body.empty()) {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
}

HeaderList jsonHeaders(const std::string& token) {
    curl_slist* list = curl_slist_append(nullptr, "Content-Type: application/json");
    if (!token.empty())
        list = curl_slist_append(list, ("Authorization: Bearer " + token).c_str());
    return HeaderList(list);
}

nlohmann::json call(const Endpoint& endpoint, const std::string& path, const nlohmann::json& body,
                    const std::string& token, std::initializer_list<long> expected) {
    static Easy easy(curl_easy_init());
    std::string response;
    const std::string text = body.is_null() ? std::string() : body.dump();
    const HeaderList headers = jsonHeaders(token);
    prepare(easy.get(), endpoint, path, text, headers.get(), response);
    const CURLcode code = curl_easy_perform(easy.get());
    long status = 0;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK || std::find(expected.begin(), expected.end(), status) == expected.end())
        throw std::runtime_error(
            path + ": " + (code != CURLE_OK ? curl_easy_strerror(code) : std::to_string(status)) +
            " " + response);
    return nlohmann::json::parse(response, nullptr, false);
}

std::string signIn(const Endpoint& endpoint, const std::string& username,
                   const std::string& password, const std::string& deviceId) {
    return call(endpoint, "/v1/auth/login",
                {{"username", username},
                 {"password", password},
                 {"device_id", deviceId},
                 {"device_name", "bench"}},
                "", {200})["token"];
}

std::int64_t pullAll(const Endpoint& endpoint, const std::string& token,
                     const std::function<void(const nlohmann::json&)>& each) {
    std::int64_t cursor = 0;
    for (bool more = true; more;) {
        const nlohmann::json page =
            call(endpoint, "/v1/sync/pull?after=" + std::to_string(cursor) + "&limit=2000", nullptr,
                 token, {200});
        for (const nlohmann::json& change : page["changes"])
            each(change);
        cursor = page.value("next", cursor);
        more = page.value("more", false);
    }
    return cursor;
}

std::optional<Flags> Flags::parse(int argc, char** argv,
                                  std::initializer_list<std::string_view> known) {
    if (argc % 2 != 1)
        return std::nullopt;
    Flags flags;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::find(known.begin(), known.end(), std::string_view(argv[i])) == known.end())
            return std::nullopt;
        flags.m_values[argv[i]] = argv[i + 1];
    }
    return flags;
}

std::string Flags::text(const std::string& name, std::string fallback) const {
    const auto found = m_values.find(name);
    return found == m_values.end() ? std::move(fallback) : found->second;
}

long Flags::number(const std::string& name, long fallback) const {
    const auto found = m_values.find(name);
    return found == m_values.end() ? fallback : std::stol(found->second);
}

double Flags::real(const std::string& name, double fallback) const {
    const auto found = m_values.find(name);
    return found == m_values.end() ? fallback : std::stod(found->second);
}

double percentile(std::vector<double> samples, double q) {
    if (samples.empty())
        return 0;
    const auto index = std::min(samples.size() - 1,
                                static_cast<std::size_t>(q * static_cast<double>(samples.size())));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

long procStatus(long pid, const std::string& key) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0)
            return std::stol(line.substr(key.size() + 1));
    }
    return -1;
}

}  // namespace duban::bench
