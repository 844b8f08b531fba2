// What a pull carries, pinned: the JSON the server sends for each entity (keys, value types, null
// against absent) and the rows a device keeps from it. A change to how records are described,
// loaded or decoded must leave both exactly as they are here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/store/database.h"
#include "core/store/schema.h"
#include "server/db/server_schema.h"
#include "server/sync/record_views.h"
#include "sync/pull_records.h"

namespace duban {
namespace {

using nlohmann::json;

// One of each record, every optional value set, and a sparse twin with the optional values empty.
constexpr std::string_view kServerRows = R"sql(
INSERT INTO unit (id, name, kind, parent_id, version) VALUES
  ('u1', '市发改局', 'department', NULL, 3),
  ('u2', '乾州街道', 'township', 'u1', 1);
INSERT INTO unit_alias (alias, unit_id) VALUES ('市发改委', 'u1'), ('发改局', 'u1');
INSERT INTO user (id, username, display_name, role, unit_id, phone, version) VALUES
  ('us1', 'zhang', '张三', 'field', 'u1', '13800000000', 2),
  ('us2', 'li', '李四', 'admin', NULL, '', 1);
INSERT INTO list (code, name, kind, plan, year) VALUES
  ('key_2022', '重点项目', 'investment_project', '331+N', 2022),
  ('ten_infra', '十大基础设施', 'investment_project', '', NULL);
INSERT INTO project (id, code, name, kind, category, start_year, end_year, stage, scope,
                     industry_chain, funding_sources, total_investment, completed_before,
                     plan_year, plan_investment, plan_content, remarks, lat, lon,
                     completed_this_year, warning_level, version) VALUES
  ('p1', 'key_2022#1', '酒鬼酒生态园', 'investment_project', '新型工业', 2021, 2023, '续建',
   '建设厂房', '酒', '["中央预算内","专项债"]', 2730270000, 1200000000, 2022, 400000000,
   '完成主体', '无', 28.3, 109.7, 150000000, 2, 7),
  ('p2', 'task#1', '电力保障', 'work_task', '', NULL, NULL, '', '', '', '[]', NULL, NULL, NULL,
   NULL, '', '', NULL, NULL, 0, 0, 1);
INSERT INTO project_unit (project_id, unit_id, role, ord) VALUES
  ('p1', 'u1', 'lead', 0), ('p1', 'u2', 'located', 0), ('p1', 'u2', 'responsible', 1);
INSERT INTO project_list (project_id, list_code, no, group_label) VALUES
  ('p1', 'key_2022', 1, '新型工业'), ('p1', 'ten_infra', 4, '');
INSERT INTO milestone (id, project_id, ord, title, due_date, target_value, target_unit, status,
                       version) VALUES
  ('m1', 'p1', 1, '主体完工', '2022-09-30', 100, '%', 'achieved', 4),
  ('m2', 'p1', 2, '投产', '2023-06-30', 12.5, '亿元', 'open', 1),
  ('m3', 'p2', 1, '签约', '2022-12-31', NULL, '', 'open', 1);
INSERT INTO progress_report (id, project_id, period, milestone_id, investment, percent_complete,
                             narrative, problems, coordination, state, author_id, device_id,
                             submitted_at, updated_at, version) VALUES
  ('r1', 'p1', '2022-06', 'm1', 50000000, 60, '主体封顶', '缺工人', '协调用工', 'submitted',
   'us1', 'd1', '2022-06-20T08:00:00Z', '2022-06-21T09:30:00Z', 3),
  ('r2', 'p2', '2022-07', NULL, NULL, NULL, '', '', '', 'draft', 'us1', '', NULL,
   '2022-07-01T00:00:00Z', 1);
INSERT INTO site_visit (id, project_id, visited_at, utc_offset_minutes, lat, lon, accuracy_m,
                        position_source, notes, people_met, state, author_id, device_id,
                        updated_at, version) VALUES
  ('v1', 'p1', '2022-06-10T02:00:00Z', 480, 28.31, 109.72, 8.5, 'gps', '现场施工', '王经理',
   'confirmed', 'us1', 'd1', '2022-06-11T00:00:00Z', 5),
  ('v2', 'p1', '2022-06-12T02:00:00Z', -60, 28.3, 109.7, NULL, 'manual', '', '', 'draft', 'us1',
   '', '2022-06-12T03:00:00Z', 1),
  ('v3', 'p2', '2022-06-13T02:00:00Z', 480, NULL, NULL, NULL, NULL, '无定位', '', 'returned',
   'us1', 'd2', '2022-06-13T03:00:00Z', 2);
INSERT INTO photo (id, owner_kind, owner_id, sha256, size, thumbnail_sha256, width, height,
                   taken_at, lat, lon, caption, version) VALUES
  ('ph1', 'site_visit', 'v1', 'aa', 246745, 'bb', 4032, 3024, '2022-06-10T01:59:00Z', 28.31,
   109.72, '东立面', 1),
  ('ph2', 'progress_report', 'r1', 'cc', 1000, 'dd', 640, 480, NULL, NULL, NULL, '', 1);
INSERT INTO review (id, kind, target_kind, target_id, target_version, actor_id, comment, at)
  VALUES ('rv1', 'confirm', 'site_visit', 'v1', 4, 'us2', '属实', '2022-06-11T00:00:00Z'),
         ('rv2', 'return', 'progress_report', 'r1', 2, 'us2', '', '2022-06-21T00:00:00Z');
INSERT INTO warning (id, project_id, milestone_id, level, reason_code, reason, number, correct_by,
                     issued_at, issued_by, acknowledged_at, version) VALUES
  ('w1', 'p1', 'm2', 2, 'milestone_overdue', '节点逾期', '吉发改督〔2022〕12号', '2022-08-01',
   '2022-07-01T00:00:00Z', 'us2', '2022-07-02T00:00:00Z', 3),
  ('w2', 'p2', NULL, 1, '', '未报送', '', NULL, '2022-07-05T00:00:00Z', 'us2', NULL, 1);
INSERT INTO conflict (id, entity, record_id, field, losing_value, winning_value, author_id,
                      device_id, winner_mid, at) VALUES
  ('c1', 'progress_report', 'r1', 'narrative', '"旧的"', '"新的"', 'us1', 'd1', 'mid9',
   '2022-06-21T09:30:00Z');
)sql";

const std::vector<server::RecordKey>& allKeys() {
    static const std::vector<server::RecordKey> keys{
        {"unit", "u1"},
        {"unit", "u2"},
        {"user", "us1"},
        {"user", "us2"},
        {"project", "p1"},
        {"project", "p2"},
        {"milestone", "m1"},
        {"milestone", "m2"},
        {"milestone", "m3"},
        {"progress_report", "r1"},
        {"progress_report", "r2"},
        {"site_visit", "v1"},
        {"site_visit", "v2"},
        {"site_visit", "v3"},
        {"photo", "ph1"},
        {"photo", "ph2"},
        {"review", "rv1"},
        {"review", "rv2"},
        {"warning", "w1"},
        {"warning", "w2"},
        {"conflict", "c1"},
    };
    return keys;
}

// The JSON of each record as pulled before entities were described once (2026-11, 80b9813).
const std::vector<std::string>& pinnedViews() {
    static const std::vector<std::string>
        views{
            R"json({"aliases":["市发改委","发改局"],"id":"u1","kind":"department","name":"市发改局","parent_id":null,"version":3})json",
            R"json({"aliases":[],"id":"u2","kind":"township","name":"乾州街道","parent_id":"u1","version":1})json",
            R"json({"display_name":"张三","id":"us1","phone":"13800000000","role":"field","unit_id":"u1","username":"zhang","version":2})json",
            R"json({"display_name":"李四","id":"us2","phone":"","role":"admin","unit_id":null,"username":"li","version":1})json",
            R"json({"category":"新型工业","code":"key_2022#1","completed_before":1200000000,"completed_this_year":150000000,"end_year":2023,"funding_sources":["中央预算内","专项债"],"id":"p1","industry_chain":"酒","kind":"investment_project","lat":28.3,"lists":[{"code":"key_2022","group":"新型工业","name":"重点项目","no":1},{"code":"ten_infra","group":"","name":"十大基础设施","no":4}],"lon":109.7,"name":"酒鬼酒生态园","plan_content":"完成主体","plan_investment":400000000,"plan_year":2022,"remarks":"无","scope":"建设厂房","stage":"续建","start_year":2021,"total_investment":2730270000,"units":[{"role":"lead","unit_id":"u1"},{"role":"located","unit_id":"u2"},{"role":"responsible","unit_id":"u2"}],"version":7,"warning_level":2})json",
            R"json({"category":"","code":"task#1","completed_before":null,"completed_this_year":0,"end_year":null,"funding_sources":[],"id":"p2","industry_chain":"","kind":"work_task","lat":null,"lists":[],"lon":null,"name":"电力保障","plan_content":"","plan_investment":null,"plan_year":null,"remarks":"","scope":"","stage":"","start_year":null,"total_investment":null,"units":[],"version":1,"warning_level":0})json",
            R"json({"due_date":"2022-09-30","id":"m1","order":1,"project_id":"p1","status":"achieved","target_unit":"%","target_value":100.0,"title":"主体完工","version":4})json",
            R"json({"due_date":"2023-06-30","id":"m2","order":2,"project_id":"p1","status":"open","target_unit":"亿元","target_value":12.5,"title":"投产","version":1})json",
            R"json({"due_date":"2022-12-31","id":"m3","order":1,"project_id":"p2","status":"open","target_unit":"","target_value":null,"title":"签约","version":1})json",
            R"json({"author_id":"us1","coordination":"协调用工","device_id":"d1","id":"r1","investment":50000000,"milestone_id":"m1","narrative":"主体封顶","percent_complete":60,"period":"2022-06","problems":"缺工人","project_id":"p1","state":"submitted","submitted_at":"2022-06-20T08:00:00Z","updated_at":"2022-06-21T09:30:00Z","version":3})json",
            R"json({"author_id":"us1","coordination":"","device_id":"","id":"r2","investment":null,"milestone_id":null,"narrative":"","percent_complete":null,"period":"2022-07","problems":"","project_id":"p2","state":"draft","submitted_at":null,"updated_at":"2022-07-01T00:00:00Z","version":1})json",
            R"json({"author_id":"us1","device_id":"d1","id":"v1","notes":"现场施工","people_met":"王经理","position":{"accuracy":8.5,"lat":28.31,"lon":109.72,"source":"gps"},"project_id":"p1","state":"confirmed","updated_at":"2022-06-11T00:00:00Z","utc_offset_minutes":480,"version":5,"visited_at":"2022-06-10T02:00:00Z"})json",
            R"json({"author_id":"us1","device_id":"","id":"v2","notes":"","people_met":"","position":{"accuracy":null,"lat":28.3,"lon":109.7,"source":"manual"},"project_id":"p1","state":"draft","updated_at":"2022-06-12T03:00:00Z","utc_offset_minutes":-60,"version":1,"visited_at":"2022-06-12T02:00:00Z"})json",
            R"json({"author_id":"us1","device_id":"d2","id":"v3","notes":"无定位","people_met":"","position":null,"project_id":"p2","state":"returned","updated_at":"2022-06-13T03:00:00Z","utc_offset_minutes":480,"version":2,"visited_at":"2022-06-13T02:00:00Z"})json",
            R"json({"caption":"东立面","height":3024,"id":"ph1","owner_id":"v1","owner_kind":"site_visit","position":{"lat":28.31,"lon":109.72},"sha256":"aa","size":246745,"taken_at":"2022-06-10T01:59:00Z","thumbnail_sha256":"bb","version":1,"width":4032})json",
            R"json({"caption":"","height":480,"id":"ph2","owner_id":"r1","owner_kind":"progress_report","position":null,"sha256":"cc","size":1000,"taken_at":null,"thumbnail_sha256":"dd","version":1,"width":640})json",
            R"json({"actor_id":"us2","at":"2022-06-11T00:00:00Z","comment":"属实","id":"rv1","kind":"confirm","target_id":"v1","target_kind":"site_visit","target_version":4})json",
            R"json({"actor_id":"us2","at":"2022-06-21T00:00:00Z","comment":"","id":"rv2","kind":"return","target_id":"r1","target_kind":"progress_report","target_version":2})json",
            R"json({"acknowledged_at":"2022-07-02T00:00:00Z","correct_by":"2022-08-01","id":"w1","issued_at":"2022-07-01T00:00:00Z","issued_by":"us2","level":2,"milestone_id":"m2","number":"吉发改督〔2022〕12号","project_id":"p1","reason":"节点逾期","reason_code":"milestone_overdue","version":3})json",
            R"json({"acknowledged_at":null,"correct_by":null,"id":"w2","issued_at":"2022-07-05T00:00:00Z","issued_by":"us2","level":1,"milestone_id":null,"number":"","project_id":"p2","reason":"未报送","reason_code":"","version":1})json",
            R"json({"at":"2022-06-21T09:30:00Z","author_id":"us1","device_id":"d1","entity":"progress_report","field":"narrative","id":"c1","losing_value":"旧的","record_id":"r1","winner_mid":"mid9","winning_value":"新的"})json",
        };
    return views;
}

Database serverDatabase() {
    Database db = Database::openInMemory();
    EXPECT_TRUE(migrate(db, server::serverMigrations()));
    db.execute(kServerRows);
    return db;
}

Database deviceDatabase() {
    Database db = Database::openInMemory();
    EXPECT_TRUE(migrate(db, localStoreMigrations()));
    return db;
}

// Every row of `table` with each value's SQLite type, in a stable order.
json tableRows(const Database& db, const std::string& table) {
    Statement count = db.prepare("SELECT count(*) FROM pragma_table_info(?)");
    count.bindAll(table);
    count.step();
    std::string sql = "SELECT * FROM " + table + " ORDER BY 1";  // a table name of this file's
    for (int column = 2; column <= count.integer(0); ++column)
        sql += ", " + std::to_string(column);
    Statement s = db.prepare(sql);
    json rows = json::array();
    while (s.step()) {
        json row = json::object();
        for (int c = 0; c < s.columnCount(); ++c) {
            const SqlValue value = s.value(c);
            json cell = nullptr;
            std::string type = "null";
            if (const auto* i = std::get_if<std::int64_t>(&value)) {
                cell = *i;
                type = "integer";
            } else if (const auto* d = std::get_if<double>(&value)) {
                cell = *d;
                type = "real";
            } else if (const auto* t = std::get_if<std::string>(&value)) {
                cell = *t;
                type = "text";
            }
            row[s.columnName(c)] = json::array({cell, type});
        }
        rows.push_back(row);
    }
    return rows;
}

std::map<server::RecordKey, json> pulledViews() {
    const Database server = serverDatabase();
    return server::loadRecordViews(server, allKeys());
}

TEST(RecordPullTest, EachEntityIsPulledAsItWasPinned) {
    const auto views = pulledViews();
    ASSERT_EQ(views.size(), allKeys().size());
    std::vector<std::string> dumps;
    for (const auto& key : allKeys())
        dumps.push_back(views.at(key).dump());
    ASSERT_EQ(dumps.size(), pinnedViews().size());
    for (std::size_t i = 0; i < dumps.size(); ++i)
        EXPECT_EQ(dumps[i], pinnedViews()[i]) << allKeys()[i].first << " " << allKeys()[i].second;
}

TEST(RecordPullTest, AViewOfARecordThatIsGoneIsAbsent) {
    const auto views = [] {
        const Database server = serverDatabase();
        return server::loadRecordViews(server, {{"project", "nope"}, {"unknown_entity", "p1"}});
    }();
    EXPECT_TRUE(views.empty());
}

// A device that pulls every record keeps the server's rows as they are, value types included.
TEST(RecordPullTest, ADeviceKeepsThePulledRecordsAsTheServerHasThem) {
    const Database server = serverDatabase();
    const auto views = server::loadRecordViews(server, allKeys());
    const Database device = deviceDatabase();
    device.execute("PRAGMA foreign_keys = OFF");
    {
        Transaction tx(device);
        std::set<std::string> touched;
        for (const auto& key : allKeys())
            EXPECT_TRUE(sync::detail::applyServerRecord(device, key.first, views.at(key), &touched))
                << key.first << " " << key.second;
        tx.commit();
        EXPECT_EQ(touched, (std::set<std::string>{"p1", "p2"}));
    }
    for (const char* table : {"unit", "unit_alias", "user", "project", "project_list", "milestone",
                              "progress_report", "site_visit", "photo", "review", "warning"}) {
        EXPECT_EQ(tableRows(device, table).dump(1), tableRows(server, table).dump(1)) << table;
    }
    // A project's units come in the server's order (role, then ord) and are numbered in it.
    EXPECT_EQ(
        tableRows(device, "project_unit").dump(),
        R"([{"ord":[0,"integer"],"project_id":["p1","text"],"role":["lead","text"],"unit_id":["u1","text"]},{"ord":[1,"integer"],"project_id":["p1","text"],"role":["located","text"],"unit_id":["u2","text"]},{"ord":[2,"integer"],"project_id":["p1","text"],"role":["responsible","text"],"unit_id":["u2","text"]}])");
    // A list comes with its name only; its kind is that of the projects it lists.
    EXPECT_EQ(
        tableRows(device, "list").dump(),
        R"([{"code":["key_2022","text"],"kind":["investment_project","text"],"name":["重点项目","text"],"plan":["","text"],"year":[null,"null"]},{"code":["ten_infra","text"],"kind":["investment_project","text"],"name":["十大基础设施","text"],"plan":["","text"],"year":[null,"null"]}])");
    // A conflict is not a table of the device's: it lands in the inbox of its author.
    Statement inbox = device.prepare(
        "SELECT id, kind, entity, record_id, mutation, code, message, created_at FROM inbox");
    ASSERT_TRUE(inbox.step());
    EXPECT_EQ(inbox.text(0), "c1");
    EXPECT_EQ(inbox.text(2), "progress_report");
    EXPECT_EQ(inbox.text(3), "r1");
    EXPECT_EQ(inbox.text(4), R"({"narrative":"旧的"})");
    EXPECT_EQ(inbox.text(7), "2022-06-21T09:30:00Z");
}

// Values a pull leaves out or sends as null take the table's defaults; what is wrong is refused.
TEST(RecordPullTest, AbsentAndNullValuesTakeTheDevicesDefaults) {
    const Database device = deviceDatabase();
    device.execute("PRAGMA foreign_keys = OFF");
    using sync::detail::applyServerRecord;
    EXPECT_TRUE(applyServerRecord(device, "project",
                                  json{{"id", "p9"},
                                       {"code", "c9"},
                                       {"name", "n9"},
                                       {"kind", "work_task"},
                                       {"category", nullptr},
                                       {"funding_sources", nullptr},
                                       {"version", 2}}));
    EXPECT_EQ(
        tableRows(device, "project").dump(),
        R"([{"category":["","text"],"code":["c9","text"],"completed_before":[null,"null"],"completed_this_year":[0,"integer"],"end_year":[null,"null"],"funding_sources":["[]","text"],"id":["p9","text"],"industry_chain":["","text"],"kind":["work_task","text"],"lat":[null,"null"],"lon":[null,"null"],"name":["n9","text"],"plan_content":["","text"],"plan_investment":[null,"null"],"plan_year":[null,"null"],"remarks":["","text"],"scope":["","text"],"stage":["","text"],"start_year":[null,"null"],"total_investment":[null,"null"],"version":[2,"integer"],"warning_level":[0,"integer"]}])");
    EXPECT_TRUE(applyServerRecord(device, "user",
                                  json{{"id", "x"},
                                       {"username", "x"},
                                       {"display_name", "X"},
                                       {"role", "field"},
                                       {"version", 1}}));
    EXPECT_EQ(
        tableRows(device, "user").dump(),
        R"([{"display_name":["X","text"],"id":["x","text"],"phone":["","text"],"role":["field","text"],"unit_id":[null,"null"],"username":["x","text"],"version":[1,"integer"]}])");
    EXPECT_TRUE(applyServerRecord(device, "milestone",
                                  json{{"id", "m"},
                                       {"project_id", "p9"},
                                       {"order", 3},
                                       {"title", "t"},
                                       {"due_date", "2022-01-01"},
                                       {"target_unit", nullptr},
                                       {"status", "open"},
                                       {"version", 1}}));
    EXPECT_EQ(
        tableRows(device, "milestone").dump(),
        R"([{"due_date":["2022-01-01","text"],"id":["m","text"],"ord":[3,"integer"],"project_id":["p9","text"],"status":["open","text"],"target_unit":["","text"],"target_value":[null,"null"],"title":["t","text"],"version":[1,"integer"]}])");
    EXPECT_TRUE(applyServerRecord(device, "photo",
                                  json{{"id", "f"},
                                       {"owner_kind", "site_visit"},
                                       {"owner_id", "v"},
                                       {"sha256", "s"},
                                       {"size", 1},
                                       {"thumbnail_sha256", "t"},
                                       {"width", 2},
                                       {"height", 3},
                                       {"position", nullptr},
                                       {"caption", nullptr},
                                       {"version", 1}}));
    EXPECT_EQ(
        tableRows(device, "photo").dump(),
        R"([{"caption":["","text"],"height":[3,"integer"],"id":["f","text"],"lat":[null,"null"],"lon":[null,"null"],"owner_id":["v","text"],"owner_kind":["site_visit","text"],"sha256":["s","text"],"size":[1,"integer"],"taken_at":[null,"null"],"thumbnail_sha256":["t","text"],"version":[1,"integer"],"width":[2,"integer"]}])");
    // Records without an id, and reports whose values have the wrong types, do not fit.
    EXPECT_THROW(applyServerRecord(device, "warning", json{{"level", 1}}), DatabaseError);
    EXPECT_THROW(applyServerRecord(device, "progress_report",
                                   json{{"id", "r"}, {"project_id", 5}, {"version", 1}}),
                 DatabaseError);
    // An entity a newer server sends is passed over.
    EXPECT_FALSE(applyServerRecord(device, "newer_entity", json{{"id", "z"}}));
}

std::int64_t countOf(const Database& db, const char* sql) {
    Statement s = db.prepare(sql);
    s.step();
    return s.int64(0);
}

// Tombstones: most records just go; milestones unlink first; units and accounts stay.
TEST(RecordPullTest, TombstonesRemoveWhatEachEntityAllows) {
    const Database server = serverDatabase();
    const auto views = server::loadRecordViews(server, allKeys());
    const Database device = deviceDatabase();
    device.execute("PRAGMA foreign_keys = OFF");
    for (const auto& key : allKeys())
        ASSERT_TRUE(sync::detail::applyServerRecord(device, key.first, views.at(key)));
    using sync::detail::deleteLocalRecord;
    EXPECT_FALSE(deleteLocalRecord(device, "unit", "u1"));
    EXPECT_FALSE(deleteLocalRecord(device, "user", "us1"));
    EXPECT_FALSE(deleteLocalRecord(device, "conflict", "c1"));
    EXPECT_FALSE(deleteLocalRecord(device, "newer_entity", "z"));
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM unit WHERE id = 'u1'"), 1);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM user WHERE id = 'us1'"), 1);
    for (const auto& [entity, id] :
         std::vector<std::pair<std::string, std::string>>{{"review", "rv1"},
                                                          {"photo", "ph1"},
                                                          {"site_visit", "v1"},
                                                          {"progress_report", "r2"}}) {
        EXPECT_TRUE(deleteLocalRecord(device, entity, id)) << entity;
    }
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM review"), 1);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM photo"), 1);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM site_visit"), 2);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM progress_report"), 1);
    EXPECT_TRUE(deleteLocalRecord(device, "milestone", "m1"));
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM progress_report WHERE milestone_id IS NULL"),
              1);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM milestone"), 2);
    EXPECT_TRUE(deleteLocalRecord(device, "warning", "w1"));
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM warning"), 1);
    // A project goes with its warnings, reports and visits, milestones, units and lists.
    EXPECT_TRUE(deleteLocalRecord(device, "project", "p2"));
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM project"), 1);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM warning"), 0);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM milestone"), 1);
    EXPECT_EQ(countOf(device, "SELECT count(*) FROM site_visit WHERE project_id = 'p2'"), 0);
}

}  // namespace
}  // namespace duban
