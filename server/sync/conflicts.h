#pragma once
// Field-level conflicts (design.md §5): drafts are the only records two devices edit concurrently.
// The later push wins, decided by server order; the value it replaced is kept in a `conflict`
// record that only its author pulls, so nothing typed is dropped silently.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "server/sync/apply_context.h"

namespace duban::server {

// For an update of `m.id` based on `m.baseVersion`: among `changed` (fields whose value the update
// changes), those another device changed after the base version. Each losing value (in `before`,
// the server's fields) is kept for its author with the winning one (in `after`). Returns the
// names of the conflicting fields, empty when the update merged cleanly. A field with no
// field_version row has not changed since the record was created (version 1, by `creator`).
struct Creator {
    std::string deviceId;
    std::string userId;
};
[[nodiscard]] std::vector<std::string> keepLosingValues(
    const ApplyContext& context, const Mutation& m, const nlohmann::json& before,
    const nlohmann::json& after, const std::vector<std::string>& changed, const Creator& creator);

}  // namespace duban::server
