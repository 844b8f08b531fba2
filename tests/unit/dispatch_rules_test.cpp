// The dispatch rules alone: the due day, the best of a month's reports, the rate.
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

}  // namespace
}  // namespace duban
