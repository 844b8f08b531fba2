#include "core/store/project_detail.h"

namespace duban {

std::optional<ProjectDetailFacts> loadProjectDetailFacts(const Database& db,
                                                         const std::string& projectId) {
    Statement s = db.prepare(R"sql(
        SELECT p.id, p.code, p.name, p.category, p.stage, p.scope, p.industry_chain,
               p.plan_content, p.remarks, p.start_year, p.end_year, p.plan_year,
               p.total_investment, p.completed_before, p.plan_investment, p.completed_this_year,
               p.warning_level,
               (SELECT group_concat(u.name, '、') FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                 WHERE pu.project_id = p.id AND pu.role = 'lead'),
               (SELECT group_concat(u.name, '、') FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                 WHERE pu.project_id = p.id AND pu.role = 'responsible'),
               (SELECT group_concat(u.name, '、') FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                 WHERE pu.project_id = p.id AND pu.role = 'located'),
               (SELECT group_concat(l.name || CASE WHEN pl.group_label = '' THEN ''
                                                   ELSE ' · ' || pl.group_label END, '；')
                  FROM project_list pl JOIN list l ON l.code = pl.list_code
                 WHERE pl.project_id = p.id)
          FROM project p WHERE p.id = ?)sql");
    s.bindAll(projectId);
    if (!s.step())
        return std::nullopt;
    ProjectDetailFacts f;
    f.id = s.text(0);
    f.code = s.text(1);
    f.name = s.text(2);
    f.category = s.text(3);
    f.stage = s.text(4);
    f.scope = s.text(5);
    f.industryChain = s.text(6);
    f.planContent = s.text(7);
    f.remarks = s.text(8);
    const auto year = [&](int column) -> std::optional<int> {
        const auto value = s.optionalInt64(column);
        return value ? std::optional(static_cast<int>(*value)) : std::nullopt;
    };
    f.startYear = year(9);
    f.endYear = year(10);
    f.planYear = year(11);
    f.totalInvestment = s.optionalInt64(12);
    f.completedBefore = s.optionalInt64(13);
    f.planInvestment = s.optionalInt64(14);
    f.completedThisYear = s.int64(15);
    f.warningLevel = s.integer(16);
    f.leadUnits = s.optionalText(17).value_or("");
    f.responsibleUnits = s.optionalText(18).value_or("");
    f.township = s.optionalText(19).value_or("");
    f.lists = s.optionalText(20).value_or("");
    return f;
}

std::vector<MilestoneRow> loadMilestones(const Database& db, const std::string& projectId) {
    // The (project_id, ord) uniqueness index serves this.
    Statement s = db.prepare(
        "SELECT id, ord, title, due_date, status FROM milestone WHERE project_id = ? ORDER BY ord");
    s.bindAll(projectId);
    std::vector<MilestoneRow> rows;
    while (s.step())
        rows.push_back({s.text(0), s.integer(1), s.text(2), s.text(3), s.text(4)});
    return rows;
}

std::vector<TimelineEntry> loadTimeline(const Database& db, const std::string& projectId,
                                        int limit) {
    // Each branch reads by its project (or target) index; the union is small per project.
    Statement s = db.prepare(R"sql(
        SELECT * FROM (
          SELECT 'report', r.id, coalesce(r.submitted_at, r.updated_at), r.state, r.narrative,
                 r.period, r.percent_complete, r.investment
            FROM progress_report r WHERE r.project_id = ?1
          UNION ALL
          SELECT 'visit', v.id, v.visited_at, v.state, v.notes, '', NULL, NULL
            FROM site_visit v WHERE v.project_id = ?1
          UNION ALL
          SELECT 'review', rv.id, rv.at, rv.kind, rv.comment, '', NULL, NULL
            FROM review rv
           WHERE rv.target_id IN (SELECT id FROM progress_report WHERE project_id = ?1
                                  UNION ALL SELECT id FROM site_visit WHERE project_id = ?1)
          UNION ALL
          SELECT 'warning', w.id, w.issued_at, CAST(w.level AS TEXT), w.reason, '', NULL, NULL
            FROM warning w WHERE w.project_id = ?1)
        ORDER BY 3 DESC LIMIT ?2)sql");
    s.bindAll(projectId, limit);
    std::vector<TimelineEntry> entries;
    while (s.step()) {
        TimelineEntry e;
        e.kind = s.text(0);
        e.id = s.text(1);
        e.at = s.text(2);
        e.state = s.text(3);
        e.text = s.text(4);
        e.period = s.text(5);
        if (const auto percent = s.optionalInt64(6))
            e.percent = static_cast<int>(*percent);
        e.amount = s.optionalInt64(7);
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace duban
