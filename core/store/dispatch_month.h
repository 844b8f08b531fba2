#pragma once
// The month on the supervisor's dispatch board (月调度, docs/dispatch.md), read from the store:
// every project (or work task) with its report status for the month, investment completed this
// year through the month against the annual plan, the latest 形象进度 and 存在问题, milestones
// due and overdue, the warning level issued, and for work tasks the target the month follows and
// the progress reported toward it; grouped with totals that add up. A handful of
// queries for the whole month (one per kind of fact, grouped by project), never one per row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/dates.h"
#include "core/domain/types.h"
#include "core/rules/dispatch.h"
#include "core/store/database.h"
#include "core/store/project_query.h"

namespace duban {

// A work task's target (a milestone the importer made of the seed's 目标任务), as the board
// shows it.
struct DispatchTarget {
    std::string milestoneId;
    std::string title;  // "2022年第二季度：湘商回湘投资项目实际到位资金(亿元): 1.5"
    std::optional<double> value;
    std::string unit;  // "家", "%", … ; empty when the seed names none
    Date due;
    TargetPeriod period;
    bool achieved = false;
};

struct DispatchRow {
    std::string projectId;
    ProjectKind kind = ProjectKind::investment_project;
    std::string code;
    std::string name;
    std::string category;
    std::optional<int> startYear;
    std::optional<int> endYear;
    std::string stage;
    std::optional<std::int64_t> totalInvestment;  // 元
    std::optional<std::int64_t> planInvestment;   // this year's plan, 元
    std::int64_t completedThroughMonth = 0;       // reported 1–N月, 元
    std::int64_t completedInMonth = 0;            // reported for the month itself, 元
    std::optional<double> completionPercent;      // 完成率
    std::string progress;                         // 形象进度: the latest report's narrative
    std::string problems;                         // 存在问题: the latest report's
    std::string unitNames;                        // lead first, "、"-separated
    std::string leadUnitId;
    std::string leadUnitName;
    std::string townshipId;
    std::string townshipName;
    MonthReportStatus reportStatus = MonthReportStatus::not_yet_due;
    int milestonesDueInMonth = 0;
    int milestonesOverdue = 0;  // open and past due on `today`
    std::string nextMilestone;  // the first open one: "title（due）"
    int warningLevel = 0;       // the highest issued this year, 0 when none

    // Work tasks only (docs/dispatch.md, "Work tasks and their targets").
    std::optional<DispatchTarget> currentTarget;  // 本期目标: the quarter's, else the year's
    std::optional<DispatchTarget> yearTarget;     // 全年目标
    int currentTargets = 0;              // targets of the current one's period (the first shown)
    std::optional<int> reportedPercent;  // 已报进度: the latest report toward the current target
    std::string reportedProgress;        // that report's narrative
    std::string reportedPeriod;          // and its month, "2022-05"; empty when none
    TargetStatus targetStatus = TargetStatus::no_target;
};

struct DispatchMonth {
    Period period;
    Date today;
    std::vector<DispatchRow> rows;  // in the notice's order (list number)
};

[[nodiscard]] DispatchMonth loadDispatchMonth(const Database& db, const Period& period,
                                              const Date& today, const ProjectFilter& filter,
                                              unsigned dueDay = 23);

enum class DispatchGrouping { category, unit, township };

struct DispatchTotals {
    int projects = 0;
    std::int64_t totalInvestment = 0;
    std::int64_t planInvestment = 0;
    std::int64_t completedThroughMonth = 0;
    std::int64_t completedInMonth = 0;
    std::optional<double> completionPercent;
    int onTime = 0;
    int late = 0;
    int returned = 0;
    int missing = 0;
    int notYetDue = 0;
    int milestonesDueInMonth = 0;
    int milestonesOverdue = 0;
    int warned = 0;  // projects with a warning issued this year
    // Work tasks by target status; they add up to `tasks`, the work tasks among `projects`.
    int tasks = 0;
    int targetsAchieved = 0;
    int targetsOnTrack = 0;
    int targetsBehind = 0;
    int targetsNotStarted = 0;
    int targetsNone = 0;
};

struct DispatchGroup {
    std::string key;    // the category, or the unit's / township's id
    std::string label;  // what is shown: the category, or the unit's / township's name
    DispatchTotals totals;
    std::vector<std::size_t> rows;  // indexes into DispatchMonth::rows, in order
};

// Each row belongs to exactly one group (its category, lead unit or township), so the groups'
// totals add up to the grand total. Groups keep the order their first row has.
[[nodiscard]] std::vector<DispatchGroup> groupDispatch(const DispatchMonth& month,
                                                       DispatchGrouping grouping);
[[nodiscard]] DispatchTotals totalOf(const DispatchMonth& month,
                                     const std::vector<std::size_t>& rows);
[[nodiscard]] DispatchTotals grandTotal(const DispatchMonth& month);

}  // namespace duban
