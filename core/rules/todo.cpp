#include "core/rules/todo.h"

#include "core/rules/dispatch.h"

namespace duban {

std::string_view toString(TodoSection section) {
    static constexpr std::array<std::string_view, kTodoSectionCount> kNames{
        "to_confirm", "returned", "report_due", "letters",  "drafts",
        "inbox",      "queue",    "late_units", "proposals"};
    return kNames[static_cast<std::size_t>(section)];
}

std::vector<TodoSection> todoSectionsFor(Role role) {
    using S = TodoSection;
    switch (role) {
        case Role::field:
            return {S::returned, S::report_due, S::letters, S::drafts, S::inbox};
        case Role::enterprise:
            return {S::to_confirm, S::returned, S::report_due, S::letters, S::drafts, S::inbox};
        case Role::supervisor:
            return {S::queue, S::late_units, S::proposals, S::inbox};
        case Role::admin:
            return {S::inbox};
    }
    return {};
}

ReportDeadline reportDeadline(const Date& today, unsigned dueDay) {
    const Period period = periodOf(today);
    const Date due = reportDueDate(period, dueDay);
    return ReportDeadline{period, due, daysBetween(today, due)};
}

Period lateCheckPeriod(const Date& today, unsigned dueDay) {
    const Period period = periodOf(today);
    return today > reportDueDate(period, dueDay) ? period : period.previous();
}

int todoBadgeCount(Role role, const TodoCounts& counts, const ReportDeadline& deadline) {
    int total = 0;
    for (const TodoSection section : todoSectionsFor(role)) {
        if (section == TodoSection::late_units || section == TodoSection::proposals)
            continue;
        if (section == TodoSection::report_due && deadline.daysLeft > kReportsDueSoonDays)
            continue;
        total += counts[section];
    }
    return total;
}

}  // namespace duban
