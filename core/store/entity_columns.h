#pragma once
// Each pulled entity described once: its table, its columns with their JSON names and types,
// which values the server stamps, and what a device keeps for a value a pull leaves out. The
// server's record views and the device's pull decoder are built from it (entity_rows.h), and a
// test holds the device's and the server's tables to it (tests/unit/entity_columns_test.cpp).
#include <span>
#include <string_view>

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

}  // namespace duban
