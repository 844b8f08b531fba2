// Forward-only migrations: from empty, from every earlier version, refusing newer files, and a
// failing step that leaves the previous version intact.
#include <gtest/gtest.h>

#include "core/store/schema.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

std::string schemaOf(const Database& db) {
    Statement s = db.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
    std::string schema;
    while (s.step())
        schema += s.text(0) + " " + s.text(1) + ": " + s.text(2) + "\n";
    return schema;
}

int latest() {
    return static_cast<int>(localStoreMigrations().size());
}

TEST(Migrations, FromEmptyWithDurableSettings) {
    test::TempDir dir;
    const Database db = Database::open(dir.file("store.db"));
    ASSERT_TRUE(migrate(db, localStoreMigrations()));
    EXPECT_EQ(db.userVersion(), latest());
    Statement journal = db.prepare("PRAGMA journal_mode");
    journal.step();
    EXPECT_EQ(journal.text(0), "wal");
    Statement sync = db.prepare("PRAGMA synchronous");
    sync.step();
    EXPECT_EQ(sync.integer(0), 2);  // FULL
    Statement keys = db.prepare("PRAGMA foreign_keys");
    keys.step();
    EXPECT_EQ(keys.integer(0), 1);
    // Migrating again is a no-op.
    const std::string before = schemaOf(db);
    ASSERT_TRUE(migrate(db, localStoreMigrations()));
    EXPECT_EQ(schemaOf(db), before);
}

TEST(Migrations, FromEveryEarlierVersionKeepingData) {
    test::TempDir dir;
    const Database fresh = Database::open(dir.file("fresh.db"));
    ASSERT_TRUE(migrate(fresh, localStoreMigrations()));

    for (int version = 1; version < latest(); ++version) {
        const Database db = Database::open(dir.file("v" + std::to_string(version) + ".db"));
        ASSERT_TRUE(migrateTo(db, localStoreMigrations(), version));
        ASSERT_EQ(db.userVersion(), version);
        db.execute(R"sql(
            INSERT INTO unit (id, name, kind) VALUES ('u1', '市科工信局', 'department');
            INSERT INTO project (id, code, name, kind) VALUES ('p1', 'x#1', '酒鬼酒产业园', 'investment_project');
            INSERT INTO project_unit (project_id, unit_id, role) VALUES ('p1', 'u1', 'lead');)sql");
        if (version >= 2) {
            db.execute(
                R"sql(INSERT INTO outbox (mid, entity, record_id, op, base_version, hlc, created_at)
                             VALUES ('m1', 'site_visit', 'v1', 'create', 0, 'h', 'now'))sql");
        }

        ASSERT_TRUE(migrate(db, localStoreMigrations())) << "from version " << version;
        EXPECT_EQ(db.userVersion(), latest());
        EXPECT_EQ(schemaOf(db), schemaOf(fresh)) << "from version " << version;
        Statement kept = db.prepare("SELECT name FROM project WHERE id = 'p1'");
        ASSERT_TRUE(kept.step());
        EXPECT_EQ(kept.text(0), "酒鬼酒产业园");
        if (version >= 2) {
            Statement outbox = db.prepare("SELECT count(*) FROM outbox");
            outbox.step();
            EXPECT_EQ(outbox.integer(0), 1);
        }
    }
}

TEST(Migrations, ANewerDatabaseIsRefusedAndLeftAlone) {
    test::TempDir dir;
    const Database db = Database::open(dir.file("new.db"));
    db.setUserVersion(latest() + 5);
    const auto result = migrate(db, localStoreMigrations());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "schema_too_new");
    EXPECT_EQ(db.userVersion(), latest() + 5);
    EXPECT_EQ(schemaOf(db), "");
}

TEST(Migrations, AFailingStepLeavesThePreviousVersion) {
    const Migration steps[] = {
        {1, "one", "CREATE TABLE a (x);"},
        {2, "two", "CREATE TABLE b (y); CREATE TABLE a (z);"},  // fails half-way
    };
    const Database db = Database::openInMemory();
    const auto result = migrate(db, steps);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "schema_migration_failed");
    EXPECT_EQ(db.userVersion(), 1);
    EXPECT_EQ(schemaOf(db), "table a: CREATE TABLE a (x)\n");  // no half of step 2
}

TEST(Migrations, AListWithAGapIsRefused) {
    const Migration steps[] = {{1, "one", "CREATE TABLE a (x);"},
                               {3, "three", "CREATE TABLE c (x);"}};
    const Database db = Database::openInMemory();
    EXPECT_FALSE(migrate(db, steps));
    EXPECT_EQ(db.userVersion(), 0);
}

}  // namespace
}  // namespace duban
