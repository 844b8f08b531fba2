// The server under load (issue 6, part 4): N simulated devices — each its own account, token,
// device id and TLS connection — sync at once against a running duban-server: each pushes a
// batch of new site visits and pulls what changed, `rounds` times, then closes its connection.
// One thread drives every device through libcurl's multi interface, so the load generator is
// not the one that queues. Prints one JSON object: per run the wall time, requests, errors and
// per-request latency (p50, p99, max), and the server's peak memory (VmHWM) at the end.
// bench/load/run.sh drives it. Not a test.
//
//   load_bench --server URL --ca FILE --admin-password P --devices N [--runs 5] [--rounds 2]
//              [--mutations 3] [--spread-ms 0] [--server-pid PID]
//
// --spread-ms S: each device starts at a random instant within S ms instead of all at once.
// Accounts load-00001… (role field, spread over the units that run projects) are made through
// POST /v1/admin/users when missing and signed in before the timed runs; sign-ins are not
// measured (bench/README.md).
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/load/bench_http.h"
#include "core/util/clock.h"
#include "core/util/uuid.h"

namespace {

using namespace duban::bench;
using nlohmann::json;
using Headers = HeaderList;
using Steady = std::chrono::steady_clock;

constexpr const char* kPassword = "load-bench-password";

struct Options : Endpoint {
    std::string adminPassword;
    int devices = 500;
    int runs = 5;
    int rounds = 2;
    int mutations = 3;
    double spreadMs = 0;  // 0: every device starts at the same instant
    long serverPid = 0;
};

struct Device {
    std::string username;
    std::string deviceId;
    std::string token;
    std::string projectId;  // the visits it writes are about this project
    Headers headers;
    Easy easy{curl_easy_init()};
    std::int64_t n = 0;       // the last mutation number pushed
    std::int64_t cursor = 0;  // pull cursor
    // The run in progress.
    int round = 0;
    int requests = 0;  // made in this run
    bool pulling = false;
    std::string body;
    std::string response;
    Steady::time_point started;
};

struct RunResult {
    double seconds = 0;
    std::vector<double> latencyMs;
    // Requests after a device's first, on its open connection: the server's own time, without
    // the wait for a connection to be accepted and handed to a thread.
    std::vector<double> warmMs;
    int errors = 0;
    int retried = 0;  // answered 503 busy and sent again after Retry-After, as devices do
    std::vector<std::string> errorSamples;
};

class LoadRun {
public:
    LoadRun(const Options& options, std::vector<std::unique_ptr<Device>>& devices)
        : m_options(options), m_devices(devices) {}

    RunResult run() {
        Multi multi(curl_multi_init());
        curl_multi_setopt(multi.get(), CURLMOPT_MAXCONNECTS,
                          static_cast<long>(m_devices.size() + 16));
        // When each device starts: all at once, or spread uniformly over spreadMs.
        std::mt19937_64 random(42);
        std::vector<std::pair<double, Device*>> starts;
        for (auto& device : m_devices) {
            const double at = m_options.spreadMs > 0 ? std::uniform_real_distribution<double>(
                                                           0, m_options.spreadMs)(random)
                                                     : 0.0;
            starts.emplace_back(at, device.get());
        }
        std::sort(starts.begin(), starts.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        std::size_t started = 0;
        const auto begun = Steady::now();
        const auto sinceBegun = [&begun] {
            return std::chrono::duration<double, std::milli>(Steady::now() - begun).count();
        };
        int running = 0;
        while (running > 0 || started < starts.size() || !m_retries.empty()) {
            for (auto due = m_retries.begin(); due != m_retries.end();) {
                if (due->first > Steady::now()) {
                    ++due;
                    continue;
                }
                due->second->response.clear();  // the same request; its latency runs on
                curl_multi_add_handle(multi.get(), due->second->easy.get());
                due = m_retries.erase(due);
            }
            for (; started < starts.size() && starts[started].first <= sinceBegun(); ++started) {
                Device& device = *starts[started].second;
                device.round = 0;
                device.requests = 0;
                startPush(device);
                curl_multi_add_handle(multi.get(), device.easy.get());
            }
            curl_multi_perform(multi.get(), &running);
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
                if (message->msg != CURLMSG_DONE)
                    continue;
                CURL* easy = message->easy_handle;
                Device* device = nullptr;
                curl_easy_getinfo(easy, CURLINFO_PRIVATE, &device);
                curl_multi_remove_handle(multi.get(), easy);
                if (next(*device, message->data.result)) {
                    curl_multi_add_handle(multi.get(), easy);
                    running = 1;
                }
            }
            if (running > 0 || started < starts.size() || !m_retries.empty())
                curl_multi_poll(multi.get(), nullptr, 0, 5, nullptr);
        }
        m_result.seconds = std::chrono::duration<double>(Steady::now() - begun).count();
        return std::move(m_result);
    }

private:
    void begin(Device& device, const std::string& path, bool last) {
        prepare(device.easy.get(), m_options, path, device.body, device.headers.get(),
                device.response);
        curl_easy_setopt(device.easy.get(), CURLOPT_PRIVATE, &device);
        // A phone whose sync is over lets its connection go.
        curl_easy_setopt(device.easy.get(), CURLOPT_FORBID_REUSE, last ? 1L : 0L);
        // Each device is a phone of its own: no TLS session borrowed from another.
        curl_easy_setopt(device.easy.get(), CURLOPT_SSL_SESSIONID_CACHE, 0L);
        device.started = Steady::now();
    }

