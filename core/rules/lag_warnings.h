#pragma once
// Lag warnings (design.md §3, docs/warnings.md): the three escalating letters of the notice —
// 1 首次超前提醒函 (reminder), 2 二次限期预警函 (deadline warning), 3 三次滞后纠责函
// (accountability) — computed from plan vs reports. Supervisors issue them; this only proposes.
#include <optional>
#include <string>
#include <vector>

#include "core/domain/dates.h"
#include "core/domain/types.h"

namespace duban {

struct LagSettings {
    int reminderDaysBeforeDue = 30;  // level 1: a milestone due this soon with no recent progress
    int progressWindowDays = 30;     // "recent progress": a report submitted this many days back
    unsigned reportDueDay = 23;      // monthly reports are due before the 23rd (the notice)
    int escalationDays = 30;         // level 3: still overdue this long after the due date
    int missedReportsForLevel3 = 2;  // level 3: this many consecutive monthly reports missing
};

// A report as the rules see it. Drafts do not count: only what was submitted.
struct ReportFact {
    std::string period;  // YYYY-MM
    std::optional<std::string> milestoneId;
    std::string submittedOn;  // YYYY-MM-DD, local date of submission
};

struct MilestoneFact {
    std::string id;
    std::string dueDate;  // YYYY-MM-DD
    bool achieved = false;
};

struct ProjectFacts {
    std::vector<MilestoneFact> milestones;
    std::vector<ReportFact> reports;
    // First period whose report is required (supervision starts, e.g. the month after the
    // notice); no report is "missing" before it.
    std::string firstReportPeriod;  // YYYY-MM
};

enum class LagReason {
    milestone_due_soon,         // level 1
    milestone_overdue,          // level 2
    report_missing,             // level 2
    milestone_long_overdue,     // level 3
    reports_missing_repeatedly  // level 3
};

struct LagFinding {
    int level = 1;
    LagReason reason = LagReason::milestone_due_soon;
    std::optional<std::string> milestoneId;
    std::optional<std::string> period;  // for report findings
    int days = 0;                       // days to due (level 1) or overdue (2, 3)
};

[[nodiscard]] std::vector<LagFinding> assessLag(const ProjectFacts& facts, const Date& today,
                                                const LagSettings& settings = {});
// The project's level: the highest finding, 0 when none.
[[nodiscard]] int lagLevel(const std::vector<LagFinding>& findings);
[[nodiscard]] std::string_view toString(LagReason reason);
[[nodiscard]] std::optional<LagReason> parseLagReason(std::string_view text);
// The finding in words, as the letter states it: 里程碑“2022年5月开工”已逾期12天. `milestoneTitle`
// names the finding's milestone (unused for report findings).
[[nodiscard]] std::string lagReasonText(const LagFinding& finding,
                                        std::string_view milestoneTitle = {});

// 文号 of an issued letter: <prefix>〔<year>〕<n>号, numbered per year by the server
// (docs/decisions.md); a supervisor may give one instead.
inline constexpr std::string_view kLetterNumberPrefix = "吉发改督";
inline constexpr std::size_t kMaxLetterNumberChars = 40;
[[nodiscard]] std::string letterNumber(int year, int n);
// 提醒 / 预警 / 纠责, and the letter's name.
[[nodiscard]] std::string_view levelName(int level);
[[nodiscard]] std::string_view letterName(int level);

}  // namespace duban
