#include "sync/pull_records.h"

#include "core/domain/record_json.h"
#include "core/domain/types.h"
#include "core/store/record_rows.h"
#include "core/store/search_index.h"

namespace duban::sync::detail {
namespace {

using nlohmann::json;

SqlValue sqlValue(const json& value) {
    if (value.is_null())
        return SqlNull{};
    if (value.is_boolean())
        return std::int64_t{value.get<bool>() ? 1 : 0};
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number())
        return value.get<double>();
    if (value.is_string())
        return value.get<std::string>();
    return value.dump();  // arrays and objects are stored as JSON text (funding_sources)
}

// Binds record[keys[i]] to ?i+1 and runs the statement.
void upsert(const Database& db, std::string_view sql, const json& record,
            std::initializer_list<const char*> keys) {
    Statement s = db.prepare(sql);
    int index = 0;
    for (const char* key : keys)
        s.bind(++index, record.contains(key) ? sqlValue(record[key]) : SqlValue{SqlNull{}});
    s.run();
}

[[noreturn]] void badRecord(const std::string& entity, const std::string& why) {
    throw DatabaseError(SQLITE_MISMATCH, "a pulled " + entity + " does not fit this app version (" +
                                             why + "); update the app.");
}

json withoutKeys(json record, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        record.erase(key);
    return record;
}

void applyReport(const Database& db, const json& record) {
    ProgressReport r;
    if (Status s = applyJson(r, withoutKeys(record, {"id", "state", "author_id", "device_id",
                                                     "submitted_at", "updated_at", "version"}));
        !s) {
        badRecord("progress_report", s.error().message);
    }
    r.id = record.value("id", "");
    r.state = parseEnum<RecordState>(record.value("state", "")).value_or(RecordState::draft);
    r.authorId = record.value("author_id", "");
    r.deviceId = record.value("device_id", "");
    storeReport(db, r, record.value("version", std::int64_t{0}), record.value("updated_at", ""));
    // storeReport stamps submission times as a device does; the server's own stamp is the truth.
    db.prepare("UPDATE progress_report SET submitted_at = ?2 WHERE id = ?1")
        .bindAll(r.id, sqlValue(record.value("submitted_at", json(nullptr))))
        .run();
}

void applyVisit(const Database& db, const json& record) {
    SiteVisit v;
    if (Status s = applyJson(v, withoutKeys(record, {"id", "state", "author_id", "device_id",
                                                     "updated_at", "version"}));
        !s) {
        badRecord("site_visit", s.error().message);
    }
    v.id = record.value("id", "");
    v.state = parseEnum<RecordState>(record.value("state", "")).value_or(RecordState::draft);
    v.authorId = record.value("author_id", "");
    v.deviceId = record.value("device_id", "");
    storeVisit(db, v, record.value("version", std::int64_t{0}), record.value("updated_at", ""));
}

void applyUnit(const Database& db, const json& record, std::set<std::string>* touched) {
    upsert(db, R"sql(
        INSERT INTO unit (id, name, kind, parent_id, version) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
          parent_id = excluded.parent_id, version = excluded.version)sql",
           record, {"id", "name", "kind", "parent_id", "version"});
    const std::string id = record.value("id", "");
    db.prepare("DELETE FROM unit_alias WHERE unit_id = ?").bindAll(id).run();
    if (record.contains("aliases") && record["aliases"].is_array()) {
        for (const json& alias : record["aliases"]) {
            if (alias.is_string()) {
                db.prepare("INSERT OR REPLACE INTO unit_alias (alias, unit_id) VALUES (?, ?)")
                    .bindAll(alias.get<std::string>(), id)
                    .run();
            }
        }
    }
    // A renamed unit or a new alias changes what finds its projects.
    if (touched != nullptr) {
        Statement s = db.prepare("SELECT DISTINCT project_id FROM project_unit WHERE unit_id = ?");
        s.bindAll(id);
        while (s.step())
            touched->insert(s.text(0));
    }
}

