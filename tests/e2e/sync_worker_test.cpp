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

// A progress bar sees each stored batch; a stop from the user ends the run at once and keeps what
// was stored; the next run starts afresh and finishes the rest.
TEST(SyncWorkerTest, ProgressCountsTheRunAndCancelStopsItKeepingWhatWasStored) {
    TestServer server;
    server.createUser("worker-cancel", Role::field, "市科工信局");
    Device device(server, "worker-cancel", 500, 2);  // two mutations per push
    device.sync();
    const std::string project = device.projectId(kProjectCode);
    std::vector<std::string> ids;
    for (int i = 0; i < 6; ++i)
        ids.push_back(device.newReport(project, 10 + i).id);

    std::vector<sync::SyncProgress> seen;
    device.engine().setProgressCallback([&](const sync::SyncProgress& progress) {
        seen.push_back(progress);
        if (progress.phase == sync::SyncPhase::push && progress.done == 2)
            device.engine().cancel();  // the user presses stop after the first batch
    });
    const auto stopped = device.trySync();
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().code, "cancelled");
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].done, 2);
    EXPECT_EQ(seen[0].total, 6);
    EXPECT_EQ(device.store().pendingCount(), 4);  // the first batch's results were stored

    seen.clear();
    device.engine().setProgressCallback(
        [&](const sync::SyncProgress& progress) { seen.push_back(progress); });
    const auto finished = device.trySync();
    ASSERT_TRUE(finished) << finished.error().message;
    EXPECT_EQ(device.store().pendingCount(), 0);
    std::vector<int> pushed;
    for (const sync::SyncProgress& progress : seen) {
        if (progress.phase == sync::SyncPhase::push) {
            pushed.push_back(progress.done);
            EXPECT_EQ(progress.total, 4);
        }
    }
    EXPECT_EQ(pushed, (std::vector<int>{2, 4}));
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back().phase, sync::SyncPhase::pull);
    EXPECT_GE(seen.back().done, 6);  // our six reports came back with their versions
    server.withDatabase([&](const Database& db) {
        for (const std::string& id : ids) {
            Statement s = db.prepare("SELECT count(*) FROM progress_report WHERE id = ?");
            s.bindAll(id);
            s.step();
            EXPECT_EQ(s.int64(0), 1);
        }
    });
}

}  // namespace
}  // namespace duban::test
