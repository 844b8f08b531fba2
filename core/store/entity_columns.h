#pragma once
// Each pulled entity described once: its table, its columns with their JSON names and types,
// which values the server stamps, and what a device keeps for a value a pull leaves out. The
// server's record views and the device's pull decoder are built from it, and a test holds the
// device's and the server's tables to it (tests/unit/entity_columns_test.cpp).
#include <nlohmann/json.hpp>

#include <span>
#include <string>
#include <string_view>

#include "core/store/database.h"

namespace duban {

enum class ColumnType {
    text,
    integer,
    real,
    json,  // JSON kept as text (funding_sources): parsed for the wire, written back as JSON text
};

struct Column {
    std::string_view name;  // in SQL
    ColumnType type = ColumnType::text;
    // Null allowed. In a group, null within the group's object (the group itself may be null).
    bool nullable = false;
    // The table's DEFAULT, as SQL: what a device keeps when a pull sends null or leaves it out.
    std::string_view fallback = {};
    // Set by the server (state, authorship, times, version, derived figures): never a field a
    // device sends in a mutation.
    bool stamped = false;
    std::string_view key = {};    // the JSON name when it is not `name` (milestone.ord: "order")
    std::string_view group = {};  // the JSON object it travels in (a position); empty: top level

    [[nodiscard]] constexpr std::string_view jsonKey() const { return key.empty() ? name : key; }
};

struct RecordTable {
    std::string_view entity;          // as pulls name it
    std::string_view table;           // the SQL table, keyed by `id` (the first column)
    std::span<const Column> columns;  // in the table's order
    bool onDevice = true;             // false: the server's alone (a device files conflicts)
};

// Every entity a pull carries, parents before children.
[[nodiscard]] std::span<const RecordTable> recordTables();
// nullptr for an entity not described here.
[[nodiscard]] const RecordTable* findRecordTable(std::string_view entity);
// An entity the caller knows is described (throws std::logic_error if not).
[[nodiscard]] const RecordTable& recordTable(std::string_view entity);

// SQL made from the description, never from input; each string is built once per process.
// "SELECT <columns> FROM <table>", the columns in the description's order.
[[nodiscard]] const std::string& selectSql(const RecordTable& table);
// "SELECT <columns> FROM <table> WHERE id IN (SELECT value FROM json_each(?1))": the rows of a
// page, their ids bound as one JSON array.
[[nodiscard]] const std::string& selectByIdsSql(const RecordTable& table);
// "INSERT INTO <table> (<columns>) VALUES (?1, …)": ?n is the n-th column; a column with a
// fallback takes it for NULL.
[[nodiscard]] const std::string& insertSql(const RecordTable& table);
// insertSql + "ON CONFLICT (id) DO UPDATE SET" every other column.
[[nodiscard]] const std::string& upsertSql(const RecordTable& table);
// "DELETE FROM <table> WHERE id = ?1".
[[nodiscard]] const std::string& deleteByIdSql(const RecordTable& table);
// "UPDATE <table> SET version = ?2 WHERE id = ?1"; empty for a table without versions (review).
[[nodiscard]] const std::string& setVersionSql(const RecordTable& table);

// The row `s` (read with selectByIdsSql) as pulls carry it: groups as objects (null when a value
// they need is NULL), JSON text parsed (null when it is not JSON).
[[nodiscard]] nlohmann::json rowJson(const RecordTable& table, const Statement& s);
// Binds the values of `record` (a pulled record) to an upsertSql statement. Keys it does not
// describe are left for the caller. Throws DatabaseError (SQLITE_MISMATCH) naming the field for
// a value of the wrong type, or a required one missing.
void bindRecord(const RecordTable& table, const nlohmann::json& record, Statement& s);

}  // namespace duban
