#include "core/store/dispatch_month.h"

#include <algorithm>
#include <unordered_map>

namespace duban {
namespace {

// Reports that count as reported: submitted, with or without the enterprise's confirmation or
// the supervisor's approval (docs/dispatch.md: the board shows figures as reported).
constexpr const char* kReported = "('submitted', 'confirmed', 'approved')";

std::vector<DispatchRow> loadProjects(const Database& db, const ProjectFilter& filter) {
    const SqlWhere where = projectWhere(filter);
    // The notice's order: the chosen list's numbers, else the order of import (the key list's).
    const std::string order =
        filter.listCode ? " ORDER BY (SELECT no FROM project_list o WHERE o.project_id = p.id AND "
                          "o.list_code = ?), p.rowid"
                        : " ORDER BY p.rowid";
    Statement s = db.prepare(std::string(R"sql(
        SELECT p.id, p.code, p.name, p.category, p.start_year, p.end_year, p.stage,
               p.total_investment, p.plan_investment, )sql") +
                             answeringUnitNames("p.id") + R"sql(,
               (SELECT u.id || char(31) || u.name FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                 WHERE pu.project_id = p.id AND pu.role IN ('lead', 'responsible')
                 ORDER BY pu.role = 'responsible', pu.ord LIMIT 1),
               (SELECT u.id || char(31) || u.name FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                 WHERE pu.project_id = p.id AND pu.role = 'located' ORDER BY pu.ord LIMIT 1),
               p.kind
          FROM project p)sql" +
                             where.sql + order);
    const int next = where.bindTo(s);
    if (filter.listCode)
        s.bind(next, *filter.listCode);

    const auto split = [](const std::string& idAndName, std::string& id, std::string& name) {
        const auto cut = idAndName.find('\x1f');
        if (cut == std::string::npos)
            return;
        id = idAndName.substr(0, cut);
        name = idAndName.substr(cut + 1);
    };
    std::vector<DispatchRow> rows;
    while (s.step()) {
        DispatchRow row;
        row.projectId = s.text(0);
        row.code = s.text(1);
        row.name = s.text(2);
        row.category = s.text(3);
        if (auto v = s.optionalInt64(4))
            row.startYear = static_cast<int>(*v);
        if (auto v = s.optionalInt64(5))
            row.endYear = static_cast<int>(*v);
        row.stage = s.text(6);
        row.totalInvestment = s.optionalInt64(7);
        row.planInvestment = s.optionalInt64(8);
        row.unitNames = s.text(9);
        split(s.text(10), row.leadUnitId, row.leadUnitName);
        split(s.text(11), row.townshipId, row.townshipName);
        row.kind = parseEnum<ProjectKind>(s.text(12)).value_or(ProjectKind::investment_project);
        rows.push_back(std::move(row));
    }
    return rows;
}

// The latest report on one milestone (or, with no milestone, on the project as a whole).
struct LatestReport {
    std::string milestoneId;  // empty: the project as a whole
    Period period;
    std::optional<int> percent;
    std::string narrative;
};

struct OrderedTarget {
    int order = 0;
    DispatchTarget target;
};

// The task's current and year targets, the progress reported toward the current one, and its
// status. Progress is the latest report on the target itself, or on the task as a whole since
// the target's period began; of two from the same month, the one on the target.
void followTarget(DispatchRow& row, std::vector<OrderedTarget>& targets,
                  const std::vector<LatestReport>& reports, const Period& month,
                  const Date& judgedOn) {
    std::sort(targets.begin(), targets.end(),
              [](const OrderedTarget& a, const OrderedTarget& b) { return a.order < b.order; });
    std::vector<TargetPeriod> periods;
    for (const OrderedTarget& t : targets)
        periods.push_back(t.target.period);
    const TargetChoice choice = chooseTargets(periods, month);
    if (choice.year)
        row.yearTarget = targets[*choice.year].target;
    if (!choice.current) {
        row.targetStatus = targetStatus(std::nullopt, judgedOn);
        return;
    }
    const DispatchTarget& target = targets[*choice.current].target;
    row.currentTarget = target;
    row.currentTargets = choice.inPeriod;
    const Period since = periodOf(target.period.firstDay());
    const LatestReport* best = nullptr;
    for (const LatestReport& r : reports) {
        const bool onTarget = r.milestoneId == target.milestoneId;
        if (!onTarget && !(r.milestoneId.empty() && r.period >= since))
            continue;
        if (!best || r.period > best->period || (r.period == best->period && onTarget))
            best = &r;
    }
    if (best) {
        row.reportedPercent = best->percent;
        row.reportedProgress = best->narrative;
        row.reportedPeriod = best->period.toString();
    }
    row.targetStatus = targetStatus(
        TargetFact{target.period, target.due, target.achieved, row.reportedPercent}, judgedOn);
}

}  // namespace

