#pragma once
// What the server sets up in its data folder: the schema, the administrator, demo accounts, and
// the seed data (design.md §7). Each step is idempotent: a restart repeats nothing.
#include <ostream>
#include <span>

#include "core/domain/types.h"
#include "core/store/database.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "server/app/server_config.h"

namespace duban::server {

// One demo account per role on real units of the seed (`serve --demo`).
struct DemoAccount {
    const char* username;
    const char* displayName;
    Role role;
    const char* unit;
};
[[nodiscard]] std::span<const DemoAccount> demoAccounts();

[[nodiscard]] Status prepareDatabase(const Database& db, const ServerConfig& config,
                                     const Clock& clock, std::ostream& console);
// Imports the seed (refusing a seed with errors), logs new and changed records for pulls, and
// bumps the scope epoch when projects changed on a later import.
[[nodiscard]] Status importSeedIntoServer(const Database& db, const std::filesystem::path& seedDir,
                                          const Clock& clock, std::ostream& console);

}  // namespace duban::server
