#include "core/store/migrations.h"
#include "core/util/log.h"

#include <string>

namespace duban {

namespace {
const log::Category kLog{"duban.store.migrations"};
}  // namespace

Status migrateTo(const Database& db, std::span<const Migration> migrations, int version) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1) {
            return makeError("schema_invalid", "migration list has a gap before version " +
                                                   std::to_string(migrations[i].version));
        }
    }
    const int current = db.userVersion();
    if (current > static_cast<int>(migrations.size())) {
        return makeError("schema_too_new",
                         "this database has schema version " + std::to_string(current) +
                             ", newer than this program's " + std::to_string(migrations.size()) +
                             "; update Duban to open it.");
    }
    try {
        for (const Migration& m : migrations) {
            if (m.version <= current || m.version > version)
                continue;
            Transaction tx(db);
            db.execute(m.sql);
            db.setUserVersion(m.version);
            tx.commit();
        }
    } catch (const DatabaseError& e) {
        log::error(kLog, std::string("schema migration failed: ") + e.what());
        return makeError("schema_migration_failed",
                         std::string("migrating the database failed: ") + e.what());
    }
    return Ok{};
}

Status migrate(const Database& db, std::span<const Migration> migrations) {
    return migrateTo(db, migrations, static_cast<int>(migrations.size()));
}

}  // namespace duban
