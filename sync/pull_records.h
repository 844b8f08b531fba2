#pragma once
// Writing server records into the client's tables: what a pull page and a rejected push bring.
// Every function runs inside the caller's transaction and never touches a record that has unsent
// local edits (local work wins on the device until the server has judged it).
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/store/database.h"
#include "core/store/entity_rows.h"
#include "core/store/outbox.h"

namespace duban::sync::detail {

// Ids seen per entity during a full pull.
using SeenIds = std::map<std::string, std::vector<std::string>, std::less<>>;

// Writes the records of one pull page: each entity's upsert is prepared once for the page.
class RecordWriter {
public:
    explicit RecordWriter(const Database& db) : m_db(db) {}
    // Upserts `record` of `entity`, as applyServerRecord below does.
    bool apply(const std::string& entity, const nlohmann::json& record,
               std::set<std::string>* touchedProjects = nullptr);

private:
    Statement& upsertOf(const RecordTable& table);
    const Database& m_db;
    std::vector<std::pair<const RecordTable*, Statement>> m_upserts;
};

// Upserts `record` of `entity`. Projects whose search text may have changed are added to
// `touchedProjects`. Returns false when skipped (pending edits, or an entity this client does not
// keep). Throws DatabaseError for a record that does not fit the local schema.
bool applyServerRecord(const Database& db, const std::string& entity, const nlohmann::json& record,
                       std::set<std::string>* touchedProjects = nullptr);
// Applies a tombstone. Returns false when skipped.
bool deleteLocalRecord(const Database& db, const std::string& entity, const std::string& id);
// After a full pull: removes local copies that did not come back. Returns how many.
int dropUnseen(const Database& db, const SeenIds& seen);

}  // namespace duban::sync::detail
