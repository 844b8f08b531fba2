#pragma once
// One seeded fault scenario (issue 4): rounds of offline edits on random devices, then sync
// attempts under random faults — the proxy cutting, resetting or delaying connections, the
// network dropping, duban-client or duban-server SIGKILLed at a random moment. Then the world
// heals, every device syncs until nothing moves, and the invariant checker decides.
//
// The seed decides every edit and every planned fault; the moments at which processes are killed
// fall on a real clock, so a replay (DUBAN_FAULT_SEED) repeats the plan, not every interleaving.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tests/fault/fault_world.h"
#include "tests/fault/invariants.h"

namespace duban::test::fault {

struct ScenarioStats {
    int rounds = 0;
    int editsAcknowledged = 0;
    int editsRefusedLocally = 0;  // LocalStore said no (e.g. a submitted record is not editable)
    int syncRuns = 0;
    int syncFailures = 0;  // runs that ended non-zero (the faults did their job)
    // Faults that fired.
    int proxyCuts = 0;
    int proxyResets = 0;
    int proxyDelays = 0;
    int upstreamRefused = 0;  // connections that found the server down
    int networkDrops = 0;
    int clientKills = 0;
    int serverKills = 0;
    int healPasses = 0;
    CheckResult check;

    ScenarioStats& operator+=(const ScenarioStats& other);
    [[nodiscard]] int faults() const {
        return proxyCuts + proxyResets + proxyDelays + networkDrops + clientKills + serverKills;
    }
};

struct ScenarioResult {
    std::uint64_t seed = 0;
    std::vector<std::string> failures;  // empty: the scenario passed
    ScenarioStats stats;
    std::string log;  // what happened, for a failure's report
};

// `beforeCheck` runs on the scenario's folder (server/, devices/NAME/) once the server stopped and
// before the checker reads it: the checker's own test spoils the outcome there.
ScenarioResult runScenario(
    const WorldTemplate& world, FaultProxy& proxy, std::uint64_t seed,
    const std::filesystem::path& workDir,
    const std::function<void(const std::filesystem::path&)>& beforeCheck = {});

// One line of JSON with the stats, for the soak report.
[[nodiscard]] std::string statsJson(const ScenarioStats& stats, int scenarios, int failed,
                                    double seconds);

}  // namespace duban::test::fault
