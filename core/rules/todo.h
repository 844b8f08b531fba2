#pragma once
// What is someone's to do (待办, the app's home, docs/app.md): which sections a role's home has,
// this month's report deadline with the days left, the month whose lateness a supervisor follows,
// and the one number a badge shows. Pure rules over plain values; core/store/todo reads the rows.
#include <array>
#include <string_view>
#include <vector>

#include "core/domain/dates.h"
#include "core/domain/types.h"

namespace duban {

// In the order a home shows them: what is late or waits on the user first.
enum class TodoSection {
    to_confirm,  // enterprise: reports on its projects waiting for its confirmation (待确认)
    returned,    // the user's records sent back, with the reviewer's reason
    report_due,  // the month's reports the user's unit has not filed yet
    letters,     // warning letters to the user's unit not acknowledged yet
    drafts,      // the user's drafts not submitted
    inbox,       // changes the server refused or that lost to a later edit
    queue,       // supervisor: records waiting for a decision
    late_units,  // supervisor: units whose reports for the followed month are missing
    proposals,   // supervisor: letters the findings propose and none answers yet
};
inline constexpr int kTodoSectionCount = 9;

// "to_confirm", "report_due", … (the app's section names).
[[nodiscard]] std::string_view toString(TodoSection section);

// The sections a role's home has (an admin's: the inbox only).
[[nodiscard]] std::vector<TodoSection> todoSectionsFor(Role role);

// This month's report (每月23日前报送): the period, its last on-time day, and the days from
// `today` to it — 0 on the due day itself, negative once it has passed.
struct ReportDeadline {
    Period period;
    Date due;
    int daysLeft = 0;
    [[nodiscard]] bool overdue() const { return daysLeft < 0; }
};
[[nodiscard]] ReportDeadline reportDeadline(const Date& today, unsigned dueDay = 23);

// The month whose missing reports a supervisor chases: this month once its due day has passed,
// else the month before (whose due day has).
[[nodiscard]] Period lateCheckPeriod(const Date& today, unsigned dueDay = 23);

// How many items each section holds.
struct TodoCounts {
    std::array<int, kTodoSectionCount> bySection{};
    [[nodiscard]] int& operator[](TodoSection s) { return bySection[static_cast<int>(s)]; }
    [[nodiscard]] int operator[](TodoSection s) const { return bySection[static_cast<int>(s)]; }
};

// From how many days before the 23rd the month's reports count on the badge: before that they
// are listed, but a unit with a hundred tasks would show "99+" all month.
inline constexpr int kReportsDueSoonDays = 7;

// The home's badge: what waits on the user — records to confirm, returned, letters, drafts,
// refused changes, the queue; the month's reports once their deadline is near or past. Not the
// late units (a view of the month: the board's) nor the proposals (findings to weigh, counted on
// the letters' own button).
[[nodiscard]] int todoBadgeCount(Role role, const TodoCounts& counts,
                                 const ReportDeadline& deadline);

}  // namespace duban
