#pragma once
// Records as pulls (and rejected mutations) send them: JSON with the names of design.md §3 in
// snake_case, each with its id and server version. Loaded in batches, one query per entity for a
// whole page (ids bound as one JSON array), never one query per record.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/store/database.h"

namespace duban::server {

using RecordKey = std::pair<std::string, std::string>;  // (entity, id)

// The current JSON of each record in `keys` that exists; records that are gone are absent.
[[nodiscard]] std::map<RecordKey, nlohmann::json> loadRecordViews(
    const Database& db, const std::vector<RecordKey>& keys);

}  // namespace duban::server
