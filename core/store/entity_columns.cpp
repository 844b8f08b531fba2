#include "core/store/entity_columns.h"

#include <array>
#include <stdexcept>
#include <vector>

namespace duban {
namespace {

using nlohmann::json;
using T = ColumnType;

// The server's version of a record: 0 until the server has seen it.
constexpr Column kVersion{.name = "version", .type = T::integer, .fallback = "0", .stamped = true};

constexpr std::array kUnit{
    Column{.name = "id"},
    Column{.name = "name"},
    Column{.name = "kind"},
    Column{.name = "parent_id", .nullable = true},
    kVersion,
};

// A user pulls only their own account (never a password hash: it is not in this table).
constexpr std::array kUser{
    Column{.name = "id"},
    Column{.name = "username"},
    Column{.name = "display_name"},
    Column{.name = "role"},
    Column{.name = "unit_id", .nullable = true},
    Column{.name = "phone", .fallback = "''"},
    kVersion,
};

constexpr std::array kProject{
    Column{.name = "id"},
    Column{.name = "code"},
    Column{.name = "name"},
    Column{.name = "kind"},
    Column{.name = "category", .fallback = "''"},
    Column{.name = "start_year", .type = T::integer, .nullable = true},
    Column{.name = "end_year", .type = T::integer, .nullable = true},
    Column{.name = "stage", .fallback = "''"},
    Column{.name = "scope", .fallback = "''"},
    Column{.name = "industry_chain", .fallback = "''"},
    Column{.name = "funding_sources", .type = T::json, .fallback = "'[]'"},
    Column{.name = "total_investment", .type = T::integer, .nullable = true},
    Column{.name = "completed_before", .type = T::integer, .nullable = true},
    Column{.name = "plan_year", .type = T::integer, .nullable = true},
    Column{.name = "plan_investment", .type = T::integer, .nullable = true},
    Column{.name = "plan_content", .fallback = "''"},
    Column{.name = "remarks", .fallback = "''"},
    Column{.name = "lat", .type = T::real, .nullable = true},
    Column{.name = "lon", .type = T::real, .nullable = true},
    // Derived from approved reports and findings on the server, never typed.
    Column{.name = "completed_this_year", .type = T::integer, .fallback = "0", .stamped = true},
    Column{.name = "warning_level", .type = T::integer, .fallback = "0", .stamped = true},
    kVersion,
};

constexpr std::array kMilestone{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "ord", .type = T::integer, .key = "order"},
    Column{.name = "title"},
    Column{.name = "due_date"},
    Column{.name = "target_value", .type = T::real, .nullable = true},
    Column{.name = "target_unit", .fallback = "''"},
    Column{.name = "status", .fallback = "'open'"},
    kVersion,
};

constexpr std::array kProgressReport{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "period"},
    Column{.name = "milestone_id", .nullable = true},
    Column{.name = "investment", .type = T::integer, .nullable = true},
    Column{.name = "percent_complete", .type = T::integer, .nullable = true},
    Column{.name = "narrative", .fallback = "''"},
    Column{.name = "problems", .fallback = "''"},
    Column{.name = "coordination", .fallback = "''"},
    Column{.name = "state", .fallback = "'draft'", .stamped = true},
    Column{.name = "author_id", .stamped = true},
    Column{.name = "device_id", .fallback = "''", .stamped = true},
    Column{.name = "submitted_at", .nullable = true, .stamped = true},
    Column{.name = "updated_at", .stamped = true},
    kVersion,
};

// A visit's position travels as {lat, lon, accuracy, source}, or null.
constexpr std::array kSiteVisit{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "visited_at"},
    Column{.name = "utc_offset_minutes", .type = T::integer, .fallback = "480"},
    Column{.name = "lat", .type = T::real, .group = "position"},
    Column{.name = "lon", .type = T::real, .group = "position"},
    Column{.name = "accuracy_m",
           .type = T::real,
           .nullable = true,
           .key = "accuracy",
           .group = "position"},
    Column{.name = "position_source", .key = "source", .group = "position"},
    Column{.name = "notes", .fallback = "''"},
    Column{.name = "people_met", .fallback = "''"},
    Column{.name = "state", .fallback = "'draft'", .stamped = true},
    Column{.name = "author_id", .stamped = true},
    Column{.name = "device_id", .fallback = "''", .stamped = true},
    Column{.name = "updated_at", .stamped = true},
    kVersion,
};

// A photo's position is what EXIF GPS gives: {lat, lon}, or null.
constexpr std::array kPhoto{
    Column{.name = "id"},
    Column{.name = "owner_kind"},
    Column{.name = "owner_id"},
    Column{.name = "sha256"},
    Column{.name = "size", .type = T::integer},
    Column{.name = "thumbnail_sha256"},
    Column{.name = "width", .type = T::integer},
    Column{.name = "height", .type = T::integer},
    Column{.name = "taken_at", .nullable = true},
    Column{.name = "lat", .type = T::real, .group = "position"},
    Column{.name = "lon", .type = T::real, .group = "position"},
    Column{.name = "caption", .fallback = "''"},
    kVersion,
};

