#pragma once
// Forward-only schema migrations tracked in PRAGMA user_version. Each step runs in its own
// transaction together with the version bump, so a crash mid-migration leaves the previous
// version intact.
#include <span>
#include <string_view>

#include "core/store/database.h"
#include "core/util/result.h"

namespace duban {

struct Migration {
    int version;            // the user_version after this step: 1, 2, 3 … without gaps
    std::string_view name;  // for logs
    std::string_view sql;
};

// Brings `db` up to the last migration. Refuses a database from a newer program (it would not
// understand it) and a list with gaps.
[[nodiscard]] Status migrate(const Database& db, std::span<const Migration> migrations);
// Applies only the migrations up to `version` (tests build every earlier version with it).
[[nodiscard]] Status migrateTo(const Database& db, std::span<const Migration> migrations,
                               int version);

}  // namespace duban
