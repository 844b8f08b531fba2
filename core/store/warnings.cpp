#include "core/store/warnings.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/store/sql_where.h"

namespace duban {
namespace {

constexpr const char* kSelect = R"sql(
    SELECT w.id, w.project_id, p.code, p.name, w.milestone_id, coalesce(m.title, ''),
           coalesce(m.due_date, ''), w.level, w.reason_code, w.reason, w.number,
           coalesce(w.correct_by, ''), w.issued_at, w.issued_by, w.acknowledged_at, w.version
      FROM warning w JOIN project p ON p.id = w.project_id
      LEFT JOIN milestone m ON m.id = w.milestone_id)sql";

SqlWhere whereOf(const WarningFilter& f) {
    SqlWhere w;
    if (f.openOnly)
        w.add("w.acknowledged_at IS NULL");
    if (f.projectId)
        w.add("w.project_id = ?", *f.projectId);
    if (f.warningId)
        w.add("w.id = ?", *f.warningId);
    if (f.unitId)
        w.add(answeredByUnit("w.project_id"), *f.unitId);
    return w;
}

WarningRow rowOf(Statement& s) {
    WarningRow r;
    r.id = s.text(0);
    r.projectId = s.text(1);
    r.projectCode = s.text(2);
    r.projectName = s.text(3);
    if (!s.isNull(4))
        r.milestoneId = s.text(4);
    r.milestoneTitle = s.text(5);
    r.milestoneDue = s.text(6);
    r.level = s.integer(7);
    r.reasonCode = s.text(8);
    r.reason = s.text(9);
    r.number = s.text(10);
    r.correctBy = s.text(11);
    r.issuedAt = s.text(12);
    r.issuedBy = s.text(13);
    if (!s.isNull(14))
        r.acknowledgedAt = s.text(14);
    r.version = s.int64(15);
    return r;
}

struct ProjectInfo {
    std::string code;
    std::string name;
    ProjectFacts facts;
};

}  // namespace

WarningFilter warningsFor(const Actor& actor, bool openOnly) {
    WarningFilter filter;
    filter.openOnly = openOnly;
    if (authorsRecords(actor))
        filter.unitId = actor.unitId;
    return filter;
}

std::vector<WarningRow> listWarnings(const Database& db, const WarningFilter& filter, int limit,
                                     int offset) {
    const SqlWhere where = whereOf(filter);
    Statement s = db.prepare(std::string(kSelect) + where.sql +
                             " ORDER BY w.issued_at DESC, w.id LIMIT ? OFFSET ?");
    const int next = where.bindTo(s);
    s.bind(next, SqlValue(std::int64_t{limit}));
    s.bind(next + 1, SqlValue(std::int64_t{offset}));
    std::vector<WarningRow> rows;
    while (s.step())
        rows.push_back(rowOf(s));
    return rows;
}

int countWarnings(const Database& db, const WarningFilter& filter) {
    const SqlWhere where = whereOf(filter);
    Statement s = db.prepare("SELECT count(*) FROM warning w" + where.sql);
    where.bindTo(s);
    s.step();
    return s.integer(0);
}

std::optional<WarningRow> loadWarning(const Database& db, const std::string& id) {
    Statement s = db.prepare(std::string(kSelect) + " WHERE w.id = ?");
    s.bindAll(id);
    if (!s.step())
        return std::nullopt;
    return rowOf(s);
}

std::vector<WarningProposal> listWarningProposals(const Database& db,
                                                  const ProposalOptions& options) {
    // Every project's facts in three scans, not three queries per project.
    std::map<std::string, ProjectInfo> projects;
    Statement p = db.prepare("SELECT id, code, name FROM project");
    while (p.step()) {
        ProjectInfo& info = projects[p.text(0)];
        info.code = p.text(1);
        info.name = p.text(2);
        info.facts.firstReportPeriod = options.firstReportPeriod;
    }
    std::map<std::string, std::string> titles;
    Statement m = db.prepare(
        "SELECT project_id, id, due_date, status, title FROM milestone ORDER BY project_id, ord");
    while (m.step()) {
        auto it = projects.find(m.text(0));
        if (it == projects.end())
            continue;
        it->second.facts.milestones.push_back(
            MilestoneFact{m.text(1), m.text(2), m.text(3) == "achieved"});
        titles[m.text(1)] = m.text(4);
    }
    // Only what was submitted counts: drafts are not reports. The local date of submission.
    Statement r = db.prepare(R"sql(
        SELECT project_id, period, milestone_id, date(submitted_at, '+8 hours')
          FROM progress_report WHERE state <> 'draft' AND submitted_at IS NOT NULL)sql");
    while (r.step()) {
        auto it = projects.find(r.text(0));
        if (it == projects.end())
            continue;
        ReportFact fact{r.text(1), std::nullopt, r.text(3)};
        if (!r.isNull(2))
            fact.milestoneId = r.text(2);
        it->second.facts.reports.push_back(std::move(fact));
    }
    std::set<std::tuple<std::string, int, std::string>> issued;
    Statement w = db.prepare("SELECT project_id, level, coalesce(milestone_id, '') FROM warning");
    while (w.step())
        issued.emplace(w.text(0), w.integer(1), w.text(2));

    std::vector<WarningProposal> proposals;
    for (const auto& [id, info] : projects) {
        for (LagFinding& f : assessLag(info.facts, options.today, options.settings)) {
            if (issued.contains({id, f.level, f.milestoneId.value_or("")}))
                continue;
            WarningProposal proposal{id, info.code, info.name, "", f, ""};
            if (f.milestoneId)
                proposal.milestoneTitle = titles[*f.milestoneId];
            proposal.reason = lagReasonText(f, proposal.milestoneTitle);
            proposals.push_back(std::move(proposal));
        }
    }
    std::stable_sort(proposals.begin(), proposals.end(), [](const auto& a, const auto& b) {
        return std::tie(b.finding.level, a.projectName) < std::tie(a.finding.level, b.projectName);
    });
    return proposals;
}

}  // namespace duban