    void startPush(Device& device) {
        json mutations = json::array();
        for (int i = 0; i < m_options.mutations; ++i) {
            const std::string id = m_uuids.next();
            ++device.n;
            mutations.push_back({{"n", device.n},
                                 {"mid", m_uuids.next()},
                                 {"entity", "site_visit"},
                                 {"id", id},
                                 {"op", "create"},
                                 {"base_version", 0},
                                 {"fields",
                                  {{"project_id", device.projectId},
                                   {"visited_at", "2022-06-30T02:00:00Z"},
                                   {"notes", "负载测试：三区二期酿酒车间基础施工"}}},
                                 {"hlc", std::to_string(m_clock.nowMs()) + "-0000-" +
                                             device.deviceId.substr(0, 4)}});
        }
        device.body = json{{"device", device.deviceId}, {"mutations", mutations}}.dump();
        device.pulling = false;
        begin(device, "/v1/sync/push", false);
    }

    void startPull(Device& device, bool last) {
        device.body.clear();
        device.pulling = true;
        begin(device, "/v1/sync/pull?after=" + std::to_string(device.cursor) + "&limit=500", last);
    }

    void error(const std::string& what) {
        ++m_result.errors;
        if (m_result.errorSamples.size() < 5)
            m_result.errorSamples.push_back(what.substr(0, 300));
    }

    // Records the finished request; sets up the device's next one, or returns false when its
    // sync is over (an error ends it too: the phone would retry at its next sync).
    bool next(Device& device, CURLcode code) {
        long status = 0;
        curl_easy_getinfo(device.easy.get(), CURLINFO_RESPONSE_CODE, &status);
        if (code == CURLE_OK && status == 503) {
            // The server's queue is full: as the sync engine does, wait Retry-After (1 s) with
            // jitter and send the same request again; its latency counts the wait.
            ++m_result.retried;
            const auto wait = std::chrono::milliseconds(
                1000 + std::uniform_int_distribution<int>(0, 1000)(m_random));
            m_retries.emplace_back(Steady::now() + wait, &device);
            return false;
        }
        const double ms =
            std::chrono::duration<double, std::milli>(Steady::now() - device.started).count();
        m_result.latencyMs.push_back(ms);
        if (device.requests++ > 0)
            m_result.warmMs.push_back(ms);
        if (code != CURLE_OK || status != 200) {
            error(device.username + (device.pulling ? " pull: " : " push: ") +
                  (code != CURLE_OK ? curl_easy_strerror(code) : std::to_string(status)) + " " +
                  device.response);
            return false;
        }
        const json answer = json::parse(device.response, nullptr, false);
        if (!device.pulling) {
            for (const json& result : answer.value("results", json::array())) {
                if (result.value("status", "") != "applied")
                    error(device.username + " push result: " + result.dump());
            }
            startPull(device, device.round + 1 == m_options.rounds);
            return true;
        }
        device.cursor = answer.value("next", device.cursor);
        if (answer.value("more", false)) {
            startPull(device, device.round + 1 == m_options.rounds);
            return true;
        }
        if (++device.round == m_options.rounds)
            return false;
        startPush(device);
        return true;
    }

