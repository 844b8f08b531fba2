#include "server/db/change_log.h"

namespace duban::server {

void recordChanged(const Database& db, std::string_view entity, std::string_view recordId,
                   const ChangeScope& scope, std::int64_t version, bool deleted) {
    db.prepare("DELETE FROM change WHERE entity = ? AND record_id = ?")
        .bindAll(entity, recordId)
        .run();
    db.prepare(
          "INSERT INTO change (entity, record_id, project_id, owner_id, deleted, version) VALUES "
          "(?, ?, ?, ?, ?, ?)")
        .bindAll(entity, recordId, scope.projectId, scope.ownerId, deleted ? 1 : 0, version)
        .run();
}

int logImportedRecords(const Database& db) {
    // Set-based, one statement pair per table: re-sequence the rows whose version the log has not
    // seen, then log the ones it has never seen.
    struct Source {
        std::string_view resequence;
        std::string_view insert;
    };
    static constexpr Source kSources[] = {
        {"DELETE FROM change WHERE entity = 'unit' AND record_id IN (SELECT r.id FROM unit r JOIN "
         "change c"
         " ON c.entity = 'unit' AND c.record_id = r.id WHERE c.version <> r.version)",
         "INSERT INTO change (entity, record_id, project_id, version) SELECT 'unit', r.id, NULL, "
         "r.version FROM unit r"
         " WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = 'unit' AND c.record_id = "
         "r.id) ORDER BY r.rowid"},
        {"DELETE FROM change WHERE entity = 'project' AND record_id IN (SELECT r.id FROM project r "
         "JOIN change c"
         " ON c.entity = 'project' AND c.record_id = r.id WHERE c.version <> r.version)",
         "INSERT INTO change (entity, record_id, project_id, version) SELECT 'project', r.id, "
         "r.id, r.version"
         " FROM project r WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = 'project' AND "
         "c.record_id = r.id)"
         " ORDER BY r.rowid"},
        {"DELETE FROM change WHERE entity = 'milestone' AND record_id IN (SELECT r.id FROM "
         "milestone r JOIN change c"
         " ON c.entity = 'milestone' AND c.record_id = r.id WHERE c.version <> r.version)",
         "INSERT INTO change (entity, record_id, project_id, version) SELECT 'milestone', r.id, "
         "r.project_id,"
         " r.version FROM milestone r WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = "
         "'milestone'"
         " AND c.record_id = r.id) ORDER BY r.rowid"},
    };
    int logged = 0;
    for (const Source& source : kSources) {
        db.prepare(source.resequence).run();
        Statement insert = db.prepare(source.insert);
        insert.run();
        logged += static_cast<int>(db.lastChanges());
    }
    return logged;
}

std::int64_t scopeEpoch(const Database& db) {
    Statement s = db.prepare("SELECT value FROM server_state WHERE key = 'scope_epoch'");
    return s.step() ? std::stoll(s.text(0)) : 0;
}

void bumpScopeEpoch(const Database& db) {
    db.prepare(R"sql(INSERT INTO server_state (key, value) VALUES ('scope_epoch', '1')
                     ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1)sql")
        .run();
}

std::int64_t newestChangeSeq(const Database& db) {
    Statement s = db.prepare("SELECT coalesce(max(seq), 0) FROM change");
    return s.step() ? s.int64(0) : 0;
}

}  // namespace duban::server
