#pragma once
// The to-do home's rows (待办, core/rules/todo.h), read from the device's store: one query per
// section for its count and one for its first rows, each served by an index; never a whole table.
// The store holds only what the user may see, so only the rules of each section filter here.
#include <string>
#include <vector>

#include "core/rules/access.h"
#include "core/rules/todo.h"
#include "core/store/database.h"

namespace duban {

// One item of a section: what it is about, what it opens, and the words it shows.
struct TodoRow {
    TodoSection section = TodoSection::report_due;
    // What the row opens: project | progress_report | site_visit | warning | inbox | queue |
    // dispatch | proposals.
    std::string target;
    std::string targetId;  // the record, project, letter or inbox item; empty for a screen
    std::string projectId;
    std::string title;       // the project's name; a unit's name for late units
    std::string detail;      // the reviewer's reason, a narrative, a letter's reason, a message
    std::string who;         // the reviewer (returned) or the author (to confirm)
    std::string period;      // a report's month, YYYY-MM
    std::string at;          // ISO instant: returned, submitted, saved or issued
    std::string recordKind;  // progress_report | site_visit for record rows
    int count = 0;           // late units: projects whose report is missing
    int level = 0;           // letters and proposals: 1–3
    bool hasDraft = false;   // report due: the user has a draft for the month
};

struct TodoSectionRows {
    TodoSection section = TodoSection::report_due;
    int total = 0;
    std::vector<TodoRow> rows;  // the first `limit` of `total`
};

struct TodoHome {
    ReportDeadline deadline;  // this month's report
    Period latePeriod;        // the month whose missing reports late_units counts
    TodoCounts counts;
    std::vector<TodoSectionRows> sections;  // the role's, in todoSectionsFor's order
};

// The home for `actor` on `today`: each section's total and its first `limit` rows (a section
// in `expanded` up to `expandedLimit`).
[[nodiscard]] TodoHome readTodoHome(const Database& db, const Actor& actor, const Date& today,
                                    int limit, TodoSection expanded = TodoSection::report_due,
                                    int expandedLimit = 0);

// The sections one at a time (each: its rows, newest or most urgent first, and its count).
[[nodiscard]] TodoSectionRows readReportsDue(const Database& db, const Actor& actor,
                                             const Period& period, int limit);
[[nodiscard]] TodoSectionRows readReturned(const Database& db, const Actor& actor, int limit);
[[nodiscard]] TodoSectionRows readDrafts(const Database& db, const Actor& actor,
                                         const Period& period, int limit);
[[nodiscard]] TodoSectionRows readToConfirm(const Database& db, const Actor& actor, int limit);
[[nodiscard]] TodoSectionRows readLateUnits(const Database& db, const Period& period, int limit);

}  // namespace duban
