// Live changes at scale (issue 15): N devices — each its own token, device id and TLS connection
// — hold a long-polling pull open (GET /v1/sync/pull?wait=30) against a running duban-server;
// once all are parked, the admin adds a unit (a change everyone may see) and each device's time
// to hear of it is taken from the admin's request. A device whose wait runs out asks again at
// once, as the app does. Prints one JSON object: per run how many heard of it and when (p50, p99,
// max), errors, and the server's resident memory and threads while every device waits.
// bench/load/run.sh drives it (LIVE_DEVICES). Not a test.
//
//   live_bench --server URL --ca FILE --admin-password P --devices N [--runs 3]
//              [--accounts 200] [--server-pid PID]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench/load/bench_http.h"
#include "bench/load/socket_loop.h"
#include "core/util/clock.h"
#include "core/util/uuid.h"

namespace {

using namespace duban::bench;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

constexpr const char* kPassword = "live-bench-password";
constexpr int kWaitSeconds = 30;
constexpr double kConnectsPerSecond = 400;  // as fast as one client thread shakes hands
constexpr auto kSettle = std::chrono::seconds(3);
constexpr auto kHearWithin = std::chrono::seconds(15);

struct Options : Endpoint {
    std::string adminPassword;
    int devices = 10'000;
    int runs = 3;
    int accounts = 200;  // devices share accounts (a user with several phones); each signs in
    long serverPid = 0;
};

struct Device {
    std::string token;
    HeaderList headers;
    Easy easy{curl_easy_init()};
    std::int64_t cursor = 0;
    std::string response;
    bool heard = false;
    bool waiting = false;  // a pull is out
};

struct Run {
    std::vector<double> heardMs;  // from the admin's request to each device's answer
    int errors = 0;
    int rearmed = 0;  // waits that ran out and were asked again
    std::vector<std::string> errorSamples;
    long parkedRssKib = -1;
    long parkedThreads = -1;
    double connectSeconds = 0;
};

class LiveRun {
public:
    LiveRun(const Options& options, std::vector<std::unique_ptr<Device>>& devices,
            std::string adminToken, int number)
        : m_options(options),
          m_devices(devices),
          m_adminToken(std::move(adminToken)),
          m_number(number) {}

    Run run() {
        Multi multi(curl_multi_init());
        curl_multi_setopt(multi.get(), CURLMOPT_MAXCONNECTS,
                          static_cast<long>(m_devices.size() + 16));
        SocketLoop loop(multi.get());
        for (auto& device : m_devices)
            device->heard = false;
        const auto begun = Steady::now();
        std::size_t started = 0;
        std::thread change;
        std::atomic<bool> changeSent{false};
        Steady::time_point allStarted{};
        for (;;) {
            const double elapsed = std::chrono::duration<double>(Steady::now() - begun).count();
            for (; started < m_devices.size() &&
                   static_cast<double>(started) < elapsed * kConnectsPerSecond;
                 ++started) {
                ask(multi.get(), *m_devices[started]);
            }
            if (started == m_devices.size() && allStarted == Steady::time_point{}) {
                allStarted = Steady::now();
                m_run.connectSeconds = elapsed;
            }
            if (allStarted != Steady::time_point{} && !change.joinable() &&
                Steady::now() - allStarted > kSettle) {
                // Every device is parked: what the server holds for them, then the change.
                if (m_options.serverPid > 0) {
                    m_run.parkedRssKib = procStatus(m_options.serverPid, "VmRSS");
                    m_run.parkedThreads = procStatus(m_options.serverPid, "Threads");
                }
                change = std::thread([this, &changeSent] {
                    m_changeAt = Steady::now();
                    changeSent = true;
                    call(m_options, "/v1/admin/units",
                         {{"name",
                           "直播测试单位 " + std::to_string(m_number) + " " + m_uuids.next()},
                          {"kind", "group"}},
                         m_adminToken, {201});
                });
            }
            loop.step(std::chrono::milliseconds(5));
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
                if (message->msg != CURLMSG_DONE)
                    continue;
                Device* device = nullptr;
                curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &device);
                curl_multi_remove_handle(multi.get(), message->easy_handle);
                answered(multi.get(), *device, message->data.result, changeSent);
            }
            const bool allHeard = m_run.heardMs.size() == m_devices.size();
            if (change.joinable() &&
                (allHeard || Steady::now() - m_changeAt.load() > kHearWithin)) {
                break;
            }
        }
        change.join();
        for (auto& device : m_devices) {
            if (device->waiting)
                curl_multi_remove_handle(multi.get(), device->easy.get());
            device->waiting = false;
        }
        return std::move(m_run);
    }

