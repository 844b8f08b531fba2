// Backups taken while the server writes: the copy must be one consistent snapshot. The invariant
// checked is one a torn copy breaks — every transaction adds a row to `a` and its twin to `b`.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "core/store/database.h"
#include "server/db/backup.h"
#include "tests/support/test_store.h"

namespace duban::server {
namespace {

namespace fs = std::filesystem;

using test::TempDir;  // a folder made for the test, removed after it

std::int64_t count(const Database& db, const char* sql) {
    Statement statement = db.prepare(sql);
    statement.step();
    return statement.int64(0);
}

// A row in `a` and its twin in `b`, with enough payload to span many pages.
void insertRows(const Database& db, std::int64_t n) {
    const std::string payload(600, static_cast<char>('a' + n % 26));
    db.prepare("INSERT INTO a(n, payload) VALUES (?1, ?2)").bindAll(n, payload).run();
    db.prepare("INSERT INTO b(n, payload) VALUES (?1, ?2)").bindAll(n, payload).run();
}

void insertPair(const Database& db, std::int64_t n) {
    Transaction transaction(db);
    insertRows(db, n);
    transaction.commit();
}

Database makeSource(const fs::path& file, std::int64_t rows) {
    Database db = Database::open(file);
    db.execute(
        "CREATE TABLE a(n INTEGER PRIMARY KEY, payload TEXT NOT NULL);"
        "CREATE TABLE b(n INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
    Transaction transaction(db);  // one commit: synchronous=FULL makes each one an fsync
    for (std::int64_t n = 1; n <= rows; ++n)
        insertRows(db, n);
    transaction.commit();
    return db;
}

// Keeps committing pairs on its own connection until stopped, as the server's handlers would.
class Writer {
public:
    Writer(fs::path file, std::int64_t firstRow)
        : m_thread([this, file = std::move(file), firstRow] {
              try {
                  const Database db = Database::open(file);
                  for (std::int64_t n = firstRow; !m_stop; ++n) {
                      insertPair(db, n);
                      ++m_commits;
                  }
              } catch (const DatabaseError& e) {
                  m_failed = true;
                  ADD_FAILURE() << "the writer failed: " << e.what();
              }
          }) {}
    ~Writer() { stop(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    void stop() {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    void waitForCommits(int n) const {
        while (m_commits < n && !m_failed)
            std::this_thread::yield();
    }
    [[nodiscard]] int commits() const { return m_commits; }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_failed{false};
    std::atomic<int> m_commits{0};
    std::thread m_thread;  // last: starts after the flags exist
};

// Checks one backup: it opens, passes integrity_check, and holds whole transactions only.
void expectConsistentCopy(const fs::path& file, std::int64_t atLeast) {
    const Database copy = Database::open(file);
    Statement check = copy.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    const std::int64_t rowsA = count(copy, "SELECT count(*) FROM a");
    EXPECT_GE(rowsA, atLeast);
    EXPECT_EQ(count(copy, "SELECT count(*) FROM b"), rowsA)
        << "a torn copy: a transaction's rows are half in it";
    EXPECT_EQ(count(copy, "SELECT count(*) FROM a JOIN b USING (n)"), rowsA);
}

TEST(Backup, CopiesOneConsistentSnapshotWhileAWriterCommits) {
    TempDir dir;
    const fs::path source = dir.file("duban.db");
    const Database live = makeSource(source, 3000);  // ~4 MB: several 256-page steps
    constexpr int kWarmUp = 20;
    Writer writer(source, 100000);
    writer.waitForCommits(kWarmUp);  // the writer is running before the backup starts

    // A loaded machine may run one whole backup between two commits; a few tries make sure at
    // least one backup really overlapped with writes. Every one of them must be consistent.
    bool overlapped = false;
    for (int attempt = 0; attempt < 5 && !overlapped; ++attempt) {
        const fs::path target = dir.file("backup-" + std::to_string(attempt) + ".db");
        const int commitsBefore = writer.commits();
        auto result = backupDatabase(source, target);
        overlapped = writer.commits() > commitsBefore;
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_EQ(result->file, target);
        EXPECT_EQ(result->bytes, static_cast<std::int64_t>(fs::file_size(target)));
        EXPECT_GT(result->pages, 256 * 3);
        expectConsistentCopy(target, 3000 + kWarmUp);
    }
    writer.waitForCommits(writer.commits() + kWarmUp);  // and it is still running after
    writer.stop();
    EXPECT_TRUE(overlapped) << "no commit overlapped a backup; the test proved little";
    EXPECT_GT(count(live, "SELECT count(*) FROM a"), 3000 + kWarmUp);
}

TEST(Backup, IsOnePrivateSelfContainedFileAndLeavesNothingBehind) {
    TempDir dir;
    const fs::path source = dir.file("duban.db");
    const Database live = makeSource(source, 50);
    const fs::path target = dir.file("backup.db");
    auto result = backupDatabase(source, target);
    ASSERT_TRUE(result.ok()) << result.error().message;

    struct stat info {};
    ASSERT_EQ(::stat(target.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0600U) << "a backup holds password hashes";
    for (const char* suffix : {".tmp", "-wal", "-shm", "-journal", ".tmp-journal"})
        EXPECT_FALSE(fs::exists(fs::path(target).concat(suffix))) << suffix;
    // Header bytes 18 and 19 are 1 for a rollback-journal file, 2 for WAL.
    std::ifstream in(target, std::ios::binary);
    char header[20] = {};
    in.read(header, sizeof header);
    EXPECT_EQ(header[18], 1);
    EXPECT_EQ(header[19], 1);
    // The live database stays in WAL mode: the backup changed nothing about it.
    Statement mode = live.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
}

TEST(Backup, RefusesToOverwriteAnExistingTarget) {
    TempDir dir;
    const fs::path source = dir.file("duban.db");
    const Database live = makeSource(source, 10);
    const fs::path target = dir.file("backup.db");
    std::ofstream(target) << "yesterday's backup";

    auto result = backupDatabase(source, target);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "backup_target_exists");
    EXPECT_NE(result.error().message.find("already exists"), std::string::npos);
    std::ifstream in(target);
    std::string content;
    std::getline(in, content);
    EXPECT_EQ(content, "yesterday's backup");
    EXPECT_FALSE(fs::exists(fs::path(target).concat(".tmp")));
}

TEST(Backup, MissingSourceGivesAClearErrorAndCreatesNothing) {
    TempDir dir;
    const fs::path source = dir.file("nowhere.db");
    auto result = backupDatabase(source, dir.file("backup.db"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "backup_source_missing");
    EXPECT_NE(result.error().message.find("nowhere.db"), std::string::npos);
    EXPECT_FALSE(fs::exists(source));
    EXPECT_FALSE(fs::exists(dir.file("backup.db")));
    EXPECT_FALSE(fs::exists(dir.file("backup.db.tmp")));
}

TEST(Backup, AStaleTemporaryFileIsReportedNotClobbered) {
    TempDir dir;
    const fs::path source = dir.file("duban.db");
    const Database live = makeSource(source, 10);
    std::ofstream(dir.file("backup.db.tmp")) << "another backup in progress";

    auto result = backupDatabase(source, dir.file("backup.db"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "backup_failed");
    EXPECT_NE(result.error().message.find("backup.db.tmp"), std::string::npos);
    EXPECT_TRUE(fs::exists(dir.file("backup.db.tmp")));
    EXPECT_FALSE(fs::exists(dir.file("backup.db")));
}

TEST(Backup, NotADatabaseFailsAndLeavesNoBackup) {
    TempDir dir;
    const fs::path source = dir.file("notes.txt");
    std::ofstream(source) << std::string(8192, 'x');
    auto result = backupDatabase(source, dir.file("backup.db"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "backup_failed");
    EXPECT_FALSE(fs::exists(dir.file("backup.db")));
    EXPECT_FALSE(fs::exists(dir.file("backup.db.tmp")));
}

}  // namespace
}  // namespace duban::server
