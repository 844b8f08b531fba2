// The description of each pulled entity (core/store/entity_columns) against the tables the device
// and the server really make: a column added in one place and not the other fails here.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/domain/record_json.h"
#include "core/store/entity_rows.h"
#include "core/store/schema.h"
#include "server/db/server_schema.h"

namespace duban {
namespace {

using nlohmann::json;

std::string declaredType(ColumnType type) {
    switch (type) {
        case ColumnType::integer:
            return "INTEGER";
        case ColumnType::real:
            return "REAL";
        case ColumnType::text:
        case ColumnType::json:
            break;
    }
    return "TEXT";
}

// PRAGMA table_info as one line per column: name, declared type, NOT NULL, default.
std::vector<std::string> tableInfo(const Database& db, std::string_view table) {
    Statement s =
        db.prepare("SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info(?)");
    s.bindAll(table);
    std::vector<std::string> lines;
    while (s.step()) {
        lines.push_back(s.text(0) + " " + s.text(1) + (s.integer(2) != 0 ? " NOT NULL" : "") +
                        (s.isNull(3) ? "" : " DEFAULT " + s.text(3)));
    }
    return lines;
}

std::vector<std::string> describedInfo(const RecordTable& table) {
    std::vector<std::string> lines;
    for (const Column& c : table.columns) {
        // A group's columns are all null when the group is.
        const bool notNull = !c.nullable && c.group.empty() && c.name != "id";
        lines.push_back(std::string(c.name) + " " + declaredType(c.type) +
                        (notNull ? " NOT NULL" : "") +
                        (c.fallback.empty() ? "" : " DEFAULT " + std::string(c.fallback)));
    }
    return lines;
}

void expectTablesMatch(const Database& db, bool server) {
    for (const RecordTable& table : recordTables()) {
        if (!table.onDevice && !server) {
            EXPECT_TRUE(tableInfo(db, table.table).empty()) << table.table;
            continue;
        }
        EXPECT_EQ(describedInfo(table), tableInfo(db, table.table)) << table.table;
        // The generated statements are valid SQL for this schema.
        EXPECT_NO_THROW(db.prepare(selectByIdsSql(table))) << table.table;
        if (table.onDevice) {
            EXPECT_NO_THROW(db.prepare(upsertSql(table))) << table.table;
            EXPECT_NO_THROW(db.prepare(deleteByIdSql(table))) << table.table;
        }
        if (!setVersionSql(table).empty()) {
            EXPECT_NO_THROW(db.prepare(setVersionSql(table))) << table.table;
        }
    }
}

TEST(EntityColumnsTest, TheDevicesTablesAreTheDescribedOnes) {
    const Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db, localStoreMigrations()));
    expectTablesMatch(db, false);
}

TEST(EntityColumnsTest, TheServersTablesAreTheDescribedOnes) {
    const Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db, server::serverMigrations()));
    expectTablesMatch(db, true);
}

// The JSON names of the values a device sets, as the description has them.
std::set<std::string> deviceKeys(std::string_view entity) {
    std::set<std::string> keys;
    for (const Column& c : findRecordTable(entity)->columns) {
        if (!c.stamped && c.name != "id")
            keys.insert(std::string(c.group.empty() ? c.jsonKey() : c.group));
    }
    return keys;
}

std::set<std::string> keysOf(const json& fields) {
    std::set<std::string> keys;
    for (const auto& [key, value] : fields.items())
        keys.insert(key);
    return keys;
}

// A mutation's fields (core/domain/record_json) are the described values the server does not stamp.
TEST(EntityColumnsTest, MutationFieldsAreTheValuesTheServerDoesNotStamp) {
    EXPECT_EQ(deviceKeys("progress_report"), keysOf(toJson(ProgressReport{})));
    EXPECT_EQ(deviceKeys("site_visit"), keysOf(toJson(SiteVisit{})));
    EXPECT_EQ(deviceKeys("photo"), keysOf(toJson(Photo{})));
    EXPECT_EQ(deviceKeys("warning"), keysOf(toJson(Warning{})));
}

TEST(EntityColumnsTest, EveryEntityIsDescribedOnceAndKeyedById) {
    std::set<std::string_view> entities;
    for (const RecordTable& table : recordTables()) {
        EXPECT_TRUE(entities.insert(table.entity).second) << table.entity;
        ASSERT_FALSE(table.columns.empty());
        EXPECT_EQ(table.columns.front().name, "id") << table.entity;
        EXPECT_EQ(findRecordTable(table.entity), &table);
    }
    EXPECT_EQ(findRecordTable("no_such_entity"), nullptr);
    EXPECT_TRUE(setVersionSql(*findRecordTable("review")).empty());  // reviews have no versions
    EXPECT_EQ(setVersionSql(*findRecordTable("photo")),
              "UPDATE photo SET version = ?2 WHERE id = ?1");
}

}  // namespace
}  // namespace duban
