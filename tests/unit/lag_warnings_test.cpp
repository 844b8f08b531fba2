// Lag warnings at each boundary (docs/warnings.md): level 1 提醒, 2 预警, 3 纠责.
#include <gtest/gtest.h>

#include "core/rules/lag_warnings.h"

namespace duban {
namespace {

Date day(const char* iso) {
    return *parseDate(iso);
}

ProjectFacts oneMilestone(const char* due, bool achieved = false) {
    ProjectFacts f;
    f.milestones.push_back({"m1", due, achieved});
    return f;
}

struct Expect {
    int level;
    std::optional<LagReason> reason;
};

Expect assess(const ProjectFacts& facts, const char* today, const LagSettings& settings = {}) {
    const auto findings = assessLag(facts, day(today), settings);
    return {lagLevel(findings),
            findings.empty() ? std::nullopt : std::optional(findings.front().reason)};
}

TEST(LagWarnings, Level1StartsExactlyReminderDaysBeforeTheDueDate) {
    const ProjectFacts f = oneMilestone("2022-12-31");
    EXPECT_EQ(assess(f, "2022-11-30").level, 0);  // 31 days left
    EXPECT_EQ(assess(f, "2022-12-01").level, 1);  // 30 days left
    EXPECT_EQ(assess(f, "2022-12-01").reason, LagReason::milestone_due_soon);
    EXPECT_EQ(assess(f, "2022-12-31").level, 1);  // due today: not yet overdue
}

TEST(LagWarnings, RecentProgressSilencesTheReminder) {
    ProjectFacts f = oneMilestone("2022-12-31");
    f.reports.push_back({"2022-11", std::nullopt, "2022-11-20"});
    EXPECT_EQ(assess(f, "2022-12-10").level, 0);  // 20 days since the report
    EXPECT_EQ(assess(f, "2022-12-20").level, 0);  // 30 days: still recent
    EXPECT_EQ(assess(f, "2022-12-21").level, 1);  // 31 days: no longer
    // A report about another milestone is not progress on this one.
    ProjectFacts other = oneMilestone("2022-12-31");
    other.reports.push_back({"2022-12", std::string("m2"), "2022-12-05"});
    EXPECT_EQ(assess(other, "2022-12-10").level, 1);
}

TEST(LagWarnings, Level2TheDayAfterTheDueDateLevel3AfterTheEscalationPeriod) {
    const ProjectFacts f = oneMilestone("2022-12-31");
    EXPECT_EQ(assess(f, "2023-01-01").level, 2);
    EXPECT_EQ(assess(f, "2023-01-01").reason, LagReason::milestone_overdue);
    EXPECT_EQ(assess(f, "2023-01-30").level, 2);  // 30 days overdue
    EXPECT_EQ(assess(f, "2023-01-31").level, 3);  // 31 days overdue
    EXPECT_EQ(assess(f, "2023-01-31").reason, LagReason::milestone_long_overdue);
}

TEST(LagWarnings, AchievedMilestonesRaiseNothing) {
    EXPECT_EQ(assess(oneMilestone("2022-12-31", true), "2023-06-01").level, 0);
}

TEST(LagWarnings, ThresholdsAreSettings) {
    LagSettings s;
    s.reminderDaysBeforeDue = 10;
    s.escalationDays = 5;
    const ProjectFacts f = oneMilestone("2022-12-31");
    EXPECT_EQ(assess(f, "2022-12-20", s).level, 0);
    EXPECT_EQ(assess(f, "2022-12-21", s).level, 1);
    EXPECT_EQ(assess(f, "2023-01-05", s).level, 2);
    EXPECT_EQ(assess(f, "2023-01-06", s).level, 3);
}

TEST(LagWarnings, AMonthlyReportIsMissingFromThe24th) {
    ProjectFacts f;
    f.firstReportPeriod = "2022-06";
    EXPECT_EQ(assess(f, "2022-06-23").level, 0);  // due by the end of the 23rd
    const auto findings = assessLag(f, day("2022-06-24"));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, 2);
    EXPECT_EQ(findings[0].reason, LagReason::report_missing);
    EXPECT_EQ(findings[0].period, "2022-06");
    EXPECT_EQ(findings[0].days, 1);
}

TEST(LagWarnings, TwoMissedMonthsAreLevel3AndAReportEndsTheRun) {
    ProjectFacts f;
    f.firstReportPeriod = "2022-06";
    EXPECT_EQ(assess(f, "2022-07-23").level, 2);  // only June is overdue
    EXPECT_EQ(assess(f, "2022-07-24").level, 3);  // June and July
    EXPECT_EQ(assess(f, "2022-07-24").reason, LagReason::reports_missing_repeatedly);
    f.reports.push_back({"2022-06", std::nullopt, "2022-06-30"});  // late, but filed
    EXPECT_EQ(assess(f, "2022-07-24").level, 2);
    f.reports.push_back({"2022-07", std::nullopt, "2022-07-20"});
    EXPECT_EQ(assess(f, "2022-07-24").level, 0);
}

TEST(LagWarnings, NoReportIsMissingBeforeSupervisionStarts) {
    ProjectFacts f;
    f.firstReportPeriod = "2022-06";
    EXPECT_EQ(assess(f, "2022-05-30").level, 0);
    f.firstReportPeriod.clear();
    EXPECT_EQ(assess(f, "2022-09-30").level, 0);
}

TEST(LagWarnings, TheProjectLevelIsTheHighestFinding) {
    ProjectFacts f = oneMilestone("2022-12-31");
    f.milestones.push_back({"m2", "2022-10-31", false});
    f.firstReportPeriod = "2022-12";
    const auto findings = assessLag(f, day("2022-12-24"));
    EXPECT_EQ(findings.size(), 3u);  // due soon, long overdue, December's report missing
    EXPECT_EQ(lagLevel(findings), 3);
    EXPECT_EQ(levelName(3), "纠责");
    EXPECT_EQ(letterName(1), "首次超前提醒函");
}

TEST(LagWarnings, TheReasonIsWrittenInChineseFromTheFinding) {
    LagFinding overdue{2, LagReason::milestone_overdue, "m1", std::nullopt, 12};
    EXPECT_EQ(lagReasonText(overdue, "2022年5月开工"), "里程碑“2022年5月开工”已逾期12天");
    LagFinding missing{2, LagReason::report_missing, std::nullopt, "2022-06", 3};
    EXPECT_EQ(lagReasonText(missing), "2022年6月进展情况未按时报送，已逾期3天");
    for (LagReason r :
         {LagReason::milestone_due_soon, LagReason::milestone_overdue, LagReason::report_missing,
          LagReason::milestone_long_overdue, LagReason::reports_missing_repeatedly}) {
        EXPECT_EQ(parseLagReason(toString(r)), r);
    }
    EXPECT_FALSE(parseLagReason("late"));
    EXPECT_EQ(letterNumber(2022, 12), "吉发改督〔2022〕12号");
}

}  // namespace
}  // namespace duban