// Reviews are left by transitions on the server: every value is the server's.
constexpr std::array kReview{
    Column{.name = "id"},
    Column{.name = "kind", .stamped = true},
    Column{.name = "target_kind", .stamped = true},
    Column{.name = "target_id", .stamped = true},
    Column{.name = "target_version", .type = T::integer, .stamped = true},
    Column{.name = "actor_id", .stamped = true},
    Column{.name = "comment", .fallback = "''", .stamped = true},
    Column{.name = "at", .stamped = true},
};

// The letter's columns came later (local migration 7), hence their place at the end.
constexpr std::array kWarning{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "milestone_id", .nullable = true},
    Column{.name = "level", .type = T::integer},
    Column{.name = "reason"},
    Column{.name = "issued_at", .stamped = true},
    Column{.name = "issued_by", .stamped = true},
    Column{.name = "acknowledged_at", .nullable = true, .stamped = true},
    kVersion,
    Column{.name = "reason_code", .fallback = "''"},
    Column{.name = "number", .fallback = "''"},
    Column{.name = "correct_by", .nullable = true},
};

// A value that lost a concurrent edit, for its author (the device files it in its inbox).
constexpr std::array kConflict{
    Column{.name = "id"},
    Column{.name = "entity", .stamped = true},
    Column{.name = "record_id", .stamped = true},
    Column{.name = "field", .stamped = true},
    Column{.name = "losing_value", .type = T::json, .stamped = true},
    Column{.name = "winning_value", .type = T::json, .stamped = true},
    Column{.name = "author_id", .stamped = true},
    Column{.name = "device_id", .stamped = true},
    Column{.name = "winner_mid", .stamped = true},
    Column{.name = "at", .stamped = true},
};

constexpr std::array kTables{
    RecordTable{"unit", "unit", kUnit},
    RecordTable{"user", "user", kUser},
    RecordTable{"project", "project", kProject},
    RecordTable{"milestone", "milestone", kMilestone},
    RecordTable{"progress_report", "progress_report", kProgressReport},
    RecordTable{"site_visit", "site_visit", kSiteVisit},
    RecordTable{"photo", "photo", kPhoto},
    RecordTable{"review", "review", kReview},
    RecordTable{"warning", "warning", kWarning},
    RecordTable{"conflict", "conflict", kConflict, false},
};

std::size_t indexOf(const RecordTable& table) {
    return static_cast<std::size_t>(&table - kTables.data());
}

std::string columnList(const RecordTable& table) {
    std::string list;
    for (const Column& c : table.columns) {
        if (!list.empty())
            list += ", ";
        list += c.name;
    }
    return list;
}

std::string makeSelect(const RecordTable& table) {
    std::string sql = "SELECT ";
    sql += columnList(table);
    sql += " FROM ";
    sql += table.table;
    return sql;
}

std::string makeSelectByIds(const RecordTable& table) {
    return makeSelect(table) + " WHERE id IN (SELECT value FROM json_each(?1))";
}

std::string makeInsert(const RecordTable& table) {
    std::string values;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& c = table.columns[i];
        const std::string parameter = "?" + std::to_string(i + 1);
        if (i > 0)
            values += ", ";
        if (c.fallback.empty())
            values += parameter;
        else
            values += "coalesce(" + parameter + ", " + std::string(c.fallback) + ")";
    }
    std::string sql = "INSERT INTO ";
    sql += table.table;
    sql += " (" + columnList(table) + ") VALUES (" + values + ")";
    return sql;
}

std::string makeUpsert(const RecordTable& table) {
    std::string updates;
    for (const Column& c : table.columns.subspan(1)) {
        if (!updates.empty())
            updates += ", ";
        updates += std::string(c.name) + " = excluded." + std::string(c.name);
    }
    return makeInsert(table) + " ON CONFLICT (id) DO UPDATE SET " + updates;
}

std::string makeDeleteById(const RecordTable& table) {
    std::string sql = "DELETE FROM ";
    sql += table.table;
    sql += " WHERE id = ?1";
    return sql;
}

std::string makeSetVersion(const RecordTable& table) {
    bool versioned = false;
    for (const Column& c : table.columns)
        versioned = versioned || c.name == kVersion.name;
    if (!versioned)
        return {};
    std::string sql = "UPDATE ";
    sql += table.table;
    sql += " SET version = ?2 WHERE id = ?1";
    return sql;
}

// Made once per table, on first use (a function-local static: thread-safe).
template <std::string (*make)(const RecordTable&)>
const std::string& madeOnce(const RecordTable& table) {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> strings;
        for (const RecordTable& t : kTables)
            strings.push_back(make(t));
        return strings;
    }();
    return all[indexOf(table)];
}

