#include "core/store/letter_facts.h"

#include "core/domain/dates.h"
#include "core/store/sql_where.h"

namespace duban {

std::string issuedOn(const WarningRow& warning) {
    const auto at = parseInstant(warning.issuedAt);
    return at ? formatDate(dateAt(*at)) : warning.issuedAt.substr(0, 10);
}

std::optional<LetterFacts> loadLetterFacts(const Database& db, const std::string& warningId) {
    auto warning = loadWarning(db, warningId);
    if (!warning)
        return std::nullopt;
    LetterFacts facts;
    facts.warning = std::move(*warning);
    const std::string& project = facts.warning.projectId;
    const std::string until = issuedOn(facts.warning);

    static const std::string kAddressees = "SELECT coalesce(" + answeringUnitNames("?") + ", '')";
    Statement units = db.prepare(kAddressees);
    units.bindAll(project);
    if (units.step())
        facts.addressees = units.text(0);

    // Reported this year through the issue month, as the dispatch board counts it.
    Statement money = db.prepare(R"sql(
        SELECT p.plan_investment, (SELECT coalesce(sum(r.investment), 0) FROM progress_report r
                 WHERE r.project_id = p.id AND r.state IN ('submitted', 'confirmed', 'approved')
                   AND r.period BETWEEN substr(?2, 1, 4) || '-01' AND substr(?2, 1, 7))
          FROM project p WHERE p.id = ?1)sql");
    money.bindAll(project, until);
    if (money.step()) {
        if (!money.isNull(0))
            facts.planInvestment = money.int64(0);
        facts.completedThisYear = money.int64(1);
    }

    // Submitted is what counts (drafts are not reports); the local date of submission.
    Statement last = db.prepare(R"sql(
        SELECT period, date(submitted_at, '+8 hours'), percent_complete, investment, narrative
          FROM progress_report
         WHERE project_id = ?1 AND state <> 'draft' AND submitted_at IS NOT NULL
           AND (?2 IS NULL OR milestone_id = ?2 OR milestone_id IS NULL)
           AND date(submitted_at, '+8 hours') <= ?3
         ORDER BY submitted_at DESC LIMIT 1)sql");
    last.bindAll(project, facts.warning.milestoneId, until);
    if (last.step()) {
        ReportedFact r;
        r.period = last.text(0);
        r.submittedOn = last.text(1);
        if (!last.isNull(2))
            r.percentComplete = last.integer(2);
        if (!last.isNull(3))
            r.investment = last.int64(3);
        r.narrative = last.text(4);
        facts.lastReport = std::move(r);
    }
    return facts;
}

}  // namespace duban
