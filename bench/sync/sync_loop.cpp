// duban-sync-loop: syncs one signed-in profile again and again inside one process, as the app
// does (its store, engine and connection stay open), and times each sync (issue 6: a no-op sync
// < 20 ms with 10⁶ rows). The first sync opens the TLS connection and is reported apart.
//   duban-sync-loop --profile DIR --runs N
// Prints {"first_ms": …, "runs_ms": [...], "pulled": …, "pushed": …} on one line.
// With --author DIR_A --latency N --project CODE, the profile is device B kept live (a
// long-polling pull open) and A saves a visit N times: {"samples": [ms, …]} (live_latency.h).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/sync/live_latency.h"
#include "sync/cli/client_session.h"
#include "sync/sync_engine.h"

namespace {

using namespace duban;
using nlohmann::json;

struct Arguments {
    std::string profile;
    int runs = 5;
    std::string author;  // with latency: device A's profile
    int latency = 0;
    std::string project;
};

bool parse(int argc, char** argv, Arguments& out) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--profile")
            out.profile = argv[i + 1];
        else if (name == "--runs")
            out.runs = std::stoi(argv[i + 1]);
        else if (name == "--author")
            out.author = argv[i + 1];
        else if (name == "--latency")
            out.latency = std::stoi(argv[i + 1]);
        else if (name == "--project")
            out.project = argv[i + 1];
        else
            return false;
    }
    const bool latencyArgs = !out.author.empty() || out.latency > 0 || !out.project.empty();
    if (latencyArgs && (out.author.empty() || out.latency <= 0 || out.project.empty()))
        return false;
    return !out.profile.empty() && out.runs > 0 && argc % 2 == 1;
}

int latencyMain(const Arguments& args) {
    auto author = cli::openSession(sync::ProfileDir(args.author));
    auto watcher = cli::openSession(sync::ProfileDir(args.profile));
    for (const auto* session : {&author, &watcher}) {
        if (!*session) {
            std::fprintf(stderr, "%s\n", session->error().message.c_str());
            return 1;
        }
    }
    const auto project = cli::projectIdOf(author.value()->store->database(), args.project);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().message.c_str());
        return 1;
    }
    const auto samples =
        bench::measureLiveLatency(*author.value(), *watcher.value(), project.value(), args.latency);
    if (!samples) {
        std::fprintf(stderr, "latency failed: %s\n", samples.error().message.c_str());
        return 1;
    }
    std::cout << json{{"samples", samples.value()}}.dump() << "\n";
    return 0;
}

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

int main(int argc, char** argv) {
    Arguments args;
    if (!parse(argc, argv, args)) {
        std::fprintf(stderr,
                     "usage: duban-sync-loop --profile DIR --runs N\n"
                     "       duban-sync-loop --profile DIR_B --author DIR_A --latency N "
                     "--project CODE\n");
        return 2;
    }
    if (args.latency > 0)
        return latencyMain(args);
    auto session = cli::openSession(sync::ProfileDir(args.profile));
    if (!session) {
        std::fprintf(stderr, "%s\n", session.error().message.c_str());
        return 1;
    }
    cli::Session& s = *session.value();
    auto transport = cli::makeTransport(s.profile);
    if (!transport) {
        std::fprintf(stderr, "%s\n", transport.error().message.c_str());
        return 1;
    }
    sync::SyncOptions options;
    options.deviceId = s.profile.deviceId;
    sync::SyncEngine engine(*s.store, *transport.value(), options);

    // One sync as `duban-client sync` makes it: the engine's run, then the last-sync time stored.
    int pulled = 0;
    int pushed = 0;
    auto syncOnce = [&]() -> bool {
        auto report = engine.syncOnce();
        if (!report) {
            std::fprintf(stderr, "sync failed: %s\n", report.error().message.c_str());
            return false;
        }
        cli::recordSyncTime(s);
        pulled += report->pulled;
        pushed += report->pushed;
        return true;
    };

    auto start = std::chrono::steady_clock::now();
    if (!syncOnce())
        return 1;
    const double firstMs = millisecondsSince(start);
    std::vector<double> runs;
    for (int i = 0; i < args.runs; ++i) {
        start = std::chrono::steady_clock::now();
        if (!syncOnce())
            return 1;
        runs.push_back(millisecondsSince(start));
    }
    std::cout << json{{"first_ms", firstMs},
                      {"runs_ms", runs},
                      {"pulled", pulled},
                      {"pushed", pushed}}
                     .dump()
              << "\n";
    return 0;
}