    const Options& m_options;
    std::vector<std::unique_ptr<Device>>& m_devices;
    duban::SystemClock m_clock;
    duban::UuidGenerator m_uuids{m_clock};
    RunResult m_result;
    std::vector<std::pair<Steady::time_point, Device*>> m_retries;
    std::mt19937_64 m_random{7};
};

// The accounts, signed in, spread over the seed's units as field users do: device i belongs to
// the i-th unit (round robin) that is the lead or a responsible unit of some project, and writes
// visits on that project. Every device starts from the head of the change log (a device that
// synced before).
void setUp(const Options& options, std::vector<std::unique_ptr<Device>>& devices) {
    const duban::SystemClock clock;
    duban::UuidGenerator uuids(clock);
    const json admin = call(options, "/v1/auth/login",
                            {{"username", "admin"},
                             {"password", options.adminPassword},
                             {"device_id", uuids.next()},
                             {"device_name", "load_bench"}},
                            "", {200});
    const std::string adminToken = admin["token"];
    std::map<std::string, std::string> projectOfUnit;  // unit id → a project it works on
    const std::int64_t head = pullAll(options, adminToken, [&](const json& change) {
        if (change["entity"] != "project" || !change["record"].is_object())
            return;
        for (const json& link : change["record"].value("units", json::array())) {
            if (link.value("role", "") != "located")
                projectOfUnit.emplace(link.value("unit_id", ""), change["id"].get<std::string>());
        }
    });
    if (projectOfUnit.empty())
        throw std::runtime_error("the server has no project with a lead or responsible unit");
    std::vector<std::pair<std::string, std::string>> pairs(projectOfUnit.begin(),
                                                           projectOfUnit.end());
    for (int i = 1; i <= options.devices; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "load-%05d", i);
        auto device = std::make_unique<Device>();
        device->username = name;
        device->deviceId = uuids.next();
        const auto& [unitId, projectId] = pairs[static_cast<std::size_t>(i) % pairs.size()];
        device->projectId = projectId;
        call(options, "/v1/admin/users",
             {{"username", name},
              {"display_name", name},
              {"role", "field"},
              {"unit", unitId},
              {"password", kPassword}},
             adminToken, {201, 409});
        device->token = signIn(options, name, kPassword, device->deviceId);
        device->headers = jsonHeaders(device->token);
        device->cursor = head;
        devices.push_back(std::move(device));
    }
    std::fprintf(stderr, "load_bench: %d devices over %zu units\n", options.devices, pairs.size());
}

int usage() {
    std::fprintf(stderr,
                 "usage: load_bench --server URL --ca FILE --admin-password P --devices N "
                 "[--runs 5] [--rounds 2] [--mutations 3] [--spread-ms 0] [--server-pid PID]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        const auto flags =
            Flags::parse(argc, argv,
                         {"--server", "--ca", "--admin-password", "--devices", "--runs", "--rounds",
                          "--mutations", "--spread-ms", "--server-pid"});
        if (!flags)
            return usage();
        options.server = flags->text("--server");
        options.ca = flags->text("--ca");
        options.adminPassword = flags->text("--admin-password");
        options.devices = static_cast<int>(flags->number("--devices", options.devices));
        options.runs = static_cast<int>(flags->number("--runs", options.runs));
        options.rounds = static_cast<int>(flags->number("--rounds", options.rounds));
        options.mutations = static_cast<int>(flags->number("--mutations", options.mutations));
        options.spreadMs = flags->real("--spread-ms", options.spreadMs);
        options.serverPid = flags->number("--server-pid", 0);
        if (options.server.empty() || options.devices < 1 || options.runs < 1 || options.rounds < 1)
            return usage();

        curl_global_init(CURL_GLOBAL_DEFAULT);
        std::vector<std::unique_ptr<Device>> devices;
        const auto setupStarted = Steady::now();
        setUp(options, devices);
        const double setupSeconds =
            std::chrono::duration<double>(Steady::now() - setupStarted).count();

        json runs = json::array();
        for (int r = 0; r < options.runs; ++r) {
            const RunResult result = LoadRun(options, devices).run();
            const auto requests = static_cast<double>(result.latencyMs.size());
            runs.push_back({{"seconds", result.seconds},
                            {"requests", result.latencyMs.size()},
                            {"requests_per_s", requests / result.seconds},
                            {"syncs_per_s", options.devices * options.rounds / result.seconds},
                            {"errors", result.errors},
                            {"retried", result.retried},
                            {"error_samples", result.errorSamples},
                            {"p50_ms", percentile(result.latencyMs, 0.50)},
                            {"p99_ms", percentile(result.latencyMs, 0.99)},
                            {"max_ms", percentile(result.latencyMs, 1.0)},
                            {"warm_p50_ms", percentile(result.warmMs, 0.50)},
                            {"warm_p99_ms", percentile(result.warmMs, 0.99)}});
            std::fprintf(stderr, "load_bench: %d devices, run %d: %s\n", options.devices, r + 1,
                         runs.back().dump().c_str());
        }
        json out{{"devices", options.devices},    {"spread_ms", options.spreadMs},
                 {"rounds", options.rounds},      {"mutations_per_push", options.mutations},
                 {"setup_seconds", setupSeconds}, {"runs", runs}};
        if (options.serverPid > 0) {
            out["server_vmhwm_kib"] = procStatus(options.serverPid, "VmHWM");
            out["server_vmrss_kib"] = procStatus(options.serverPid, "VmRSS");
            out["server_threads"] = procStatus(options.serverPid, "Threads");
        }
        std::printf("%s\n", out.dump().c_str());
        curl_global_cleanup();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "load_bench: %s\n", e.what());
        return 1;
    }
}
