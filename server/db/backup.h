#pragma once
// A backup of the live server database, taken while the server keeps serving: the operator's
// `duban-server backup …` and scheduled backups call this.
#include <cstdint>
#include <filesystem>

#include "core/util/result.h"

namespace duban::server {

struct BackupInfo {
    std::filesystem::path file;
    std::int64_t bytes = 0;
    int pages = 0;
};

// Copies the SQLite database at `source` (WAL mode; other connections may be writing) to `target`
// with SQLite's online backup API, as one consistent snapshot. The copy is written to
// `target`.tmp (mode 0600: it holds password hashes), switched to a self-contained rollback-journal
// file, checked with PRAGMA integrity_check, fsynced, and only then renamed to `target` — so a
// file under that name is always a complete, checked backup. Never overwrites an existing target.
// Error codes: "backup_source_missing", "backup_target_exists", "backup_failed".
duban::Result<BackupInfo> backupDatabase(const std::filesystem::path& source,
                                         const std::filesystem::path& target);

}  // namespace duban::server
