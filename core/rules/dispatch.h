#pragma once
// The monthly dispatch (月调度, docs/dispatch.md): how a project's month is judged — was its
// report filed before the 23rd, late, returned, or is it missing — and how completion is rated.
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

}  // namespace duban
