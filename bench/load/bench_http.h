#pragma once
// What the server benchmarks share (bench/load): blocking JSON calls for their set-up, one
// request's libcurl settings, percentiles and a process's /proc figures. Not a test.
#include <curl/curl.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/curl_handles.h"

namespace duban::bench {

using Easy = sync::EasyHandle;
using Multi = sync::MultiHandle;
using HeaderList = sync::HeaderList;

struct Endpoint {
    std::string server;  // https://127.0.0.1:PORT
    std::string ca;      // the server's CA file
};

// One request's settings on `easy`: a JSON body when `body` is not empty (it must stay valid
// until the transfer ends), the response appended to `response`.
void prepare(CURL* easy, const Endpoint& endpoint, const std::string& path, const std::string& body,
             curl_slist* headers, std::string& response);
[[nodiscard]] HeaderList jsonHeaders(const std::string& token);

// A blocking request for a set-up (one connection, kept); throws unless the status is expected.
nlohmann::json call(const Endpoint& endpoint, const std::string& path, const nlohmann::json& body,
                    const std::string& token, std::initializer_list<long> expected);
// Signs `username` in from a new device; its token.
std::string signIn(const Endpoint& endpoint, const std::string& username,
                   const std::string& password, const std::string& deviceId);
// Pages through everything `token` may pull; calls `each` per change; returns the last cursor.
std::int64_t pullAll(const Endpoint& endpoint, const std::string& token,
                     const std::function<void(const nlohmann::json&)>& each);

// A benchmark's command line: `--name value` pairs, each name one of those it knows.
class Flags {
public:
    // nullopt for an unknown name or a name without its value.
    [[nodiscard]] static std::optional<Flags> parse(int argc, char** argv,
                                                    std::initializer_list<std::string_view> known);
    [[nodiscard]] std::string text(const std::string& name, std::string fallback = {}) const;
    // As numbers; std::invalid_argument for one that is not.
    [[nodiscard]] long number(const std::string& name, long fallback) const;
    [[nodiscard]] double real(const std::string& name, double fallback) const;

private:
    std::map<std::string, std::string> m_values;
};

[[nodiscard]] double percentile(std::vector<double> samples, double q);
// A line of /proc/PID/status ("VmHWM", "VmRSS", "Threads") as its number; -1 when unknown.
[[nodiscard]] long procStatus(long pid, const std::string& key);

}  // namespace duban::bench
