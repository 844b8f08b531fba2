// The dispatch rules alone: the due day, the best of a month's reports, the rate, and a work
// task's targets — which one a month follows and its status at the exact thresholds.
#include <gtest/gtest.h>

#include "core/rules/dispatch.h"

namespace duban {
namespace {

using std::chrono::day;
using std::chrono::year;
Date on(int y, unsigned m, unsigned d) {
    return Date{year{y}, std::chrono::month{m}, day{d}};
}
MonthReportFact fact(RecordState state, std::optional<Date> submitted = std::nullopt) {
    return MonthReportFact{state, submitted};
}

TEST(DispatchRules, TheDueDayIsTheTwentyThirdAndItCounts) {
    const Period june{2022, 6};
    EXPECT_EQ(reportDueDate(june), on(2022, 6, 23));
    EXPECT_EQ(reportDueDate(Period{2022, 2}, 30), on(2022, 2, 28)) << "never past the month";
    EXPECT_EQ(
        monthReportStatus({fact(RecordState::submitted, on(2022, 6, 23))}, june, on(2022, 7, 1)),
        MonthReportStatus::on_time);
    EXPECT_EQ(
        monthReportStatus({fact(RecordState::approved, on(2022, 6, 24))}, june, on(2022, 7, 1)),
        MonthReportStatus::late);
    EXPECT_EQ(monthReportStatus({}, june, on(2022, 6, 23)), MonthReportStatus::not_yet_due);
    EXPECT_EQ(monthReportStatus({}, june, on(2022, 6, 24)), MonthReportStatus::missing);
    EXPECT_EQ(monthReportStatus({fact(RecordState::draft)}, june, on(2022, 6, 24)),
              MonthReportStatus::missing)
        << "a draft is not a report";
}

TEST(DispatchRules, TheBestOfTheMonthsReportsCounts) {
    const Period june{2022, 6};
    const Date later = on(2022, 7, 5);
    EXPECT_EQ(monthReportStatus(
                  {fact(RecordState::returned), fact(RecordState::confirmed, on(2022, 6, 10))},
                  june, later),
              MonthReportStatus::on_time);
    EXPECT_EQ(monthReportStatus(
                  {fact(RecordState::returned), fact(RecordState::submitted, on(2022, 6, 30))},
                  june, later),
              MonthReportStatus::late);
    EXPECT_EQ(
        monthReportStatus({fact(RecordState::returned), fact(RecordState::draft)}, june, later),
        MonthReportStatus::returned);
}

TEST(DispatchRules, CompletionRateNeedsAPlan) {
    EXPECT_EQ(completionRate(50, 200), 25.0);
    EXPECT_EQ(completionRate(300, 200), 150.0) << "more than planned is shown as it is";
    EXPECT_EQ(completionRate(50, std::nullopt), std::nullopt);
    EXPECT_EQ(completionRate(50, 0), std::nullopt);
    EXPECT_EQ(statusName(MonthReportStatus::missing), "未报送");
}

TEST(TargetRules, TheImportersTitleNamesTheTargetsPeriod) {
    const Date yearEnd = on(2022, 12, 31);
    EXPECT_EQ(
        targetPeriodOf("2022年第二季度：湘商回湘投资项目实际到位资金(亿元): 1.5", on(2022, 6, 30)),
        (TargetPeriod{2022, 2}));
    EXPECT_EQ(targetPeriodOf("2022年第四季度：新注册企业(家): 0", yearEnd), (TargetPeriod{2022, 4}))
        << "due on 31 December, but the title says the fourth quarter";
    EXPECT_EQ(targetPeriodOf("2022年：湘商回湘投资项目实际到位资金(亿元) 总任务数: 4", yearEnd),
              (TargetPeriod{2022, 0}));
    EXPECT_EQ(targetPeriodOf("2025年：每年培育2家规模以上工业企业。", on(2025, 12, 31)),
              (TargetPeriod{2025, 0}));
    EXPECT_EQ(targetPeriodOf("2022年8月：完成签约", on(2022, 8, 31)), (TargetPeriod{2022, 3}))
        << "a month's target belongs to its quarter";
    // No prefix (added by hand): the year when due on 31 December, else the due date's quarter.
    EXPECT_EQ(targetPeriodOf("主体完工", yearEnd), (TargetPeriod{2022, 0}));
    EXPECT_EQ(targetPeriodOf("主体完工", on(2022, 7, 1)), (TargetPeriod{2022, 3}));
    EXPECT_EQ(targetPeriodOf("2022年13月：不是月份", on(2022, 5, 2)), (TargetPeriod{2022, 2}));
    EXPECT_EQ(targetPeriodOf("二〇二二年：", on(2022, 3, 31)), (TargetPeriod{2022, 1}));

    EXPECT_EQ((TargetPeriod{2022, 2}).firstDay(), on(2022, 4, 1));
    EXPECT_EQ((TargetPeriod{2022, 2}).lastDay(), on(2022, 6, 30));
    EXPECT_EQ((TargetPeriod{2022, 0}).firstDay(), on(2022, 1, 1));
    EXPECT_EQ((TargetPeriod{2022, 0}).lastDay(), yearEnd);
    EXPECT_EQ(quarterOf(3), 1u);
    EXPECT_EQ(quarterOf(4), 2u);
    EXPECT_EQ(quarterOf(12), 4u);
}

TEST(TargetRules, TheMonthFollowsItsQuartersTargetElseTheYears) {
    // 湘商回湘's order: the year's two measures each followed by their quarters.
    const std::vector<TargetPeriod> xiangshang = {{2022, 0}, {2022, 2}, {2022, 3}, {2022, 4},
                                                  {2022, 0}, {2022, 2}, {2022, 3}, {2022, 4}};
    TargetChoice june = chooseTargets(xiangshang, Period{2022, 6});
    EXPECT_EQ(june.current, 1u);
    EXPECT_EQ(june.year, 0u);
    EXPECT_EQ(june.inPeriod, 2) << "two measures this quarter; the first is shown";
    TargetChoice march = chooseTargets(xiangshang, Period{2022, 3});
    EXPECT_EQ(march.current, 0u) << "no first-quarter target: the year's";
    EXPECT_EQ(march.inPeriod, 2);
    EXPECT_EQ(chooseTargets(xiangshang, Period{2022, 10}).current, 3u);

    // 企业上市: one target a year, 2022 to 2025.
    const std::vector<TargetPeriod> listing = {{2022, 0}, {2023, 0}, {2024, 0}, {2025, 0}};
    EXPECT_EQ(chooseTargets(listing, Period{2023, 5}).current, 1u);
    EXPECT_EQ(chooseTargets(listing, Period{2023, 5}).year, 1u);
    const TargetChoice none = chooseTargets(listing, Period{2021, 12});
    EXPECT_FALSE(none.current);
    EXPECT_FALSE(none.year);
    EXPECT_EQ(none.inPeriod, 0);
    EXPECT_FALSE(chooseTargets({}, Period{2022, 6}).current);
}

TEST(TargetRules, StatusAtItsThresholds) {
    // The second quarter: 1 April to 30 June, 91 days; the margin 20 points.
    const TargetPeriod q2{2022, 2};
    const auto status = [&](std::optional<int> percent, const Date& day, bool achieved = false) {
        return targetStatus(TargetFact{q2, on(2022, 6, 30), achieved, percent}, day);
    };
    const Date dueDay = on(2022, 6, 30);
    EXPECT_EQ(targetStatus(std::nullopt, dueDay), TargetStatus::no_target);
    EXPECT_EQ(status(100, on(2022, 7, 1), true), TargetStatus::achieved);
    EXPECT_EQ(status(std::nullopt, on(2022, 9, 1), true), TargetStatus::achieved);

    // The due day: all the time gone (100%): 80% + 20 is not below it; 79% is.
    EXPECT_EQ(status(80, dueDay), TargetStatus::on_track);
    EXPECT_EQ(status(79, dueDay), TargetStatus::behind);
    // The day after: past due, and not achieved, whatever was reported.
    EXPECT_EQ(status(100, on(2022, 7, 1)), TargetStatus::behind);

    // 91 × 20 / 100 = 18.2 days: through 18 April (18 days gone) nothing reported is within the
    // margin — not started; from 19 April (19 days) it is behind.
    EXPECT_EQ(status(std::nullopt, on(2022, 4, 18)), TargetStatus::not_started);
    EXPECT_EQ(status(std::nullopt, on(2022, 4, 19)), TargetStatus::behind);
    EXPECT_EQ(status(0, on(2022, 4, 18)), TargetStatus::not_started) << "0% is no progress";
    EXPECT_EQ(status(1, on(2022, 4, 18)), TargetStatus::on_track);
    // 31 May: 61 of 91 days gone (67.03%): 48% + 20 = 68 ≥ 67.03 is on track, 47% is behind.
    EXPECT_EQ(status(48, on(2022, 5, 31)), TargetStatus::on_track);
    EXPECT_EQ(status(47, on(2022, 5, 31)), TargetStatus::behind);
    // Before the period (a later month's board read early): no time gone.
    EXPECT_EQ(status(std::nullopt, on(2022, 3, 20)), TargetStatus::not_started);
    // A wider margin is a setting.
    EXPECT_EQ(targetStatus(TargetFact{q2, dueDay, false, 50}, dueDay, 50), TargetStatus::on_track);

    // The whole year: 365 days, 30% + 20 = 50 on track while no more than half is gone: on
    // 1 July 182 days (49.9%), on 2 July 183 (50.1%).
    const TargetFact year{TargetPeriod{2022, 0}, on(2022, 12, 31), false, 30};
    EXPECT_EQ(targetStatus(year, on(2022, 7, 1)), TargetStatus::on_track);
    EXPECT_EQ(targetStatus(year, on(2022, 7, 2)), TargetStatus::behind);

    EXPECT_EQ(statusName(TargetStatus::behind), "滞后");
    EXPECT_EQ(statusName(TargetStatus::not_started), "未开始");
    EXPECT_EQ(toString(TargetStatus::on_track), "on_track");
}

TEST(TargetRules, AMonthIsJudgedOnTheDayReadButNotAfterItsEnd) {
    EXPECT_EQ(targetJudgedOn(Period{2022, 6}, on(2022, 6, 15)), on(2022, 6, 15));
    EXPECT_EQ(targetJudgedOn(Period{2022, 6}, on(2022, 8, 2)), on(2022, 6, 30));
}

}  // namespace
}  // namespace duban