private:
    void ask(CURLM* multi, Device& device) {
        prepare(device.easy.get(), m_options,
                "/v1/sync/pull?after=" + std::to_string(device.cursor) +
                    "&limit=1&wait=" + std::to_string(kWaitSeconds),
                {}, device.headers.get(), device.response);
        curl_easy_setopt(device.easy.get(), CURLOPT_PRIVATE, &device);
        curl_easy_setopt(device.easy.get(), CURLOPT_SSL_SESSIONID_CACHE, 0L);  // its own phone
        curl_multi_add_handle(multi, device.easy.get());
        device.waiting = true;
    }

    void error(const std::string& what) {
        ++m_run.errors;
        if (m_run.errorSamples.size() < 5)
            m_run.errorSamples.push_back(what.substr(0, 300));
    }

    void answered(CURLM* multi, Device& device, CURLcode code, bool changeSent) {
        device.waiting = false;
        long status = 0;
        curl_easy_getinfo(device.easy.get(), CURLINFO_RESPONSE_CODE, &status);
        if (code != CURLE_OK || status != 200) {
            error((code != CURLE_OK ? curl_easy_strerror(code) : std::to_string(status)) + " " +
                  device.response);
            ask(multi, device);
            return;
        }
        const json page = json::parse(device.response, nullptr, false);
        device.cursor = page.value("next", device.cursor);
        if (!page["changes"].empty()) {
            if (!changeSent) {
                error("answered before the change: " + device.response);
                ask(multi, device);
                return;
            }
            if (!device.heard) {
                device.heard = true;
                m_run.heardMs.push_back(
                    std::chrono::duration<double, std::milli>(Steady::now() - m_changeAt.load())
                        .count());
            }
            return;  // heard: this device's part of the run is over
        }
        ++m_run.rearmed;
        ask(multi, device);
    }

    const Options& m_options;
    std::vector<std::unique_ptr<Device>>& m_devices;
    std::string m_adminToken;
    int m_number;
    duban::SystemClock m_clock;
    duban::UuidGenerator m_uuids{m_clock};
    std::atomic<Steady::time_point> m_changeAt{Steady::now()};
    Run m_run;
};

int usage() {
    std::fprintf(stderr,
                 "usage: live_bench --server URL --ca FILE --admin-password P --devices N "
                 "[--runs 3] [--accounts 200] [--server-pid PID]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        const auto flags = Flags::parse(argc, argv,
                                        {"--server", "--ca", "--admin-password", "--devices",
                                         "--runs", "--accounts", "--server-pid"});
        if (!flags)
            return usage();
        options.server = flags->text("--server");
        options.ca = flags->text("--ca");
        options.adminPassword = flags->text("--admin-password");
        options.devices = static_cast<int>(flags->number("--devices", options.devices));
        options.runs = static_cast<int>(flags->number("--runs", options.runs));
        options.accounts = static_cast<int>(flags->number("--accounts", options.accounts));
        options.serverPid = flags->number("--server-pid", 0);
        if (options.server.empty() || options.devices < 1 || options.runs < 1 ||
            options.accounts < 1)
            return usage();
        curl_global_init(CURL_GLOBAL_DEFAULT);
        const duban::SystemClock clock;
        duban::UuidGenerator uuids(clock);

        // Accounts (field users of 市科工信局) and one sign-in per device; not measured.
        const auto setupStarted = Steady::now();
        const std::string adminToken =
            signIn(options, "admin", options.adminPassword, uuids.next());
        for (int a = 1; a <= std::min(options.accounts, options.devices); ++a) {
            call(options, "/v1/admin/users",
                 {{"username", "live-" + std::to_string(a)},
                  {"display_name", "live " + std::to_string(a)},
                  {"role", "field"},
                  {"unit", "市科工信局"},
                  {"password", kPassword}},
                 adminToken, {201, 409});
        }
        std::vector<std::unique_ptr<Device>> devices;
        for (int i = 0; i < options.devices; ++i) {
            auto device = std::make_unique<Device>();
            device->token = signIn(options, "live-" + std::to_string(i % options.accounts + 1),
                                   kPassword, uuids.next());
            device->headers = jsonHeaders(device->token);
            devices.push_back(std::move(device));
        }
        // Every device has synced: it waits from the newest change (its own account's included).
        const std::int64_t head = pullAll(options, adminToken, [](const json&) {});
        for (auto& device : devices)
            device->cursor = head;
        const double setupSeconds =
            std::chrono::duration<double>(Steady::now() - setupStarted).count();
        std::fprintf(stderr, "live_bench: %d devices signed in (%.0f s)\n", options.devices,
                     setupSeconds);

        json runs = json::array();
        for (int r = 0; r < options.runs; ++r) {
            const Run result = LiveRun(options, devices, adminToken, r + 1).run();
            runs.push_back({{"heard", result.heardMs.size()},
                            {"p50_ms", percentile(result.heardMs, 0.50)},
                            {"p99_ms", percentile(result.heardMs, 0.99)},
                            {"max_ms", percentile(result.heardMs, 1.0)},
                            {"errors", result.errors},
                            {"error_samples", result.errorSamples},
                            {"rearmed", result.rearmed},
                            {"connect_seconds", result.connectSeconds},
                            {"parked_server_rss_kib", result.parkedRssKib},
                            {"parked_server_threads", result.parkedThreads}});
            std::fprintf(stderr, "live_bench: run %d: %s\n", r + 1, runs.back().dump().c_str());
        }
        json out{{"devices", options.devices}, {"setup_seconds", setupSeconds}, {"runs", runs}};
        if (options.serverPid > 0)
            out["server_vmhwm_kib"] = procStatus(options.serverPid, "VmHWM");
        std::printf("%s\n", out.dump().c_str());
        curl_global_cleanup();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "live_bench: %s\n", e.what());
        return 1;
    }
}
