#include "core/rules/dispatch.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace duban {
namespace {

// The quarter or year the importer's title prefix names ("2022年第二季度：…"), if it has one.
std::optional<TargetPeriod> titledPeriod(std::string_view title) {
    constexpr std::string_view kYear = "年";
    constexpr std::string_view kColon = "：";
    constexpr std::string_view kMonth = "月";
    int y = 0;
    if (title.size() < 4 ||
        !std::all_of(title.begin(), title.begin() + 4,
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        std::from_chars(title.data(), title.data() + 4, y).ptr != title.data() + 4)
        return std::nullopt;
    std::string_view rest = title.substr(4);
    if (!rest.starts_with(kYear))
        return std::nullopt;
    rest.remove_prefix(kYear.size());
    if (rest.starts_with(kColon))
        return TargetPeriod{y, 0};
    constexpr std::array<std::string_view, 4> kQuarters = {"第一季度", "第二季度", "第三季度",
                                                           "第四季度"};
    for (unsigned q = 0; q < kQuarters.size(); ++q) {
        if (rest.starts_with(kQuarters[q]) && rest.substr(kQuarters[q].size()).starts_with(kColon))
            return TargetPeriod{y, q + 1};
    }
    unsigned m = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), m);
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    if (error != std::errc{} || m < 1 || m > 12 || !rest.starts_with(kMonth) ||
        !rest.substr(kMonth.size()).starts_with(kColon))
        return std::nullopt;
    return TargetPeriod{y, quarterOf(m)};
}

}  // namespace

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

Date TargetPeriod::firstDay() const {
    const unsigned m = quarter == 0 ? 1 : (quarter - 1) * 3 + 1;
    return Date{std::chrono::year{year}, std::chrono::month{m}, std::chrono::day{1}};
}

Date TargetPeriod::lastDay() const {
    return Period{year, quarter == 0 ? 12 : quarter * 3}.lastDay();
}

unsigned quarterOf(unsigned m) {
    return (m + 2) / 3;
}

TargetPeriod targetPeriodOf(std::string_view title, const Date& due) {
    if (const auto titled = titledPeriod(title))
        return *titled;
    const int y = static_cast<int>(due.year());
    const unsigned m = static_cast<unsigned>(due.month());
    if (m == 12 && static_cast<unsigned>(due.day()) == 31)
        return TargetPeriod{y, 0};
    return TargetPeriod{y, quarterOf(m)};
}

TargetChoice chooseTargets(const std::vector<TargetPeriod>& targets, const Period& month) {
    const TargetPeriod quarter{month.year, quarterOf(month.month)};
    const TargetPeriod wholeYear{month.year, 0};
    TargetChoice choice;
    const auto first = [&](const TargetPeriod& period) -> std::optional<std::size_t> {
        const auto it = std::find(targets.begin(), targets.end(), period);
        return it == targets.end() ? std::nullopt
                                   : std::optional(static_cast<std::size_t>(it - targets.begin()));
    };
    choice.year = first(wholeYear);
    choice.current = first(quarter);
    if (!choice.current)
        choice.current = choice.year;
    if (choice.current) {
        choice.inPeriod =
            static_cast<int>(std::count(targets.begin(), targets.end(), targets[*choice.current]));
    }
    return choice;
}

Date targetJudgedOn(const Period& month, const Date& today) {
    return std::min(today, month.lastDay());
}

TargetStatus targetStatus(const std::optional<TargetFact>& target, const Date& day,
                          int marginPoints) {
    if (!target)
        return TargetStatus::no_target;
    if (target->achieved)
        return TargetStatus::achieved;
    if (day > target->due)
        return TargetStatus::behind;
    // Whole days, so the thresholds are exact: behind when (percent + margin) / 100 < gone / span.
    const Date first = target->period.firstDay();
    const int span = std::max(daysBetween(first, target->due) + 1, 1);
    const int gone = std::clamp(daysBetween(first, day) + 1, 0, span);
    const int percent = target->reportedPercent.value_or(0);
    if (static_cast<std::int64_t>(percent + marginPoints) * span <
        static_cast<std::int64_t>(100) * gone)
        return TargetStatus::behind;
    return percent > 0 ? TargetStatus::on_track : TargetStatus::not_started;
}

std::string_view toString(TargetStatus status) {
    switch (status) {
        case TargetStatus::achieved:
            return "achieved";
        case TargetStatus::on_track:
            return "on_track";
        case TargetStatus::behind:
            return "behind";
        case TargetStatus::not_started:
            return "not_started";
        case TargetStatus::no_target:
            return "no_target";
    }
    return "no_target";
}

std::string_view statusName(TargetStatus status) {
    switch (status) {
        case TargetStatus::achieved:
            return "已完成";
        case TargetStatus::on_track:
            return "进行中";
        case TargetStatus::behind:
            return "滞后";
        case TargetStatus::not_started:
            return "未开始";
        case TargetStatus::no_target:
            return "无目标";
    }
    return "无目标";
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
