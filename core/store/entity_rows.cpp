#include "core/store/entity_rows.h"

#include <vector>

namespace duban {
namespace {

using nlohmann::json;
using T = ColumnType;

std::size_t indexOf(const RecordTable& table) {
    return static_cast<std::size_t>(&table - recordTables().data());
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
        versioned = versioned || c.name == "version";
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
        for (const RecordTable& t : recordTables())
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
