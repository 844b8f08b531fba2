#include "server/sync/record_views.h"

#include <functional>

#include "core/domain/record_json.h"
#include "core/store/record_rows.h"

namespace duban::server {
namespace {

using nlohmann::json;
using Views = std::map<std::string, json>;  // id → record, for one entity

// Every entity's statement selects its records with the page's ids bound as one JSON array.
std::string idArray(const std::vector<std::string>& ids) {
    return json(ids).dump();
}

json columnJson(const Statement& s, int column) {
    const SqlValue value = s.value(column);
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return *i;
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    if (const auto* t = std::get_if<std::string>(&value))
        return *t;
    return nullptr;
}

// A row as an object keyed by its column names (the SQL spells them as the API does).
json rowObject(const Statement& s) {
    json object = json::object();
    for (int column = 0; column < s.columnCount(); ++column)
        object[s.columnName(column)] = columnJson(s, column);
    return object;
}

json parsedText(const json& text) {
    if (!text.is_string())
        return nullptr;
    json value = json::parse(text.get<std::string>(), nullptr, false);
    return value.is_discarded() ? json(nullptr) : value;
}

Views rowsById(const Database& db, std::string_view sql, const std::vector<std::string>& ids) {
    Statement s = db.prepare(sql);
    s.bindAll(idArray(ids));
    Views views;
    while (s.step()) {
        json row = rowObject(s);
        // Read before the assignment: json::operator= takes its operand by value, and C++17
        // builds that operand (moving `row` away) before it evaluates the left side.
        std::string id = row["id"];
        views[std::move(id)] = std::move(row);
    }
    return views;
}

Views units(const Database& db, const std::vector<std::string>& ids) {
    Views views = rowsById(db, R"sql(
        SELECT u.id, u.name, u.kind, u.parent_id, u.version,
               (SELECT json_group_array(alias) FROM unit_alias WHERE unit_id = u.id) AS aliases
          FROM unit u WHERE u.id IN (SELECT value FROM json_each(?1)))sql",
                           ids);
    for (auto& [id, unit] : views)
        unit["aliases"] = parsedText(unit["aliases"]);
    return views;
}

// A user pulls only their own account (never a password hash: it is not in this table).
Views users(const Database& db, const std::vector<std::string>& ids) {
    return rowsById(db, R"sql(
        SELECT id, username, display_name, role, unit_id, phone, version
          FROM user WHERE id IN (SELECT value FROM json_each(?1)))sql",
                    ids);
}

Views projects(const Database& db, const std::vector<std::string>& ids) {
    Views views = rowsById(db, R"sql(
        SELECT id, code, name, kind, category, start_year, end_year, stage, scope, industry_chain,
               funding_sources, total_investment, completed_before, plan_year, plan_investment,
               plan_content, remarks, lat, lon, completed_this_year, warning_level, version
          FROM project WHERE id IN (SELECT value FROM json_each(?1)))sql",
                           ids);
    for (auto& [id, project] : views) {
        project["funding_sources"] = parsedText(project["funding_sources"]);
        project["units"] = json::array();
        project["lists"] = json::array();
    }
    Statement links = db.prepare(R"sql(
        SELECT project_id, unit_id, role FROM project_unit
         WHERE project_id IN (SELECT value FROM json_each(?1)) ORDER BY project_id, role, ord)sql");
    links.bindAll(idArray(ids));
    while (links.step()) {
        if (auto it = views.find(links.text(0)); it != views.end())
            it->second["units"].push_back({{"unit_id", links.text(1)}, {"role", links.text(2)}});
    }
    Statement lists = db.prepare(R"sql(
        SELECT pl.project_id, pl.list_code, l.name, pl.no, pl.group_label
          FROM project_list pl JOIN list l ON l.code = pl.list_code
         WHERE pl.project_id IN (SELECT value FROM json_each(?1)) ORDER BY pl.project_id, pl.list_code)sql");
    lists.bindAll(idArray(ids));
    while (lists.step()) {
        if (auto it = views.find(lists.text(0)); it != views.end()) {
            it->second["lists"].push_back({{"code", lists.text(1)},
                                           {"name", lists.text(2)},
                                           {"no", lists.int64(3)},
                                           {"group", lists.text(4)}});
        }
    }
    return views;
}

