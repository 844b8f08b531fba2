// The to-do home's rules (core/rules/todo): each role's sections, this month's deadline and the
// days left at its edges, the month a supervisor chases, and what the badge counts.
#include <gtest/gtest.h>

#include "core/rules/todo.h"

namespace duban {
namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(TodoRules, EachRoleHasItsOwnSections) {
    using S = TodoSection;
    EXPECT_EQ(todoSectionsFor(Role::field),
              (std::vector<S>{S::returned, S::report_due, S::letters, S::drafts, S::inbox}));
    const auto enterprise = todoSectionsFor(Role::enterprise);
    ASSERT_FALSE(enterprise.empty());
    EXPECT_EQ(enterprise.front(), S::to_confirm) << "what waits on the enterprise comes first";
    EXPECT_EQ(todoSectionsFor(Role::supervisor),
              (std::vector<S>{S::queue, S::late_units, S::proposals, S::inbox}));
    EXPECT_EQ(todoSectionsFor(Role::admin), std::vector<S>{S::inbox});
}

TEST(TodoRules, SectionsHaveTheirNames) {
    EXPECT_EQ(toString(TodoSection::to_confirm), "to_confirm");
    EXPECT_EQ(toString(TodoSection::report_due), "report_due");
    EXPECT_EQ(toString(TodoSection::proposals), "proposals");
}

TEST(TodoRules, TheDeadlineIsThe23rdAndTheDueDayItselfIsNotLate) {
    const ReportDeadline early = reportDeadline(day(2026, 12, 8));
    EXPECT_EQ(early.period, (Period{2026, 12}));
    EXPECT_EQ(early.due, day(2026, 12, 23));
    EXPECT_EQ(early.daysLeft, 15);
    EXPECT_FALSE(early.overdue());

    const ReportDeadline dueDay = reportDeadline(day(2026, 12, 23));
    EXPECT_EQ(dueDay.daysLeft, 0);
    EXPECT_FALSE(dueDay.overdue());

    const ReportDeadline after = reportDeadline(day(2026, 12, 24));
    EXPECT_EQ(after.daysLeft, -1);
    EXPECT_TRUE(after.overdue());
}

TEST(TodoRules, TheChasedMonthIsThisOneOnlyOnceItsDueDayHasPassed) {
    EXPECT_EQ(lateCheckPeriod(day(2026, 12, 23)), (Period{2026, 11}));
    EXPECT_EQ(lateCheckPeriod(day(2026, 12, 24)), (Period{2026, 12}));
    EXPECT_EQ(lateCheckPeriod(day(2027, 1, 5)), (Period{2026, 12}));
}

TEST(TodoRules, TheBadgeCountsWhatWaitsOnTheUserAndTheMonthsReportsOnlyNearTheDeadline) {
    TodoCounts counts;
    counts[TodoSection::queue] = 3;
    counts[TodoSection::late_units] = 7;
    counts[TodoSection::proposals] = 200;
    counts[TodoSection::inbox] = 1;
    counts[TodoSection::returned] = 2;
    counts[TodoSection::report_due] = 10;
    const ReportDeadline early = reportDeadline(day(2026, 12, 15));  // 8 days left
    const ReportDeadline near = reportDeadline(day(2026, 12, 16));   // 7 days left
    const ReportDeadline late = reportDeadline(day(2026, 12, 28));
    EXPECT_EQ(todoBadgeCount(Role::supervisor, counts, near), 4) << "queue and inbox";
    EXPECT_EQ(todoBadgeCount(Role::field, counts, early), 3) << "returned and inbox";
    EXPECT_EQ(todoBadgeCount(Role::field, counts, near), 13);
    EXPECT_EQ(todoBadgeCount(Role::field, counts, late), 13);
    EXPECT_EQ(todoBadgeCount(Role::admin, counts, near), 1);
}

}  // namespace
}  // namespace duban
