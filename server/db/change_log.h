#pragma once
// The change log pulls read (design.md §5): every write of a record moves it to a new, higher `seq`
// in the same transaction, so a pull after any cursor sees every change made after it. SQLite has
// one writer at a time, so seqs become visible in order and a cursor never skips one.
#include <optional>
#include <string>
#include <string_view>

#include "core/store/database.h"

namespace duban::server {

struct ChangeScope {
    std::optional<std::string> projectId;  // visible to whoever may read this project
    std::optional<std::string> ownerId;    // visible to this user only (conflicts, own account)
};

// Call in the transaction that wrote the record; `version` is the record's new version.
void recordChanged(const Database& db, std::string_view entity, std::string_view recordId,
                   const ChangeScope& scope, std::int64_t version, bool deleted = false);

// The newest seq in the log (0 for none).
[[nodiscard]] std::int64_t newestChangeSeq(const Database& db);

// Brings the log up to date with records written outside sync (seed import, admin edits of units
// and projects): every unit, project and milestone whose version the log has not seen gets a new
// seq. Returns how many were logged (0 when nothing changed).
int logImportedRecords(const Database& db);

// A number that changes whenever who-sees-what may have changed for everyone (a project's units
// changed); part of every scope fingerprint, so devices pull again from zero.
[[nodiscard]] std::int64_t scopeEpoch(const Database& db);
void bumpScopeEpoch(const Database& db);

}  // namespace duban::server
