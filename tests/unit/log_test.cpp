// The logging facility of core and sync: lines reach the sink the program set, below the
// threshold nothing is written, and an empty sink restores the default.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/store/migrations.h"
#include "core/util/log.h"

namespace duban {
namespace {

struct Line {
    log::Level level;
    std::string category;
    std::string message;
};

class LogTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_previous = log::setSink(
            [this](log::Level level, std::string_view category, std::string_view message) {
                m_lines.push_back({level, std::string(category), std::string(message)});
            });
    }
    void TearDown() override {
        log::setSink(std::move(m_previous));
        log::setThreshold(log::Level::info);
    }

    std::vector<Line> m_lines;
    log::Sink m_previous;
};

const log::Category kTestLog{"duban.test"};

TEST_F(LogTest, ALineReachesTheSinkWithItsCategoryAndLevel) {
    log::warning(kTestLog, "outbox entry 7 refused: 审核意见不能为空");
    ASSERT_EQ(m_lines.size(), 1U);
    EXPECT_EQ(m_lines[0].level, log::Level::warning);
    EXPECT_EQ(m_lines[0].category, "duban.test");
    EXPECT_EQ(m_lines[0].message, "outbox entry 7 refused: 审核意见不能为空");
}

TEST_F(LogTest, LinesBelowTheThresholdAreNotWritten) {
    log::setThreshold(log::Level::warning);
    log::info(kTestLog, "pulled 2,000 records");
    log::debug(kTestLog, "page 3");
    log::error(kTestLog, "database is locked");
    ASSERT_EQ(m_lines.size(), 1U);
    EXPECT_EQ(m_lines[0].level, log::Level::error);
    EXPECT_FALSE(log::enabled(log::Level::info));
    EXPECT_TRUE(log::enabled(log::Level::warning));
}

TEST_F(LogTest, TheSinkCanBeReplacedAndTheOldOneIsHandedBack) {
    std::vector<std::string> other;
    log::Sink mine = log::setSink([&other](log::Level, std::string_view, std::string_view message) {
        other.emplace_back(message);
    });
    log::info(kTestLog, "to the second sink");
    log::setSink(std::move(mine));
    log::info(kTestLog, "to the first sink");
    EXPECT_EQ(other, std::vector<std::string>{"to the second sink"});
    ASSERT_EQ(m_lines.size(), 1U);
    EXPECT_EQ(m_lines[0].message, "to the first sink");
}

TEST_F(LogTest, AFailedMigrationIsLoggedWhereItIsCaught) {
    const Database db = Database::openInMemory();
    const Migration broken[] = {{1, "a table", "CREATE TABLE t (x INTEGER)"},
                                {2, "a typo", "CREATE TABEL u (y INTEGER)"}};
    const Status status = migrate(db, broken);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, "schema_migration_failed");
    ASSERT_EQ(m_lines.size(), 1U);
    EXPECT_EQ(m_lines[0].level, log::Level::error);
    EXPECT_EQ(m_lines[0].category, "duban.store.migrations");
    EXPECT_NE(m_lines[0].message.find("TABEL"), std::string::npos) << m_lines[0].message;
}

TEST(LogLevelTest, LevelsHaveReadableNames) {
    EXPECT_EQ(log::levelName(log::Level::debug), "debug");
    EXPECT_EQ(log::levelName(log::Level::warning), "warning");
    EXPECT_EQ(log::levelName(log::Level::error), "error");
}

}  // namespace
}  // namespace duban
