// Sync on a worker thread while the user keeps editing, as the app runs it: the worker's engine
// and the UI each hold their own connection to the same store file (SQLite WAL: one writer at a
// time, readers never blocked). Every edit made during the runs reaches the server, once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/sync_device.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

namespace duban::test {
namespace {

constexpr const char* kProjectCode = "key_projects_2022#1";  // 市科工信局 responsible (酒鬼酒)

TEST(SyncWorkerTest, EditsMadeWhileAWorkerSyncsAllReachTheServerOnce) {
    TestServer server;
    server.createUser("worker-field", Role::field, "市科工信局");
    Device device(server, "worker-field");
    device.sync();
    const std::string project = device.projectId(kProjectCode);
    ASSERT_FALSE(project.empty());

    ManualClock clock{kJuly1st2022};
    auto opened = LocalStore::open(device.storeFile(), clock, device.deviceId());
    ASSERT_TRUE(opened);
    LocalStore& ui = *opened.value();

    std::atomic<int> runs{0};
    std::vector<std::string> failures;
    // A jthread stops and joins on every way out of the test, a failed assertion included.
    std::jthread worker([&](const std::stop_token& stop) {
        while (!stop.stop_requested()) {
            auto run = device.trySync();
            if (!run)
                failures.push_back(run.error().code + ": " + run.error().message);
            ++runs;
        }
    });
    // Edit until the worker has run several times (at least 30 reports, at most 1,000).
    std::vector<ProgressReport> saved;
    for (int i = 0; i < 1000 && (i < 30 || runs.load() < 5); ++i) {
        ProgressReport report;
        report.projectId = project;
        report.period = "2022-06";
        report.percentComplete = i % 50;
        report.narrative = "第" + std::to_string(i) + "次填报";
        auto created = ui.saveReport(device.actor(), report);
        ASSERT_TRUE(created) << created.error().message;
        ProgressReport edited = created.value();
        edited.percentComplete =
            i % 50 + 50;  // edited again, maybe after the worker sent the create
        auto again = ui.saveReport(device.actor(), edited);
        ASSERT_TRUE(again) << again.error().message;
        saved.push_back(again.value());
        // Faster than anyone types, but not a loop that holds the write lock back to back
        // (SQLite's busy handler would starve the worker: not a case a user can make).
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    worker.request_stop();
    worker.join();
    device.sync();

    EXPECT_TRUE(failures.empty()) << failures.front();
    EXPECT_GE(runs.load(), 5);
    EXPECT_EQ(ui.pendingCount(), 0);
    server.withDatabase([&](const Database& db) {
        for (const ProgressReport& report : saved) {
            Statement s =
                db.prepare("SELECT percent_complete, narrative FROM progress_report WHERE id = ?");
            s.bindAll(report.id);
            ASSERT_TRUE(s.step()) << report.narrative;
            EXPECT_EQ(s.int64(0), *report.percentComplete);
            EXPECT_EQ(s.text(1), report.narrative);
        }
        Statement count = db.prepare("SELECT count(*) FROM progress_report WHERE narrative LIKE ?");
        count.bindAll("第%次填报");
        count.step();
        EXPECT_EQ(count.int64(0), static_cast<std::int64_t>(saved.size()));
    });
    EXPECT_EQ(device.count("SELECT count(*) FROM inbox"), 0);
}

}  // namespace
}  // namespace duban::test
