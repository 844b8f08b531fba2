#include "core/rules/lag_warnings.h"

#include <algorithm>

namespace duban {
namespace {

// Periods whose report deadline has passed on `today` and that are not covered by a report.
// Reports are filed during their own month: the report for May is due by the end of 23 May
// (每月23日前报送), so it is missing from 24 May on.
std::vector<Period> missingPeriods(const ProjectFacts& facts, const Date& today,
                                   const LagSettings& settings) {
    std::vector<Period> missing;
    const auto first = parsePeriod(facts.firstReportPeriod);
    if (!first)
        return missing;
    Period last = periodOf(today);
    if (static_cast<unsigned>(today.day()) <= settings.reportDueDay)
        last = last.previous();
    for (Period p = last; p >= *first; p = p.previous()) {
        const std::string key = p.toString();
        const bool reported = std::any_of(facts.reports.begin(), facts.reports.end(),
                                          [&](const ReportFact& r) { return r.period == key; });
        if (reported)
            break;  // only the unbroken run up to today matters
        missing.push_back(p);
    }
    return missing;
}

bool hasRecentProgress(const ProjectFacts& facts, const MilestoneFact& milestone, const Date& today,
                       const LagSettings& settings) {
    return std::any_of(facts.reports.begin(), facts.reports.end(), [&](const ReportFact& r) {
        if (r.milestoneId && *r.milestoneId != milestone.id)
            return false;
        const auto on = parseDate(r.submittedOn);
        return on && daysBetween(*on, today) <= settings.progressWindowDays &&
               daysBetween(*on, today) >= 0;
    });
}

}  // namespace

std::vector<LagFinding> assessLag(const ProjectFacts& facts, const Date& today,
                                  const LagSettings& settings) {
    std::vector<LagFinding> findings;
    for (const MilestoneFact& m : facts.milestones) {
        const auto due = parseDate(m.dueDate);
        if (m.achieved || !due)
            continue;
        const int daysLeft = daysBetween(today, *due);
        if (daysLeft < -settings.escalationDays) {
            findings.push_back(
                {3, LagReason::milestone_long_overdue, m.id, std::nullopt, -daysLeft});
        } else if (daysLeft < 0) {
            findings.push_back({2, LagReason::milestone_overdue, m.id, std::nullopt, -daysLeft});
        } else if (daysLeft <= settings.reminderDaysBeforeDue &&
                   !hasRecentProgress(facts, m, today, settings)) {
            findings.push_back({1, LagReason::milestone_due_soon, m.id, std::nullopt, daysLeft});
        }
    }
    const std::vector<Period> missing = missingPeriods(facts, today, settings);
    if (!missing.empty()) {
        const bool repeated = static_cast<int>(missing.size()) >= settings.missedReportsForLevel3;
        const Period latest = missing.front();
        const Date deadline{std::chrono::year{latest.year}, std::chrono::month{latest.month},
                            std::chrono::day{settings.reportDueDay}};
        findings.push_back(
            {repeated ? 3 : 2,
             repeated ? LagReason::reports_missing_repeatedly : LagReason::report_missing,
             std::nullopt, latest.toString(), daysBetween(deadline, today)});
    }
    return findings;
}

int lagLevel(const std::vector<LagFinding>& findings) {
    int level = 0;
    for (const auto& f : findings)
        level = std::max(level, f.level);
    return level;
}

std::string_view toString(LagReason reason) {
    switch (reason) {
        case LagReason::milestone_due_soon:
            return "milestone_due_soon";
        case LagReason::milestone_overdue:
            return "milestone_overdue";
        case LagReason::report_missing:
            return "report_missing";
        case LagReason::milestone_long_overdue:
            return "milestone_long_overdue";
        case LagReason::reports_missing_repeatedly:
            return "reports_missing_repeatedly";
    }
    return "?";
}

std::optional<LagReason> parseLagReason(std::string_view text) {
    for (LagReason r :
         {LagReason::milestone_due_soon, LagReason::milestone_overdue, LagReason::report_missing,
          LagReason::milestone_long_overdue, LagReason::reports_missing_repeatedly}) {
        if (toString(r) == text)
            return r;
    }
    return std::nullopt;
}

std::string lagReasonText(const LagFinding& finding, std::string_view milestoneTitle) {
    const std::string milestone = "里程碑“" + std::string(milestoneTitle) + "”";
    const std::string days = std::to_string(finding.days) + "天";
    std::string month;
    if (const auto period = parsePeriod(finding.period.value_or(""))) {
        month = std::to_string(period->year) + "年" + std::to_string(period->month) + "月";
    }
    switch (finding.reason) {
        case LagReason::milestone_due_soon:
            return milestone + "距完成时限仅剩" + days + "，近期未报送进展";
        case LagReason::milestone_overdue:
            return milestone + "已逾期" + days;
        case LagReason::milestone_long_overdue:
            return milestone + "已逾期" + days + "，仍未完成";
        case LagReason::report_missing:
            return month + "进展情况未按时报送，已逾期" + days;
        case LagReason::reports_missing_repeatedly:
            return "截至" + month + "连续未报送进展情况，已逾期" + days;
    }
    return {};
}

std::string letterNumber(int year, int n) {
    return std::string(kLetterNumberPrefix) + "〔" + std::to_string(year) + "〕" +
           std::to_string(n) + "号";
}

std::string_view levelName(int level) {
    switch (level) {
        case 1:
            return "提醒";
        case 2:
            return "预警";
        case 3:
            return "纠责";
        default:
            return "";
    }
}

std::string_view letterName(int level) {
    switch (level) {
        case 1:
            return "首次超前提醒函";
        case 2:
            return "二次限期预警函";
        case 3:
            return "三次滞后纠责函";
        default:
            return "";
    }
}

}  // namespace duban
