#include "core/store/review_queue.h"

#include <nlohmann/json.hpp>

namespace duban {

std::vector<QueueRow> listReviewQueue(const Database& db, int limit, int offset) {
    // progress_report_by_state and site_visit_by_state serve the two branches.
    Statement s = db.prepare(R"sql(
        SELECT * FROM (
          SELECT 'progress_report', r.id, r.project_id, p.name, r.period, r.state, r.version,
                 r.narrative
            FROM progress_report r JOIN project p ON p.id = r.project_id
           WHERE r.state IN ('submitted', 'confirmed')
          UNION ALL
          SELECT 'site_visit', v.id, v.project_id, p.name, v.visited_at, v.state, v.version,
                 v.notes
            FROM site_visit v JOIN project p ON p.id = v.project_id
           WHERE v.state IN ('submitted', 'confirmed'))
        ORDER BY 5 DESC, 2 LIMIT ? OFFSET ?)sql");
    s.bindAll(limit, offset);
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
    // The page's photo counts in one query (photo_by_owner), not one per row.
    if (!rows.empty()) {
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
    return rows;
}

int countReviewQueue(const Database& db) {
    Statement s = db.prepare(R"sql(
        SELECT (SELECT count(*) FROM progress_report WHERE state IN ('submitted', 'confirmed')) +
               (SELECT count(*) FROM site_visit WHERE state IN ('submitted', 'confirmed')))sql");
    s.step();
    return s.integer(0);
}

}  // namespace duban
