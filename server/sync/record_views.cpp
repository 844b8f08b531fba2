#include "server/sync/record_views.h"

#include <array>

#include "core/store/entity_rows.h"

namespace duban::server {
namespace {

using nlohmann::json;
using Views = std::map<std::string, json>;  // id → record, for one entity

// Every entity's statements select its records with the page's ids bound as one JSON array.
std::string idArray(const std::vector<std::string>& ids) {
    return json(ids).dump();
}

// A unit's other spellings, in the order they were added.
void addAliases(const Database& db, const std::string& ids, Views& views) {
    for (auto& [id, unit] : views)
        unit["aliases"] = json::array();
    Statement s = db.prepare(R"sql(
        SELECT unit_id, alias FROM unit_alias
         WHERE unit_id IN (SELECT value FROM json_each(?1)) ORDER BY unit_id, rowid)sql");
    s.bindAll(ids);
    while (s.step()) {
        if (auto it = views.find(s.text(0)); it != views.end())
            it->second["aliases"].push_back(s.text(1));
    }
}

// A project's units and the lists that name it.
void addProjectLinks(const Database& db, const std::string& ids, Views& views) {
    for (auto& [id, project] : views) {
        project["units"] = json::array();
        project["lists"] = json::array();
    }
    Statement links = db.prepare(R"sql(
        SELECT project_id, unit_id, role FROM project_unit
         WHERE project_id IN (SELECT value FROM json_each(?1)) ORDER BY project_id, role, ord)sql");
    links.bindAll(ids);
    while (links.step()) {
        if (auto it = views.find(links.text(0)); it != views.end())
            it->second["units"].push_back({{"unit_id", links.text(1)}, {"role", links.text(2)}});
    }
    Statement lists = db.prepare(R"sql(
        SELECT pl.project_id, pl.list_code, l.name, pl.no, pl.group_label
          FROM project_list pl JOIN list l ON l.code = pl.list_code
         WHERE pl.project_id IN (SELECT value FROM json_each(?1)) ORDER BY pl.project_id, pl.list_code)sql");
    lists.bindAll(ids);
    while (lists.step()) {
        if (auto it = views.find(lists.text(0)); it != views.end()) {
            it->second["lists"].push_back({{"code", lists.text(1)},
                                           {"name", lists.text(2)},
                                           {"no", lists.int64(3)},
                                           {"group", lists.text(4)}});
        }
    }
}

// What a view holds beyond its described columns (core/store/entity_columns.cpp).
struct ViewStep {
    std::string_view entity;
    void (*complete)(const Database&, const std::string& ids, Views&);
};
constexpr std::array kSteps{
    ViewStep{"unit", addAliases},
    ViewStep{"project", addProjectLinks},
};

Views loadViews(const Database& db, const RecordTable& table, const std::vector<std::string>& ids) {
    const std::string idsJson = idArray(ids);
    Statement s = db.prepare(selectByIdsSql(table));
    s.bindAll(idsJson);
    Views views;
    while (s.step())
        views.emplace(s.text(0), rowJson(table, s));
    for (const ViewStep& step : kSteps) {
        if (step.entity == table.entity)
            step.complete(db, idsJson, views);
    }
    return views;
}

}  // namespace

std::map<RecordKey, json> loadRecordViews(const Database& db, const std::vector<RecordKey>& keys) {
    std::map<std::string, std::vector<std::string>, std::less<>> idsByEntity;
    for (const auto& [entity, id] : keys)
        idsByEntity[entity].push_back(id);
    std::map<RecordKey, json> views;
    for (const auto& [entity, ids] : idsByEntity) {
        const RecordTable* table = findRecordTable(entity);
        if (table == nullptr)
            continue;  // an entity this server version does not send
        for (auto& [id, view] : loadViews(db, *table, ids))
            views[{entity, id}] = std::move(view);
    }
    return views;
}

}  // namespace duban::server
