#pragma once
// Records as JSON field maps with the names of DESIGN §3 in snake_case: what a mutation carries
// in `fields` and what a pull returns. One place, so device and server agree on every name.
#include <nlohmann/json.hpp>

#include "core/domain/types.h"
#include "core/util/result.h"

namespace duban {

[[nodiscard]] nlohmann::json toJson(const ProgressReport& report);
[[nodiscard]] nlohmann::json toJson(const SiteVisit& visit);

// Applies the given fields onto `report` (fields absent from `json` are left as they are).
// Wrong types are an "invalid" error naming the field; unknown fields are refused too, so a typo
// in a client cannot silently drop data.
[[nodiscard]] Status applyJson(ProgressReport& report, const nlohmann::json& fields);
[[nodiscard]] Status applyJson(SiteVisit& visit, const nlohmann::json& fields);

}  // namespace duban
