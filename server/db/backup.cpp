#include "server/db/backup.h"

#include "core/util/file_descriptor.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>

#include "core/store/database.h"

namespace duban::server {
namespace {

namespace fs = std::filesystem;

constexpr int kPagesPerStep = 256;
constexpr auto kBusyPause = std::chrono::milliseconds(20);
// Give up when the source stays locked this many pauses in a row (about 30 s).
constexpr int kMaxBusyPauses = 1500;

// Failures inside this file, with the Result code they become at the edge.
class BackupFailure : public std::runtime_error {
public:
    BackupFailure(std::string code, const std::string& message)
        : std::runtime_error(message), m_code(std::move(code)) {}
    [[nodiscard]] const std::string& code() const { return m_code; }

private:
    std::string m_code;
};

[[noreturn]] void failOnFile(const std::string& what, const fs::path& file) {
    throw BackupFailure("backup_failed",
                        what + " " + file.string() + ": " +
                            std::error_code(errno, std::generic_category()).message());
}

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

struct BackupFinisher {
    void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};
using BackupHandle = std::unique_ptr<sqlite3_backup, BackupFinisher>;

// Owns `target`.tmp until it gets its final name: any failure removes it and SQLite's side files,
// so nothing half-written is left looking like a backup.
class TemporaryCopy {
public:
    explicit TemporaryCopy(fs::path file) : m_file(std::move(file)) {}
    ~TemporaryCopy() {
        if (!m_kept) {
            removeSideFiles();
            ::unlink(m_file.c_str());
        }
    }
    TemporaryCopy(const TemporaryCopy&) = delete;
    TemporaryCopy& operator=(const TemporaryCopy&) = delete;

