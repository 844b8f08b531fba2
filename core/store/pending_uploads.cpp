#include "core/store/pending_uploads.h"

namespace duban {

PendingUploads countPendingUploads(const Database& db) {
    PendingUploads out;
    // A photo's own outbox entry is the photo: counted by its file, not as a record.
    Statement records =
        db.prepare("SELECT count(DISTINCT record_id) FROM outbox WHERE entity <> 'photo'");
    records.step();
    out.records = records.integer(0);
    Statement photos = db.prepare(
        "SELECT count(*) FROM blob_upload WHERE kind = 'photo' "
        "AND state IN ('pending', 'uploading')");  // blob_upload_waiting
    photos.step();
    out.photos = photos.integer(0);
    return out;
}

std::map<std::string, int> pendingRecordsByProject(const Database& db) {
    Statement s = db.prepare(R"sql(
        SELECT project_id, count(*) FROM (
          SELECT r.project_id FROM (SELECT DISTINCT record_id FROM outbox) o
            JOIN progress_report r ON r.id = o.record_id
          UNION ALL
          SELECT v.project_id FROM (SELECT DISTINCT record_id FROM outbox) o
            JOIN site_visit v ON v.id = o.record_id)
         GROUP BY project_id)sql");
    std::map<std::string, int> out;
    while (s.step())
        out.emplace(s.text(0), s.integer(1));
    return out;
}

}  // namespace duban
