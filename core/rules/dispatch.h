#pragma once
// The monthly dispatch (月调度, docs/dispatch.md): how a project's month is judged — was its
// report filed before the 23rd, late, returned, or is it missing — how completion is rated, and
// which of a work task's targets the month follows and how it stands against it.
// Pure rules; core/store/dispatch_month reads the figures they judge.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/dates.h"
#include "core/domain/types.h"

namespace duban {

enum class MonthReportStatus {
    on_time,      // submitted by the end of the due day (the 23rd)
    late,         // submitted after it
    returned,     // sent back by a supervisor and not yet submitted again
    missing,      // nothing submitted and the due day has passed
    not_yet_due,  // nothing submitted and there is still time
};

// One report of the month as the rule sees it: its state and, once submitted, the local date.
struct MonthReportFact {
    RecordState state = RecordState::draft;
    std::optional<Date> submittedOn;
};

// The last day a month's report is on time: "每月23日前报送" (the due day itself counts).
[[nodiscard]] Date reportDueDate(const Period& period, unsigned dueDay = 23);

// The month's status from all of a project's reports for that month (several can exist, e.g.
// one per milestone): the best of them counts — on time, then late, then returned.
[[nodiscard]] MonthReportStatus monthReportStatus(const std::vector<MonthReportFact>& reports,
                                                  const Period& period, const Date& today,
                                                  unsigned dueDay = 23);

// Completed against planned (完成率), in percent; none when nothing was planned.
[[nodiscard]] std::optional<double> completionRate(std::int64_t completed,
                                                   std::optional<std::int64_t> planned);

[[nodiscard]] std::string_view toString(MonthReportStatus status);
// 按时报送 / 逾期报送 / 被退回 / 未报送 / 未到期
[[nodiscard]] std::string_view statusName(MonthReportStatus status);

// ---- Work tasks and their targets (docs/dispatch.md) ----

// What a target milestone is for: one quarter of a year, or the whole year.
struct TargetPeriod {
    int year = 0;
    unsigned quarter = 0;  // 1–4; 0 for the whole year
    [[nodiscard]] Date firstDay() const;
    [[nodiscard]] Date lastDay() const;
    friend bool operator==(const TargetPeriod&, const TargetPeriod&) = default;
};

[[nodiscard]] unsigned quarterOf(unsigned month);

// Read from the title the seed importer gives a target: "2022年第二季度：…" is that quarter,
// "2022年：…" the year, "2022年5月：…" the quarter the month is in. A title without that prefix
// (a milestone added by hand) is for the year when due on 31 December, else for the quarter its
// due date is in.
[[nodiscard]] TargetPeriod targetPeriodOf(std::string_view title, const Date& due);

// Which of a task's targets (their periods, in the task's order) a month follows: the current
// target is the first of the quarter the month is in, else the first of the month's year; the
// year's target is the first of the year. `inPeriod` counts the targets of the current target's
// period (the xiang-shang quarters have two measures each; the board shows the first).
struct TargetChoice {
    std::optional<std::size_t> current;
    std::optional<std::size_t> year;
    int inPeriod = 0;
};
[[nodiscard]] TargetChoice chooseTargets(const std::vector<TargetPeriod>& targets,
                                         const Period& month);

enum class TargetStatus {
    achieved,     // 已完成: the milestone is achieved
    on_track,     // 进行中: progress reported, not behind
    behind,       // 滞后: past due and not achieved, or reported progress too far behind time
    not_started,  // 未开始: nothing (or 0%) reported yet, and not yet behind
    no_target,    // 无目标: the task has no target for the month's quarter or year
};

// How far (percentage points) reported progress may trail the share of the target's time gone
// before the target is behind: a month's report is filed once a month, so it lags.
inline constexpr int kTargetMarginPoints = 20;

struct TargetFact {
    TargetPeriod period;
    Date due;
    bool achieved = false;
    std::optional<int> reportedPercent;  // the latest reported toward it; none = nothing reported
};

// The day a month's targets are judged on: the day the board is read, but not after the month.
[[nodiscard]] Date targetJudgedOn(const Period& month, const Date& today);

// achieved → 已完成; past the due date (from the day after it) → 滞后; reported percent (none
// counts as 0) + margin below the share of the target's time gone → 滞后; else 进行中 if any
// progress was reported, 未开始 if not. Time gone: days from the period's first day through
// `day` over days from it through the due date, both ends counted — on the due day it is 100%,
// so 80% reported is still on track that day.
[[nodiscard]] TargetStatus targetStatus(const std::optional<TargetFact>& target, const Date& day,
                                        int marginPoints = kTargetMarginPoints);

[[nodiscard]] std::string_view toString(TargetStatus status);
// 已完成 / 进行中 / 滞后 / 未开始 / 无目标
[[nodiscard]] std::string_view statusName(TargetStatus status);

}  // namespace duban
