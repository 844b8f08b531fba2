#include "sync/pull_records.h"

#include <array>

#include "core/store/outbox.h"

namespace duban::sync::detail {
namespace {

using nlohmann::json;

[[noreturn]] void badRecord(std::string_view entity, const std::string& why) {
    throw DatabaseError(SQLITE_MISMATCH, "a pulled " + std::string(entity) +
                                             " does not fit this app version (" + why +
                                             "); update the app.");
}

void applyUnitLinks(const Database& db, const json& record, std::set<std::string>* touched) {
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

void applyProjectLinks(const Database& db, const json& record, std::set<std::string>* touched) {
    const std::string id = record.value("id", "");
    if (touched != nullptr)
        touched->insert(id);
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

// A value of ours that lost to a later edit: the inbox shows it to its author with the winner.
void fileConflict(const Database& db, const json& record) {
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

void deleteProjectSearch(const Database& db, const std::string& projectId) {
    Statement s = db.prepare("SELECT rowid FROM project WHERE id = ?");
    s.bindAll(projectId);
    if (!s.step())
        return;
    const std::int64_t rowid = s.int64(0);
    db.prepare("DELETE FROM project_search WHERE rowid = ?").bindAll(rowid).run();
    db.prepare("DELETE FROM project_search_bigram WHERE rowid = ?").bindAll(rowid).run();
}

// Foreign keys are off while a pull applies pages, so their cascades are written out here.
void deleteProject(const Database& db, const std::string& projectId) {
    deleteProjectSearch(db, projectId);
    db.prepare("DELETE FROM project_unit WHERE project_id = ?").bindAll(projectId).run();
    db.prepare("DELETE FROM project_list WHERE project_id = ?").bindAll(projectId).run();
    db.prepare("DELETE FROM milestone WHERE project_id = ?").bindAll(projectId).run();
    db.prepare("DELETE FROM project WHERE id = ?").bindAll(projectId).run();
}

// A project that left our scope takes its records with it, except unsent local work, which
// keeps the project row alive until the server has judged it.
bool removeProject(const Database& db, const std::string& id) {
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
    return true;
}

// Reports keep their text when their milestone goes; only the link is dropped.
bool removeMilestone(const Database& db, const std::string& id) {
    db.prepare("UPDATE progress_report SET milestone_id = NULL WHERE milestone_id = ?")
        .bindAll(id)
        .run();
    db.prepare("UPDATE warning SET milestone_id = NULL WHERE milestone_id = ?").bindAll(id).run();
    db.prepare("DELETE FROM milestone WHERE id = ?").bindAll(id).run();
    return true;
}

// Units and accounts are never deleted on the server (history refers to them).
bool keepRecord(const Database&, const std::string&) {
    return false;
}

// What a pull does for an entity beyond upserting its described columns (core/store/
// entity_columns.cpp) or deleting its row. Search text is reindexed per page for the projects in
// `touched`.
struct PullStep {
    std::string_view entity;
    // For an entity without a table of its own on the device.
    void (*instead)(const Database&, const json& record) = nullptr;
    // The links a record carries (a unit's aliases, a project's units and lists).
    void (*after)(const Database&, const json& record, std::set<std::string>* touched) = nullptr;
    // A tombstone that is more than deleting the row; false when it was skipped.
    bool (*remove)(const Database&, const std::string& id) = nullptr;
};

constexpr std::array kSteps{
    PullStep{.entity = "unit", .after = applyUnitLinks, .remove = keepRecord},
    PullStep{.entity = "user", .remove = keepRecord},
    PullStep{.entity = "project", .after = applyProjectLinks, .remove = removeProject},
    PullStep{.entity = "milestone", .remove = removeMilestone},
    PullStep{.entity = "conflict", .instead = fileConflict, .remove = keepRecord},
};

const PullStep* stepOf(std::string_view entity) {
    for (const PullStep& step : kSteps) {
        if (step.entity == entity)
            return &step;
    }
    return nullptr;
}

}  // namespace

Statement& RecordWriter::upsertOf(const RecordTable& table) {
    for (auto& [described, statement] : m_upserts) {
        if (described == &table) {
            statement.reset();
            return statement;
        }
    }
    return m_upserts.emplace_back(&table, m_db.prepare(upsertSql(table))).second;
}

bool RecordWriter::apply(const std::string& entity, const json& record,
                         std::set<std::string>* touchedProjects) {
    if (!record.is_object() || !record.contains("id") || !record["id"].is_string())
        badRecord(entity, "no id");
    const RecordTable* table = findRecordTable(entity);
    if (table == nullptr)
        return false;  // an entity a newer server sends and this client does not keep
    if (hasQueuedEdits(m_db, record["id"].get_ref<const std::string&>()))
        return false;
    const PullStep* step = stepOf(entity);
    if (step != nullptr && step->instead != nullptr) {
        step->instead(m_db, record);
        return true;
    }
    Statement& upsert = upsertOf(*table);
    bindRecord(*table, record, upsert);
    upsert.run();
    if (step != nullptr && step->after != nullptr)
        step->after(m_db, record, touchedProjects);
    return true;
}

bool applyServerRecord(const Database& db, const std::string& entity, const json& record,
                       std::set<std::string>* touchedProjects) {
    return RecordWriter(db).apply(entity, record, touchedProjects);
}

bool deleteLocalRecord(const Database& db, const std::string& entity, const std::string& id) {
    if (hasQueuedEdits(db, id))
        return false;
    const RecordTable* table = findRecordTable(entity);
    if (table == nullptr)
        return false;
    if (const PullStep* step = stepOf(entity); step != nullptr && step->remove != nullptr)
        return step->remove(db, id);
    db.prepare(deleteByIdSql(*table)).bindAll(id).run();
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