DispatchMonth loadDispatchMonth(const Database& db, const Period& period, const Date& today,
                                const ProjectFilter& filter, unsigned dueDay) {
    DispatchMonth month{period, today, loadProjects(db, filter)};
    std::unordered_map<std::string, DispatchRow*> byId;
    for (DispatchRow& row : month.rows)
        byId.emplace(row.projectId, &row);
    const auto rowOf = [&](const std::string& id) -> DispatchRow* {
        const auto it = byId.find(id);
        return it == byId.end() ? nullptr : it->second;
    };
    const std::string first = Period{period.year, 1}.toString();
    const std::string current = period.toString();

    // Investment reported this year through the month, and for the month itself.
    Statement invested = db.prepare(std::string(R"sql(
        SELECT project_id, total(investment), total(CASE WHEN period = ?2 THEN investment END)
          FROM progress_report
         WHERE state IN )sql") + kReported +
                                    " AND period BETWEEN ?1 AND ?2 GROUP BY project_id");
    invested.bindAll(first, current);
    while (invested.step()) {
        if (DispatchRow* row = rowOf(invested.text(0))) {
            row->completedThroughMonth = static_cast<std::int64_t>(invested.real(1));
            row->completedInMonth = static_cast<std::int64_t>(invested.real(2));
        }
    }

    // The latest report up to the month for each milestone a project reported on, and for the
    // project as a whole (no milestone), oldest first: the project's last one gives 形象进度 and
    // 存在问题; a work task's target takes its own (docs/dispatch.md).
    Statement latest = db.prepare(std::string(R"sql(
        SELECT project_id, milestone_id, period, percent_complete, narrative, problems FROM (
          SELECT project_id, milestone_id, period, percent_complete, narrative, problems,
                 submitted_at,
                 row_number() OVER (PARTITION BY project_id, milestone_id
                                    ORDER BY period DESC, submitted_at DESC) AS k
            FROM progress_report WHERE state IN )sql") +
                                  kReported + R"sql( AND period <= ?1)
         WHERE k = 1 ORDER BY project_id, period, submitted_at)sql");
    latest.bindAll(current);
    std::unordered_map<std::string, std::vector<LatestReport>> taskReports;
    while (latest.step()) {
        DispatchRow* row = rowOf(latest.text(0));
        if (!row)
            continue;
        row->progress = latest.text(4);
        row->problems = latest.text(5);
        if (row->kind == ProjectKind::work_task) {
            std::optional<int> percent;
            if (const auto p = latest.optionalInt64(3))
                percent = static_cast<int>(*p);
            taskReports[row->projectId].push_back({latest.text(1),
                                                   parsePeriod(latest.text(2)).value_or(period),
                                                   percent, latest.text(4)});
        }
    }

    // The month's reports, every state (progress_report_by_state serves the IN list).
    std::unordered_map<std::string, std::vector<MonthReportFact>> monthReports;
    Statement filed = db.prepare(R"sql(
        SELECT project_id, state, date(submitted_at, '+8 hours') FROM progress_report
         WHERE state IN ('draft', 'submitted', 'confirmed', 'returned', 'approved')
           AND period = ?1)sql");
    filed.bindAll(current);
    while (filed.step()) {
        MonthReportFact fact;
        fact.state = parseEnum<RecordState>(filed.text(1)).value_or(RecordState::draft);
        fact.submittedOn = parseDate(filed.text(2));
        monthReports[filed.text(0)].push_back(fact);
    }
    for (DispatchRow& row : month.rows) {
        row.reportStatus = monthReportStatus(monthReports[row.projectId], period, today, dueDay);
        row.completionPercent = completionRate(row.completedThroughMonth, row.planInvestment);
    }

    // Milestones due in the month, overdue on `today`, the next open one, and a work task's
    // targets: every open milestone and every one due in the month's year, in one query.
    const Date monthFirst{std::chrono::year{period.year}, std::chrono::month{period.month},
                          std::chrono::day{1}};
    Statement milestones = db.prepare(R"sql(
        SELECT project_id, id, title, due_date, target_value, target_unit, status = 'achieved', ord
          FROM milestone
         WHERE status = 'open' OR due_date BETWEEN ?1 AND ?2
         ORDER BY project_id, due_date, ord)sql");
    milestones.bindAll(std::to_string(period.year) + "-01-01",
                       std::to_string(period.year) + "-12-31");
    std::unordered_map<std::string, std::vector<OrderedTarget>> targets;
    while (milestones.step()) {
        DispatchRow* row = rowOf(milestones.text(0));
        const auto due = parseDate(milestones.text(3));
        if (!row || !due)
            continue;
        const bool achieved = milestones.integer(6) != 0;
        if (*due >= monthFirst && *due <= period.lastDay())
            ++row->milestonesDueInMonth;
        if (!achieved && *due < today)
            ++row->milestonesOverdue;
        if (!achieved && row->nextMilestone.empty())  // due date, then order
            row->nextMilestone = milestones.text(2) + "（" + milestones.text(3) + "）";
        if (row->kind == ProjectKind::work_task && due->year() == std::chrono::year{period.year}) {
            DispatchTarget target{milestones.text(1),
                                  milestones.text(2),
                                  milestones.optionalReal(4),
                                  milestones.text(5),
                                  *due,
                                  targetPeriodOf(milestones.text(2), *due),
                                  achieved};
            targets[row->projectId].push_back({milestones.integer(7), std::move(target)});
        }
    }
    const Date judgedOn = targetJudgedOn(period, today);
    for (DispatchRow& row : month.rows) {
        if (row.kind == ProjectKind::work_task)
            followTarget(row, targets[row.projectId], taskReports[row.projectId], period, judgedOn);
    }

    // The highest warning issued this year (local dates).
    Statement warned = db.prepare(R"sql(
        SELECT project_id, max(level) FROM warning
         WHERE date(issued_at, '+8 hours') BETWEEN ?1 AND ?2 GROUP BY project_id)sql");
    warned.bindAll(std::to_string(period.year) + "-01-01", std::to_string(period.year) + "-12-31");
    while (warned.step()) {
        if (DispatchRow* row = rowOf(warned.text(0)))
            row->warningLevel = warned.integer(1);
    }
    return month;
}

DispatchTotals totalOf(const DispatchMonth& month, const std::vector<std::size_t>& rows) {
    DispatchTotals t;
    for (const std::size_t i : rows) {
        const DispatchRow& row = month.rows[i];
        ++t.projects;
        t.totalInvestment += row.totalInvestment.value_or(0);
        t.planInvestment += row.planInvestment.value_or(0);
        t.completedThroughMonth += row.completedThroughMonth;
        t.completedInMonth += row.completedInMonth;
        switch (row.reportStatus) {
            case MonthReportStatus::on_time:
                ++t.onTime;
                break;
            case MonthReportStatus::late:
                ++t.late;
                break;
            case MonthReportStatus::returned:
                ++t.returned;
                break;
            case MonthReportStatus::missing:
                ++t.missing;
                break;
            case MonthReportStatus::not_yet_due:
                ++t.notYetDue;
                break;
        }
        t.milestonesDueInMonth += row.milestonesDueInMonth;
        t.milestonesOverdue += row.milestonesOverdue;
        t.warned += row.warningLevel > 0 ? 1 : 0;
        if (row.kind != ProjectKind::work_task)
            continue;
        ++t.tasks;
        switch (row.targetStatus) {
            case TargetStatus::achieved:
                ++t.targetsAchieved;
                break;
            case TargetStatus::on_track:
                ++t.targetsOnTrack;
                break;
            case TargetStatus::behind:
                ++t.targetsBehind;
                break;
            case TargetStatus::not_started:
                ++t.targetsNotStarted;
                break;
            case TargetStatus::no_target:
                ++t.targetsNone;
                break;
        }
    }
    t.completionPercent = completionRate(t.completedThroughMonth, t.planInvestment);
    return t;
}

DispatchTotals grandTotal(const DispatchMonth& month) {
    std::vector<std::size_t> all(month.rows.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return totalOf(month, all);
}

std::vector<DispatchGroup> groupDispatch(const DispatchMonth& month, DispatchGrouping grouping) {
    std::vector<DispatchGroup> groups;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < month.rows.size(); ++i) {
        const DispatchRow& row = month.rows[i];
        std::string key;
        std::string label;
        switch (grouping) {
            case DispatchGrouping::category:
                key = label = row.category.empty() ? "其他" : row.category;
                break;
            case DispatchGrouping::unit:
                key = row.leadUnitId;
                label = row.leadUnitName.empty() ? "未明确责任单位" : row.leadUnitName;
                break;
            case DispatchGrouping::township:
                key = row.townshipId;
                label = row.townshipName.empty() ? "未明确所在乡镇" : row.townshipName;
                break;
        }
        const auto [it, added] = index.emplace(key, groups.size());
        if (added)
            groups.push_back({key, label, {}, {}});
        groups[it->second].rows.push_back(i);
    }
    for (DispatchGroup& group : groups)
        group.totals = totalOf(month, group.rows);
    return groups;
}

}  // namespace duban
