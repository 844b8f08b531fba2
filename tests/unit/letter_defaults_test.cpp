// A new letter's defaults: the deadline two weeks on, and reports required from this month — on
// Beijing's calendar, across a month's and a year's end.
#include <gtest/gtest.h>

#include "core/rules/letter_defaults.h"

namespace duban {
namespace {

Date on(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(LetterDefaults, TheDeadlineToCorrectIsTwoWeeksOn) {
    EXPECT_EQ(defaultCorrectBy(on(2022, 6, 27)), on(2022, 7, 11));
    EXPECT_EQ(defaultCorrectBy(on(2022, 12, 25)), on(2023, 1, 8)) << "across the year's end";
    EXPECT_EQ(defaultCorrectBy(on(2024, 2, 20)), on(2024, 3, 5)) << "a leap February";
    EXPECT_EQ(daysBetween(on(2022, 6, 1), defaultCorrectBy(on(2022, 6, 1))), kLetterCorrectionDays);
}

TEST(LetterDefaults, ReportsAreRequiredFromTheMonthOfToday) {
    EXPECT_EQ(defaultFirstReportPeriod(on(2022, 6, 30)).toString(), "2022-06");
    EXPECT_EQ(defaultFirstReportPeriod(on(2022, 7, 1)).toString(), "2022-07");
}

TEST(LetterDefaults, TodayIsBeijingsDate) {
    // 2026-12-31T16:30Z is already 2027-01-01 00:30 in Beijing.
    const auto instant = parseInstant("2026-12-31T16:30:00Z");
    ASSERT_TRUE(instant);
    const Date today = dateAt(*instant);
    EXPECT_EQ(defaultFirstReportPeriod(today).toString(), "2027-01");
    EXPECT_EQ(formatDate(defaultCorrectBy(today)), "2027-01-15");
}

}  // namespace
}  // namespace duban