void applyProject(const Database& db, const json& record) {
    upsert(db, R"sql(
        INSERT INTO project (id, code, name, kind, category, start_year, end_year, stage, scope,
                             industry_chain, funding_sources, total_investment, completed_before,
                             plan_year, plan_investment, plan_content, remarks, lat, lon,
                             completed_this_year, warning_level, version)
        VALUES (?1, ?2, ?3, ?4, coalesce(?5, ''), ?6, ?7, coalesce(?8, ''), coalesce(?9, ''),
                coalesce(?10, ''), coalesce(?11, '[]'), ?12, ?13, ?14, ?15, coalesce(?16, ''),
                coalesce(?17, ''), ?18, ?19, coalesce(?20, 0), coalesce(?21, 0), ?22)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
          kind = excluded.kind, category = excluded.category, start_year = excluded.start_year,
          end_year = excluded.end_year, stage = excluded.stage, scope = excluded.scope,
          industry_chain = excluded.industry_chain, funding_sources = excluded.funding_sources,
          total_investment = excluded.total_investment, completed_before = excluded.completed_before,
          plan_year = excluded.plan_year, plan_investment = excluded.plan_investment,
          plan_content = excluded.plan_content, remarks = excluded.remarks, lat = excluded.lat,
          lon = excluded.lon, completed_this_year = excluded.completed_this_year,
          warning_level = excluded.warning_level, version = excluded.version)sql",
           record,
           {"id",
            "code",
            "name",
            "kind",
            "category",
            "start_year",
            "end_year",
            "stage",
            "scope",
            "industry_chain",
            "funding_sources",
            "total_investment",
            "completed_before",
            "plan_year",
            "plan_investment",
            "plan_content",
            "remarks",
            "lat",
            "lon",
            "completed_this_year",
            "warning_level",
            "version"});
    const std::string id = record.value("id", "");
    db.prepare("DELETE FROM project_unit WHERE project_id = ?").bindAll(id).run();
    if (record.contains("units") && record["units"].is_array()) {
        int ord = 0;
        for (const json& link : record["units"]) {
            db.prepare(R"sql(
                INSERT OR IGNORE INTO project_unit (project_id, unit_id, role, ord)
                VALUES (?, ?, ?, ?))sql")
                .bindAll(id, link.value("unit_id", ""), link.value("role", ""), ord++)
                .run();
        }
    }
    db.prepare("DELETE FROM project_list WHERE project_id = ?").bindAll(id).run();
    if (record.contains("lists") && record["lists"].is_array()) {
        for (const json& list : record["lists"]) {
            // The pull carries a list's name only; its kind is that of the projects it lists.
            db.prepare(R"sql(
                INSERT INTO list (code, name, kind) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name)sql")
                .bindAll(list.value("code", ""), list.value("name", ""),
                         record.value("kind", "investment_project"))
                .run();
            db.prepare(R"sql(
                INSERT OR REPLACE INTO project_list (project_id, list_code, no, group_label)
                VALUES (?, ?, ?, ?))sql")
                .bindAll(id, list.value("code", ""), list.value("no", std::int64_t{0}),
                         list.value("group", ""))
                .run();
        }
    }
}

void applyPhoto(const Database& db, const json& record) {
    json row = record;
    const json position = record.value("position", json(nullptr));
    row["lat"] = position.is_object() ? position.value("lat", json(nullptr)) : json(nullptr);
    row["lon"] = position.is_object() ? position.value("lon", json(nullptr)) : json(nullptr);
    upsert(db, R"sql(
        INSERT INTO photo (id, owner_kind, owner_id, sha256, size, thumbnail_sha256, width, height,
                           taken_at, lat, lon, caption, version)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, coalesce(?12, ''), ?13)
        ON CONFLICT (id) DO UPDATE SET owner_kind = excluded.owner_kind,
          owner_id = excluded.owner_id, sha256 = excluded.sha256, size = excluded.size,
          thumbnail_sha256 = excluded.thumbnail_sha256, width = excluded.width,
          height = excluded.height, taken_at = excluded.taken_at, lat = excluded.lat,
          lon = excluded.lon, caption = excluded.caption, version = excluded.version)sql",
           row,
           {"id", "owner_kind", "owner_id", "sha256", "size", "thumbnail_sha256", "width", "height",
            "taken_at", "lat", "lon", "caption", "version"});
}

// A value of ours that lost to a later edit: the inbox shows it to its author with the winner.
void applyConflict(const Database& db, const json& record) {
    const std::string field = record.value("field", "");
    db.prepare(R"sql(
        INSERT OR IGNORE INTO inbox (id, kind, entity, record_id, mutation, code, message,
                                     server_record, created_at)
        VALUES (?, 'conflict', ?, ?, ?, 'conflict', ?, ?, ?))sql")
        .bindAll(record.value("id", ""), record.value("entity", ""), record.value("record_id", ""),
                 json{{field, record.value("losing_value", json(nullptr))}}.dump(),
                 "the value of '" + field + "' was replaced by a later edit from another device.",
                 record.dump(), record.value("at", ""))
        .run();
}

void deleteProjectSearch(const Database& db, const std::string& projectId);

