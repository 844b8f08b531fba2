#pragma once
// The invariant checker of the fault scenarios (issue 4). It decides from the server's SQLite file
// and each device's store, after the world healed, whether every edit a user was told was saved
// reached the server exactly once and every device converged. What it knows of the edits is the
// ledger: each mutation a LocalStore accepted ("acknowledged to the user"), as queued.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace duban::test::fault {

// One edit LocalStore returned OK for, with the outbox entry it queued.
struct Acknowledged {
    std::string device;  // device name ("a1")
    std::string deviceId;
    std::string userId;
    std::int64_t n = 0;
    std::string mid;
    std::string entity;  // progress_report | site_visit
    std::string recordId;
    std::string op;  // create | update | transition | delete
    std::int64_t baseVersion = 0;
    nlohmann::json fields = nlohmann::json::object();  // create and update: what was sent
    std::string transition;                            // submit | approve | return
};
using Ledger = std::vector<Acknowledged>;

struct DeviceView {
    std::string name;
    std::string deviceId;
    std::string userId;
    std::filesystem::path store;
    std::set<std::string> visibleProjects;  // of the projects the scenario writes to
};

struct CheckInput {
    std::filesystem::path serverDatabase;  // the server is stopped
    std::vector<DeviceView> devices;
    const Ledger* ledger = nullptr;
};

struct CheckResult {
    std::vector<std::string> failures;  // empty: every invariant holds
    // What the run produced, for the report.
    int applied = 0;
    int merged = 0;
    int rejected = 0;
    int conflicts = 0;
    int reviews = 0;
    int records = 0;  // reports and visits on the server at the end
};

[[nodiscard]] CheckResult checkInvariants(const CheckInput& input);

}  // namespace duban::test::fault