    [[nodiscard]] const fs::path& file() const { return m_file; }
    void keep() { m_kept = true; }
    void removeSideFiles() const {
        for (const char* suffix : {"-journal", "-wal", "-shm"})
            ::unlink(fs::path(m_file).concat(suffix).c_str());
    }

private:
    fs::path m_file;
    bool m_kept = false;
};

Connection openConnection(const fs::path& file, int flags, const std::string& what) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection db(raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK) {
        throw BackupFailure("backup_failed", "cannot open " + what + " " + file.string() + ": " +
                                                 (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

std::string queryText(sqlite3* db, const char* sql) {
    Statement statement(db, sql);
    return statement.step() ? statement.text(0) : std::string();
}

// Copies every page of `from` into `to`; returns the page count.
int copyPages(sqlite3* from, sqlite3* to) {
    // In WAL mode a reader never blocks writers, so the copy holds one read transaction from the
    // first page to the last: every step reads the same snapshot, and commits by the server's
    // other connections can neither mix two states into the copy nor restart it. Without it, each
    // step opens its own transaction and SQLite restarts the copy after every foreign commit —
    // under steady writes it might never finish. In rollback mode that transaction would lock
    // writers out for the whole copy, so there the steps pause to let them in instead.
    const bool wal = queryText(from, "PRAGMA journal_mode") == "wal";
    if (wal) {
        Statement(from, "BEGIN").run();
        Statement(from, "SELECT count(*) FROM sqlite_schema").run();  // takes the snapshot
    }
    const BackupHandle backup(sqlite3_backup_init(to, "main", from, "main"));
    if (backup == nullptr) {
        throw BackupFailure("backup_failed",
                            std::string("cannot start the backup: ") + sqlite3_errmsg(to));
    }
    int busyPauses = 0;
    for (;;) {
        const int rc = sqlite3_backup_step(backup.get(), kPagesPerStep);
        if (rc == SQLITE_DONE)
            break;
        const int primary = rc & 0xFF;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
            if (++busyPauses > kMaxBusyPauses) {
                throw BackupFailure("backup_failed",
                                    "the database stayed locked; try again when it is less busy");
            }
            std::this_thread::sleep_for(kBusyPause);
            continue;
        }
        if (rc != SQLITE_OK) {
            throw BackupFailure("backup_failed",
                                std::string("copying pages failed: ") + sqlite3_errstr(rc));
        }
        busyPauses = 0;
        if (!wal)
            std::this_thread::sleep_for(kBusyPause);
    }
    const int pages = sqlite3_backup_pagecount(backup.get());
    if (wal)
        Statement(from, "COMMIT").run();
    return pages;
}

// integrity_check answers one row "ok", or one row per problem found.
void checkIntegrity(sqlite3* db) {
    Statement check(db, "PRAGMA integrity_check");
    std::string problems;
    while (check.step()) {
        const std::string line = check.text(0);
        if (line != "ok")
            problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty()) {
        throw BackupFailure("backup_failed",
                            "the copy failed its integrity check (" + problems +
                                "); the source database may be damaged: stop the server and run "
                                "PRAGMA integrity_check on it");
    }
}

void syncFile(const fs::path& file, int flags) {
    const FileDescriptor fd(::open(file.c_str(), flags | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
        failOnFile("cannot sync", file);
}

// renameat2(RENAME_NOREPLACE) closes the race with a target created after the first check;
// only on filesystems without it does a plain rename follow a last check.
void moveIntoPlace(const fs::path& from, const fs::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return;
    if (errno == EINVAL || errno == ENOSYS) {
        if (fs::exists(to))
            errno = EEXIST;
        else if (::rename(from.c_str(), to.c_str()) == 0)
            return;
    }
    if (errno == EEXIST) {
        throw BackupFailure("backup_target_exists",
                            to.string() +
                                " appeared while the backup ran; it was left as it is. "
                                "Choose another file name");
    }
    failOnFile("cannot rename the finished backup to", to);
}

BackupInfo runBackup(const fs::path& source, const fs::path& target) {
    std::error_code error;
    if (!fs::is_regular_file(source, error)) {
        throw BackupFailure("backup_source_missing",
                            "there is no database file at " + source.string() +
                                "; pass the server's database (duban.db in its data folder)");
    }
    if (fs::exists(fs::symlink_status(target))) {
        throw BackupFailure("backup_target_exists", target.string() +
                                                        " already exists; a backup never "
                                                        "overwrites a file: choose a new name");
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, error)) {
        throw BackupFailure("backup_failed",
                            "the folder " + folder.string() + " does not exist; create it first");
    }

    const fs::path temporaryFile = fs::path(target).concat(".tmp");
    {
        const FileDescriptor created(
            ::open(temporaryFile.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        if (created.get() < 0 && errno == EEXIST) {
            throw BackupFailure("backup_failed", temporaryFile.string() +
                                                     " exists: another backup to the same file "
                                                     "is running, or one was interrupted; if none "
                                                     "is running, delete it and try again");
        }
        if (created.get() < 0)
            failOnFile("cannot create", temporaryFile);
    }
    TemporaryCopy copy(temporaryFile);
    copy.removeSideFiles();  // an interrupted run's journal would be replayed into the new file

    int pages = 0;
    {
        // Read-only: taking a backup must not change the live database, not even its journal mode.
        const Connection from = openConnection(source, SQLITE_OPEN_READONLY, "the database");
        const Connection to = openConnection(copy.file(), SQLITE_OPEN_READWRITE, "the backup");
        pages = copyPages(from.get(), to.get());
        checkIntegrity(to.get());
        // The copy inherits WAL mode from its source; a backup is better one self-contained file
        // that opens even on read-only media, so it goes back to a rollback journal.
        if (queryText(to.get(), "PRAGMA journal_mode = DELETE") != "delete") {
            throw BackupFailure("backup_failed",
                                "cannot switch the copy to a self-contained file; check the free "
                                "space in " +
                                    folder.string());
        }
    }  // closing the copy's connection flushes everything into the one file

    syncFile(copy.file(), O_RDONLY);
    moveIntoPlace(copy.file(), target);
    copy.keep();
    syncFile(folder, O_RDONLY | O_DIRECTORY);  // makes the rename itself survive a power cut
    return BackupInfo{target, static_cast<std::int64_t>(fs::file_size(target)), pages};
}

}  // namespace

duban::Result<BackupInfo> backupDatabase(const std::filesystem::path& source,
                                         const std::filesystem::path& target) {
    const std::string context = "Backup of " + source.string() + " to " + target.string();
    try {
        return runBackup(source, target);
    } catch (const BackupFailure& e) {
        return makeError(e.code(), context + " failed: " + e.what());
    } catch (const DatabaseError& e) {
        return makeError("backup_failed", context + " failed: " + e.what() +
                                              "; check that the file is a Duban database and "
                                              "that the target folder has free space");
    } catch (const fs::filesystem_error& e) {
        return makeError("backup_failed", context + " failed: " + e.what());
    } catch (const std::bad_alloc&) {
        return makeError("backup_failed", context + " failed: out of memory");
    }
}

}  // namespace duban::server