// Foreign keys are off while a pull applies pages, so their cascades are written out here.
void deleteProject(const Database& db, const std::string& projectId) {
    deleteProjectSearch(db, projectId);
    db.prepare("DELETE FROM project_unit WHERE project_id = ?").bindAll(projectId).run();
    db.prepare("DELETE FROM project_list WHERE project_id = ?").bindAll(projectId).run();
    db.prepare("DELETE FROM milestone WHERE project_id = ?").bindAll(projectId).run();
    db.prepare("DELETE FROM project WHERE id = ?").bindAll(projectId).run();
}

void deleteProjectSearch(const Database& db, const std::string& projectId) {
    Statement s = db.prepare("SELECT rowid FROM project WHERE id = ?");
    s.bindAll(projectId);
    if (!s.step())
        return;
    const std::int64_t rowid = s.int64(0);
    db.prepare("DELETE FROM project_search WHERE rowid = ?").bindAll(rowid).run();
    db.prepare("DELETE FROM project_search_bigram WHERE rowid = ?").bindAll(rowid).run();
}

}  // namespace

bool applyServerRecord(const Database& db, const std::string& entity, const json& record,
                       std::set<std::string>* touchedProjects) {
    if (!record.is_object() || !record.contains("id") || !record["id"].is_string())
        badRecord(entity, "no id");
    const std::string id = record["id"].get<std::string>();
    if (hasQueuedEdits(db, id))
        return false;
    if (entity == "progress_report") {
        applyReport(db, record);
    } else if (entity == "site_visit") {
        applyVisit(db, record);
    } else if (entity == "project") {
        applyProject(db, record);
        if (touchedProjects != nullptr)
            touchedProjects->insert(id);
    } else if (entity == "unit") {
        applyUnit(db, record, touchedProjects);
    } else if (entity == "user") {
        upsert(db, R"sql(
            INSERT INTO user (id, username, display_name, role, unit_id, phone, version)
            VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, ''), ?7)
            ON CONFLICT (id) DO UPDATE SET username = excluded.username,
              display_name = excluded.display_name, role = excluded.role,
              unit_id = excluded.unit_id, phone = excluded.phone, version = excluded.version)sql",
               record, {"id", "username", "display_name", "role", "unit_id", "phone", "version"});
    } else if (entity == "milestone") {
        upsert(db, R"sql(
            INSERT INTO milestone (id, project_id, ord, title, due_date, target_value, target_unit,
                                   status, version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, ''), ?8, ?9)
            ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ord = excluded.ord,
              title = excluded.title, due_date = excluded.due_date,
              target_value = excluded.target_value, target_unit = excluded.target_unit,
              status = excluded.status, version = excluded.version)sql",
               record,
               {"id", "project_id", "order", "title", "due_date", "target_value", "target_unit",
                "status", "version"});
    } else if (entity == "photo") {
        applyPhoto(db, record);
    } else if (entity == "review") {
        upsert(db, R"sql(
            INSERT INTO review (id, kind, target_kind, target_id, target_version, actor_id,
                                comment, at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, ''), ?8)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,
              target_kind = excluded.target_kind, target_id = excluded.target_id,
              target_version = excluded.target_version, actor_id = excluded.actor_id,
              comment = excluded.comment, at = excluded.at)sql",
               record,
               {"id", "kind", "target_kind", "target_id", "target_version", "actor_id", "comment",
                "at"});
    } else if (entity == "warning") {
        upsert(db, R"sql(
            INSERT INTO warning (id, project_id, milestone_id, level, reason_code, reason, number,
                                 correct_by, issued_at, issued_by, acknowledged_at, version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id,
              milestone_id = excluded.milestone_id, level = excluded.level,
              reason_code = excluded.reason_code, reason = excluded.reason,
              number = excluded.number, correct_by = excluded.correct_by,
              issued_at = excluded.issued_at, issued_by = excluded.issued_by,
              acknowledged_at = excluded.acknowledged_at, version = excluded.version)sql",
               record,
               {"id", "project_id", "milestone_id", "level", "reason_code", "reason", "number",
                "correct_by", "issued_at", "issued_by", "acknowledged_at", "version"});
    } else if (entity == "conflict") {
        applyConflict(db, record);
    } else {
        return false;  // an entity a newer server sends and this client does not keep
    }
    return true;
}

