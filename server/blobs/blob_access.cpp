#include "server/blobs/blob_access.h"

#include <string>
#include <vector>

#include "core/store/record_rows.h"

namespace duban::server {

bool mayReadBlob(const Database& db, const Actor& actor, std::string_view sha256) {
    {
        Statement s = db.prepare(R"sql(
            SELECT 1 FROM blob b JOIN blob_holder h ON h.sha256 = b.sha256
             WHERE b.sha256 = ? AND h.user_id = ?)sql");
        s.bindAll(sha256, actor.userId);
        if (s.step())
            return true;
    }
    std::vector<std::string> projects;
    {
        Statement s = db.prepare(R"sql(
            SELECT DISTINCT COALESCE(v.project_id, r.project_id)
              FROM photo p
              JOIN blob b ON b.sha256 = ?1
              LEFT JOIN site_visit v ON p.owner_kind = 'site_visit' AND v.id = p.owner_id
              LEFT JOIN progress_report r ON p.owner_kind = 'progress_report' AND r.id = p.owner_id
             WHERE (p.sha256 = ?1 OR p.thumbnail_sha256 = ?1)
               AND COALESCE(v.project_id, r.project_id) IS NOT NULL)sql");
        s.bindAll(sha256);
        while (s.step())
            projects.push_back(s.text(0));
    }
    const ReadScope scope = readScope(actor);
    for (const std::string& project : projects) {
        if (scope.includes(loadProjectUnits(db, project)))
            return true;
    }
    return false;
}

}  // namespace duban::server
