#pragma once
// The scoped change log (design.md §5): what a pull returns, and the one rule that decides which
// change-log rows a caller may see, written once in SQL so the filter runs in the index.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/rules/access.h"
#include "core/store/database.h"

namespace duban::server {

struct PullPage {
    nlohmann::json changes = nlohmann::json::array();  // [{seq, entity, id, deleted, record}]
    std::int64_t next = 0;  // the last seq returned, or `after` when none was
    bool more = false;      // more visible changes follow this page
    std::string scope;      // the caller's scope fingerprint, read in the same snapshot
};

// The visible changes after `after`, at most `limit`, as one consistent snapshot.
[[nodiscard]] PullPage readPullPage(const Database& db, const Actor& actor, std::int64_t after,
                                    int limit);

// Whether `actor` may see the record (entity, id) by the pull rule: used to decide whether a
// rejected mutation may carry the current server record.
[[nodiscard]] bool mayPull(const Database& db, const Actor& actor, std::string_view entity,
                           std::string_view id);

}  // namespace duban::server
