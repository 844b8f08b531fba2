#pragma once
// Live changes (design.md §5): a long-polling pull that only asks whether the server has something
// new for this device. The server holds it until a change the device may see is committed (or the
// wait runs out); then the sync engine's next run pulls and applies it — the store keeps one
// writer, and a change is applied by the same code however it was noticed.
#include <chrono>
#include <cstdint>
#include <string>

#include "core/util/result.h"
#include "sync/http_transport.h"

namespace duban::sync {

// How long one watch asks the server to wait: under the transport's 30 s low-speed limit
// (TransportOptions::lowSpeedTime), which would end a silent request as a timeout.
inline constexpr std::chrono::seconds kWatchWait{25};

// Where the device's pull stands: the engine stores both after every page.
struct PullPosition {
    std::int64_t cursor = 0;
    std::string scope;
};

struct WatchOutcome {
    bool changed = false;  // a sync now would pull something (a change, or a new scope)
    PullPosition seen;     // where the server's answer ends: watch again from here
};

// One long-polling pull after `from` (GET /v1/sync/pull?after&limit=1&wait). An error (offline,
// signed out, cancelled) ends the watching: the caller syncs later as it would without one.
[[nodiscard]] Result<WatchOutcome> watchForChanges(HttpTransport& transport,
                                                   const PullPosition& from,
                                                   std::chrono::seconds wait = kWatchWait);

}  // namespace duban::sync
