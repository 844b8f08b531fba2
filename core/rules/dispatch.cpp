#include "core/rules/dispatch.h"

#include <algorithm>

namespace duban {

Date reportDueDate(const Period& period, unsigned dueDay) {
    const Date last = period.lastDay();
    const unsigned day = std::min(dueDay, static_cast<unsigned>(last.day()));
    return Date{last.year(), last.month(), std::chrono::day{day}};
}

MonthReportStatus monthReportStatus(const std::vector<MonthReportFact>& reports,
                                    const Period& period, const Date& today, unsigned dueDay) {
    const Date due = reportDueDate(period, dueDay);
    bool late = false;
    bool returned = false;
    for (const MonthReportFact& r : reports) {
        switch (r.state) {
            case RecordState::submitted:
            case RecordState::confirmed:
            case RecordState::approved:
                // A submitted record always has its date; without one it is judged late.
                if (r.submittedOn && *r.submittedOn <= due)
                    return MonthReportStatus::on_time;
                late = true;
                break;
            case RecordState::returned:
                returned = true;
                break;
            case RecordState::draft:
                break;  // a draft is not a report
        }
    }
    if (late)
        return MonthReportStatus::late;
    if (returned)
        return MonthReportStatus::returned;
    return today > due ? MonthReportStatus::missing : MonthReportStatus::not_yet_due;
}

std::optional<double> completionRate(std::int64_t completed, std::optional<std::int64_t> planned) {
    if (!planned || *planned <= 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(completed) / static_cast<double>(*planned);
}

std::string_view toString(MonthReportStatus status) {
    switch (status) {
        case MonthReportStatus::on_time:
            return "on_time";
        case MonthReportStatus::late:
            return "late";
        case MonthReportStatus::returned:
            return "returned";
        case MonthReportStatus::missing:
            return "missing";
        case MonthReportStatus::not_yet_due:
            return "not_yet_due";
    }
    return "missing";
}

std::string_view statusName(MonthReportStatus status) {
    switch (status) {
        case MonthReportStatus::on_time:
            return "按时报送";
        case MonthReportStatus::late:
            return "逾期报送";
        case MonthReportStatus::returned:
            return "被退回";
        case MonthReportStatus::missing:
            return "未报送";
        case MonthReportStatus::not_yet_due:
            return "未到期";
    }
    return "未报送";
}

}  // namespace duban
