#include "core/store/project_query.h"

#include <algorithm>

#include "core/store/search_index.h"
#include "core/store/sql_where.h"

namespace duban {
namespace {}  // namespace

SqlWhere projectWhere(const ProjectFilter& f) {
    SqlWhere w;
    for (const SearchTerm& term : searchTerms(f.text))
        w.add(term.sql, term.match);
    if (f.category)
        w.add("p.category = ?", *f.category);
    if (f.stage)
        w.add("p.stage = ?", *f.stage);
    if (f.kind)
        w.add("p.kind = ?", std::string(toString(*f.kind)));
    if (f.minWarningLevel)
        w.add("p.warning_level >= ?", static_cast<std::int64_t>(*f.minWarningLevel));
    if (f.listCode) {
        w.add(
            "EXISTS (SELECT 1 FROM project_list pl WHERE pl.project_id = p.id AND pl.list_code = "
            "?)",
            *f.listCode);
    }
    if (f.unitId)
        w.add(answeredByUnit("p.id"), *f.unitId);
    if (f.townshipId) {
        w.add(
            "EXISTS (SELECT 1 FROM project_unit pu WHERE pu.project_id = p.id AND pu.unit_id = ?"
            " AND pu.role = 'located')",
            *f.townshipId);
    }
    if (f.myUnitId) {
        w.add(
            "EXISTS (SELECT 1 FROM project_unit pu WHERE pu.project_id = p.id AND pu.unit_id = ?)",
            *f.myUnitId);
    }
    return w;
}

namespace {

std::string_view orderBy(ProjectSort sort) {
    switch (sort) {
        case ProjectSort::seedOrder:
            return " ORDER BY p.rowid";
        case ProjectSort::name:
            return " ORDER BY p.name, p.rowid";
        case ProjectSort::totalInvestmentDesc:
            return " ORDER BY p.total_investment IS NULL, p.total_investment DESC, p.rowid";
        case ProjectSort::planInvestmentDesc:
            return " ORDER BY p.plan_investment IS NULL, p.plan_investment DESC, p.rowid";
        case ProjectSort::warningLevelDesc:
            return " ORDER BY p.warning_level DESC, p.rowid";
    }
    return " ORDER BY p.rowid";
}

}  // namespace

std::vector<ProjectRow> listProjects(const Database& db, const ProjectFilter& filter,
                                     ProjectSort sort, int limit, int offset) {
    const SqlWhere where = projectWhere(filter);
    std::string sql = R"sql(
        SELECT p.id, p.code, p.name, p.kind, p.category, p.stage, p.start_year, p.end_year,
               p.total_investment, p.plan_investment, p.completed_this_year, p.warning_level, )sql" +
                      answeringUnitNames("p.id") + " FROM project p";
    sql += where.sql;
    sql += orderBy(sort);
    sql += " LIMIT ? OFFSET ?";

    Statement s = db.prepare(sql);
    const int next = where.bindTo(s);
    s.bind(next, std::clamp(limit, 0, 1000));
    s.bind(next + 1, std::max(offset, 0));

    std::vector<ProjectRow> rows;
    while (s.step()) {
        ProjectRow row;
        row.id = s.text(0);
        row.code = s.text(1);
        row.name = s.text(2);
        row.kind = parseEnum<ProjectKind>(s.text(3)).value_or(ProjectKind::investment_project);
        row.category = s.text(4);
        row.stage = s.text(5);
        if (auto v = s.optionalInt64(6))
            row.startYear = static_cast<int>(*v);
        if (auto v = s.optionalInt64(7))
            row.endYear = static_cast<int>(*v);
        row.totalInvestment = s.optionalInt64(8);
        row.planInvestment = s.optionalInt64(9);
        row.completedThisYear = s.int64(10);
        row.warningLevel = s.integer(11);
        row.unitNames = s.text(12);
        rows.push_back(std::move(row));
    }
    return rows;
}

int countProjects(const Database& db, const ProjectFilter& filter) {
    const SqlWhere where = projectWhere(filter);
    Statement s = db.prepare("SELECT count(*) FROM project p" + where.sql);
    where.bindTo(s);
    s.step();
    return s.integer(0);
}

namespace {

std::vector<FilterChoice> choices(const Database& db, const char* sql) {
    std::vector<FilterChoice> out;
    for (Statement s = db.prepare(sql); s.step();)
        out.push_back({s.text(0), s.text(1)});
    return out;
}

}  // namespace

FilterOptions loadFilterOptions(const Database& db) {
    FilterOptions options;
    // project_by_category / project_by_stage give the distinct values in order.
    options.categories = choices(
        db, "SELECT DISTINCT category, category FROM project WHERE category <> '' ORDER BY 1");
    options.stages =
        choices(db, "SELECT DISTINCT stage, stage FROM project WHERE stage <> '' ORDER BY 1");
    options.lists = choices(db, "SELECT code, name FROM list ORDER BY year DESC, code");
    options.units = choices(db, R"sql(
        SELECT u.id, u.name FROM unit u
         WHERE EXISTS (SELECT 1 FROM project_unit pu WHERE pu.unit_id = u.id
                          AND pu.role IN ('lead', 'responsible'))
         ORDER BY u.name)sql");
    options.townships = choices(db, R"sql(
        SELECT u.id, u.name FROM unit u
         WHERE u.kind = 'township'
           AND EXISTS (SELECT 1 FROM project_unit pu WHERE pu.unit_id = u.id AND pu.role = 'located')
         ORDER BY u.name)sql");
    return options;
}

}  // namespace duban
