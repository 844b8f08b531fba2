#include "core/store/review_queue.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/store/sql_where.h"

namespace duban {
namespace {

// The two kinds of record that wait for a decision, and their columns.
struct QueueTable {
    Entity entity;
    const char* select;  // entity, id, project, project name, when, state, version, text
    const char* count;
};
constexpr QueueTable kTables[] = {
    {Entity::progress_report,
     "SELECT 'progress_report', x.id, x.project_id, p.name, x.period, x.state, x.version, "
     "x.narrative FROM progress_report x JOIN project p ON p.id = x.project_id",
     "SELECT count(*) FROM progress_report x"},
    {Entity::site_visit,
     "SELECT 'site_visit', x.id, x.project_id, p.name, x.visited_at, x.state, x.version, "
     "x.notes FROM site_visit x JOIN project p ON p.id = x.project_id",
     "SELECT count(*) FROM site_visit x"},
};

// progress_report_by_state and site_visit_by_state find the waiting rows; the other conditions
// are checked on those few.
SqlWhere whereOf(const QueueFilter& f) {
    SqlWhere w;
    w.add("x.state IN ('submitted', 'confirmed')");
    if (f.projectId)
        w.add("x.project_id = ?", *f.projectId);
    if (f.unitId)
        w.add(answeredByUnit("x.project_id"), *f.unitId);
    return w;
}

bool wanted(const QueueTable& table, const QueueFilter& f) {
    return !f.entity || *f.entity == table.entity;
}

void countPhotos(const Database& db, std::vector<QueueRow>& rows) {
    if (rows.empty())
        return;
    // The page's photo counts in one query (photo_by_owner), not one per row.
    Statement photos = db.prepare(R"sql(
        SELECT owner_id, count(*) FROM photo
         WHERE owner_id IN (SELECT value FROM json_each(?)) GROUP BY owner_id)sql");
    nlohmann::json ids = nlohmann::json::array();
    for (const QueueRow& row : rows)
        ids.push_back(row.id);
    photos.bindAll(ids.dump());
    while (photos.step()) {
        for (QueueRow& row : rows) {
            if (row.id == photos.text(0))
                row.photos = photos.integer(1);
        }
    }
}

}  // namespace

std::vector<QueueRow> listReviewQueue(const Database& db, const QueueFilter& filter, int limit,
                                      int offset) {
    const SqlWhere where = whereOf(filter);
    std::string sql;
    int branches = 0;
    for (const QueueTable& table : kTables) {
        if (!wanted(table, filter))
            continue;
        sql += branches++ ? " UNION ALL " : "SELECT * FROM (";
        sql += table.select;
        sql += where.sql;
    }
    if (branches == 0)
        return {};
    sql += ") ORDER BY 5 DESC, 2 LIMIT ? OFFSET ?";

    Statement s = db.prepare(sql);
    int next = 1;
    for (int i = 0; i < branches; ++i)
        next = where.bindTo(s, next);
    s.bind(next, std::clamp(limit, 0, 1000));
    s.bind(next + 1, std::max(offset, 0));

    std::vector<QueueRow> rows;
    while (s.step()) {
        QueueRow row;
        row.entity = parseEnum<Entity>(s.text(0)).value_or(Entity::progress_report);
        row.id = s.text(1);
        row.projectId = s.text(2);
        row.projectName = s.text(3);
        row.when = s.text(4);
        row.state = parseEnum<RecordState>(s.text(5)).value_or(RecordState::submitted);
        row.version = s.int64(6);
        row.summary = s.text(7);
        rows.push_back(std::move(row));
    }
    countPhotos(db, rows);
    return rows;
}

int countReviewQueue(const Database& db, const QueueFilter& filter) {
    const SqlWhere where = whereOf(filter);
    int total = 0;
    for (const QueueTable& table : kTables) {
        if (!wanted(table, filter))
            continue;
        Statement s = db.prepare(table.count + where.sql);
        where.bindTo(s);
        s.step();
        total += s.integer(0);
    }
    return total;
}

QueueChoices loadQueueChoices(const Database& db) {
    // The waiting records' projects, once each, with how many wait; then their units (a unit
    // both leading and responsible for a project counts its records once).
    static constexpr const char* kWaiting = R"sql(
        WITH waiting(id, project_id) AS (
          SELECT id, project_id FROM progress_report WHERE state IN ('submitted', 'confirmed')
          UNION ALL
          SELECT id, project_id FROM site_visit WHERE state IN ('submitted', 'confirmed')))sql";
    QueueChoices choices;
    Statement projects = db.prepare(std::string(kWaiting) + R"sql(
        SELECT p.id, p.name, count(*) FROM waiting w JOIN project p ON p.id = w.project_id
         GROUP BY p.id ORDER BY p.rowid)sql");
    while (projects.step()) {
        choices.projects.push_back(
            {projects.text(0), projects.text(1) + "（" + projects.text(2) + "）"});
    }
    Statement units = db.prepare(std::string(kWaiting) + R"sql(
        SELECT u.id, u.name, count(DISTINCT w.id) FROM waiting w
          JOIN project_unit pu ON pu.project_id = w.project_id
                              AND pu.role IN ('lead','responsible')
          JOIN unit u ON u.id = pu.unit_id
         GROUP BY u.id ORDER BY u.name)sql");
    while (units.step())
        choices.units.push_back({units.text(0), units.text(1) + "（" + units.text(2) + "）"});
    return choices;
}

}  // namespace duban