Views milestones(const Database& db, const std::vector<std::string>& ids) {
    return rowsById(db, R"sql(
        SELECT id, project_id, ord AS "order", title, due_date, target_value, target_unit, status,
               version
          FROM milestone WHERE id IN (SELECT value FROM json_each(?1)))sql",
                    ids);
}

Views reports(const Database& db, const std::vector<std::string>& ids) {
    Views views;
    for (const StoredReport& stored : loadReports(db, ids)) {
        const ProgressReport& r = stored.report;
        json view = toJson(r);
        view["id"] = r.id;
        view["state"] = toString(r.state);
        view["author_id"] = r.authorId;
        view["device_id"] = r.deviceId;
        view["submitted_at"] = stored.submittedAt ? json(*stored.submittedAt) : json(nullptr);
        view["updated_at"] = stored.updatedAt;
        view["version"] = stored.version;
        views[r.id] = std::move(view);
    }
    return views;
}

Views visits(const Database& db, const std::vector<std::string>& ids) {
    Views views;
    for (const StoredVisit& stored : loadVisits(db, ids)) {
        const SiteVisit& v = stored.visit;
        json view = toJson(v);
        view["id"] = v.id;
        view["state"] = toString(v.state);
        view["author_id"] = v.authorId;
        view["device_id"] = v.deviceId;
        view["updated_at"] = stored.updatedAt;
        view["version"] = stored.version;
        views[v.id] = std::move(view);
    }
    return views;
}

Views photos(const Database& db, const std::vector<std::string>& ids) {
    Statement s = db.prepare(R"sql(
        SELECT id, owner_kind, owner_id, sha256, size, thumbnail_sha256, width, height, taken_at,
               lat, lon, caption, version
          FROM photo WHERE id IN (SELECT value FROM json_each(?1)))sql");
    s.bindAll(idArray(ids));
    Views views;
    while (s.step()) {
        const Photo p = photoFromRow(s);
        json view = toJson(p);
        view["id"] = p.id;
        view["version"] = s.int64(12);
        views[p.id] = std::move(view);
    }
    return views;
}

Views reviews(const Database& db, const std::vector<std::string>& ids) {
    return rowsById(db, R"sql(
        SELECT id, kind, target_kind, target_id, target_version, actor_id, comment, at
          FROM review WHERE id IN (SELECT value FROM json_each(?1)))sql",
                    ids);
}

Views warnings(const Database& db, const std::vector<std::string>& ids) {
    return rowsById(db, R"sql(
        SELECT id, project_id, milestone_id, level, reason_code, reason, number, correct_by,
               issued_at, issued_by, acknowledged_at, version
          FROM warning WHERE id IN (SELECT value FROM json_each(?1)))sql",
                    ids);
}

// A value that lost a concurrent edit, with the value that won, for its author to decide.
Views conflicts(const Database& db, const std::vector<std::string>& ids) {
    Views views = rowsById(db, R"sql(
        SELECT id, entity, record_id, field, losing_value, winning_value, author_id, device_id,
               winner_mid, at
          FROM conflict WHERE id IN (SELECT value FROM json_each(?1)))sql",
                           ids);
    for (auto& [id, conflict] : views) {
        conflict["losing_value"] = parsedText(conflict["losing_value"]);
        conflict["winning_value"] = parsedText(conflict["winning_value"]);
    }
    return views;
}

using Loader = std::function<Views(const Database&, const std::vector<std::string>&)>;

const std::map<std::string, Loader, std::less<>>& loaders() {
    static const std::map<std::string, Loader, std::less<>> table{
        {"unit", units},
        {"user", users},
        {"project", projects},
        {"milestone", milestones},
        {"progress_report", reports},
        {"site_visit", visits},
        {"photo", photos},
        {"review", reviews},
        {"warning", warnings},
        {"conflict", conflicts},
    };
    return table;
}

}  // namespace

std::map<RecordKey, json> loadRecordViews(const Database& db, const std::vector<RecordKey>& keys) {
    std::map<std::string, std::vector<std::string>, std::less<>> idsByEntity;
    for (const auto& [entity, id] : keys)
        idsByEntity[entity].push_back(id);
    std::map<RecordKey, json> views;
    for (const auto& [entity, ids] : idsByEntity) {
        const auto loader = loaders().find(entity);
        if (loader == loaders().end())
            continue;  // an entity this server version does not send
        for (auto& [id, view] : loader->second(db, ids))
            views[{entity, id}] = std::move(view);
    }
    return views;
}

}  // namespace duban::server