json cellJson(const Column& c, const Statement& s, int index) {
    if (s.isNull(index))
        return nullptr;
    switch (c.type) {
        case T::integer:
            return s.int64(index);
        case T::real:
            return s.real(index);
        case T::json: {
            json value = json::parse(s.text(index), nullptr, false);
            return value.is_discarded() ? json(nullptr) : value;
        }
        case T::text:
            break;
    }
    return s.text(index);
}

[[noreturn]] void badRecord(const RecordTable& table, const Column& c, std::string_view why) {
    std::string field(c.group.empty() ? std::string(c.jsonKey())
                                      : std::string(c.group) + "." + std::string(c.jsonKey()));
    throw DatabaseError(SQLITE_MISMATCH, "a pulled " + std::string(table.entity) +
                                             " does not fit this app version (field '" + field +
                                             "' " + std::string(why) + "); update the app.");
}

// The value of `c` in `record`, or nullptr when absent or null.
const json* valueOf(const Column& c, const json& record) {
    const json* holder = &record;
    if (!c.group.empty()) {
        const auto group = record.find(c.group);
        if (group == record.end() || !group->is_object())
            return nullptr;
        holder = &*group;
    }
    const auto value = holder->find(c.jsonKey());
    if (value == holder->end() || value->is_null())
        return nullptr;
    return &*value;
}

bool groupPresent(const Column& c, const json& record) {
    const auto group = record.find(c.group);
    return group != record.end() && group->is_object();
}

}  // namespace

std::span<const RecordTable> recordTables() {
    return kTables;
}

const RecordTable* findRecordTable(std::string_view entity) {
    for (const RecordTable& t : kTables) {
        if (t.entity == entity)
            return &t;
    }
    return nullptr;
}

const RecordTable& recordTable(std::string_view entity) {
    if (const RecordTable* table = findRecordTable(entity))
        return *table;
    throw std::logic_error("no record table describes '" + std::string(entity) + "'");
}

const std::string& selectSql(const RecordTable& table) {
    return madeOnce<makeSelect>(table);
}

const std::string& insertSql(const RecordTable& table) {
    return madeOnce<makeInsert>(table);
}

const std::string& selectByIdsSql(const RecordTable& table) {
    return madeOnce<makeSelectByIds>(table);
}

const std::string& upsertSql(const RecordTable& table) {
    return madeOnce<makeUpsert>(table);
}

const std::string& deleteByIdSql(const RecordTable& table) {
    return madeOnce<makeDeleteById>(table);
}

const std::string& setVersionSql(const RecordTable& table) {
    return madeOnce<makeSetVersion>(table);
}

json rowJson(const RecordTable& table, const Statement& s) {
    json object = json::object();
    const std::span<const Column> columns = table.columns;
    for (std::size_t i = 0; i < columns.size();) {
        const Column& c = columns[i];
        if (c.group.empty()) {
            object.emplace(c.jsonKey(), cellJson(c, s, static_cast<int>(i)));
            ++i;
            continue;
        }
        // A group's columns are neighbours; the group is null unless every value it needs is set.
        std::size_t end = i;
        bool present = true;
        for (; end < columns.size() && columns[end].group == c.group; ++end)
            present = present && (columns[end].nullable || !s.isNull(static_cast<int>(end)));
        json group = nullptr;
        if (present) {
            group = json::object();
            for (; i < end; ++i)
                group.emplace(columns[i].jsonKey(), cellJson(columns[i], s, static_cast<int>(i)));
        }
        object.emplace(c.group, std::move(group));
        i = end;
    }
    return object;
}

void bindRecord(const RecordTable& table, const json& record, Statement& s) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& c = table.columns[i];
        const int index = static_cast<int>(i) + 1;
        const json* value = valueOf(c, record);
        if (value == nullptr) {
            // Within a group that is there, a value it needs must be too.
            const bool required = c.group.empty() ? !c.nullable && c.fallback.empty()
                                                  : !c.nullable && groupPresent(c, record);
            if (required)
                badRecord(table, c, "is missing");
            s.bindNull(index);
            continue;
        }
        switch (c.type) {
            case T::text:
                if (!value->is_string())
                    badRecord(table, c, "must be a string");
                s.bind(index, std::string_view(value->get_ref<const std::string&>()));
                break;
            case T::integer:
                if (!value->is_number_integer())
                    badRecord(table, c, "must be an integer");
                s.bind(index, value->get<std::int64_t>());
                break;
            case T::real:
                if (!value->is_number())
                    badRecord(table, c, "must be a number");
                s.bind(index, value->get<double>());
                break;
            case T::json:
                s.bind(index, value->dump());
                break;
        }
    }
}

}  // namespace duban
