#pragma once
// What the entity descriptions (entity_columns.h) build: SQL for their tables, and the mapping
// between a row and the JSON a pull carries.
#include <nlohmann/json.hpp>

#include <string>

#include "core/store/database.h"
#include "core/store/entity_columns.h"

namespace duban {

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