bool deleteLocalRecord(const Database& db, const std::string& entity, const std::string& id) {
    if (hasQueuedEdits(db, id))
        return false;
    if (entity == "progress_report") {
        db.prepare("DELETE FROM progress_report WHERE id = ?").bindAll(id).run();
    } else if (entity == "site_visit") {
        db.prepare("DELETE FROM site_visit WHERE id = ?").bindAll(id).run();
    } else if (entity == "photo") {
        db.prepare("DELETE FROM photo WHERE id = ?").bindAll(id).run();
    } else if (entity == "review") {
        db.prepare("DELETE FROM review WHERE id = ?").bindAll(id).run();
    } else if (entity == "warning") {
        db.prepare("DELETE FROM warning WHERE id = ?").bindAll(id).run();
    } else if (entity == "milestone") {
        // Reports keep their text when their milestone goes; only the link is dropped.
        db.prepare("UPDATE progress_report SET milestone_id = NULL WHERE milestone_id = ?")
            .bindAll(id)
            .run();
        db.prepare("UPDATE warning SET milestone_id = NULL WHERE milestone_id = ?")
            .bindAll(id)
            .run();
        db.prepare("DELETE FROM milestone WHERE id = ?").bindAll(id).run();
    } else if (entity == "project") {
        // A project that left our scope takes its records with it, except unsent local work,
        // which keeps the project row alive until the server has judged it.
        const char* dependents[] = {
            "DELETE FROM warning WHERE project_id = ?1",
            "DELETE FROM progress_report WHERE project_id = ?1 "
            "AND id NOT IN (SELECT record_id FROM outbox)",
            "DELETE FROM site_visit WHERE project_id = ?1 "
            "AND id NOT IN (SELECT record_id FROM outbox)",
        };
        for (const char* sql : dependents)
            db.prepare(sql).bindAll(id).run();
        Statement used = db.prepare(R"sql(
            SELECT 1 FROM progress_report WHERE project_id = ?1
            UNION ALL SELECT 1 FROM site_visit WHERE project_id = ?1 LIMIT 1)sql");
        used.bindAll(id);
        if (used.step())
            return false;
        deleteProject(db, id);
    } else if (entity == "unit") {
        // Units are never deleted on the server (accounts and history refer to them).
        return false;
    } else {
        return false;
    }
    return true;
}

int dropUnseen(const Database& db, const SeenIds& seen) {
    const auto idsOf = [&seen](const char* entity) {
        const auto it = seen.find(entity);
        return json(it == seen.end() ? std::vector<std::string>{} : it->second).dump();
    };
    int dropped = 0;
    const auto run = [&](const char* sql, const char* entity) {
        db.prepare(sql).bindAll(idsOf(entity)).run();
        dropped += static_cast<int>(db.lastChanges());
    };
    // Children first, so no foreign key is left dangling; unsent local work always stays.
    run(R"sql(DELETE FROM review WHERE id NOT IN (SELECT value FROM json_each(?1)))sql", "review");
    run(R"sql(DELETE FROM photo WHERE id NOT IN (SELECT value FROM json_each(?1))
               AND id NOT IN (SELECT record_id FROM outbox))sql",
        "photo");
    run(R"sql(DELETE FROM warning WHERE id NOT IN (SELECT value FROM json_each(?1))
               AND id NOT IN (SELECT record_id FROM outbox))sql",
        "warning");
    run(R"sql(DELETE FROM progress_report WHERE id NOT IN (SELECT value FROM json_each(?1))
               AND id NOT IN (SELECT record_id FROM outbox))sql",
        "progress_report");
    run(R"sql(DELETE FROM site_visit WHERE id NOT IN (SELECT value FROM json_each(?1))
               AND id NOT IN (SELECT record_id FROM outbox))sql",
        "site_visit");
    run(R"sql(DELETE FROM milestone WHERE id NOT IN (SELECT value FROM json_each(?1))
               AND id NOT IN (SELECT milestone_id FROM progress_report WHERE milestone_id IS NOT NULL)
               AND id NOT IN (SELECT milestone_id FROM warning WHERE milestone_id IS NOT NULL))sql",
        "milestone");
    Statement gone = db.prepare(R"sql(
        SELECT id FROM project WHERE id NOT IN (SELECT value FROM json_each(?1))
           AND id NOT IN (SELECT project_id FROM progress_report)
           AND id NOT IN (SELECT project_id FROM site_visit)
           AND id NOT IN (SELECT project_id FROM warning)
           AND id NOT IN (SELECT project_id FROM milestone))sql");
    gone.bindAll(idsOf("project"));
    std::vector<std::string> projects;
    while (gone.step())
        projects.push_back(gone.text(0));
    for (const std::string& id : projects) {
        deleteProject(db, id);
        ++dropped;
    }
    return dropped;
}

}  // namespace duban::sync::detail
