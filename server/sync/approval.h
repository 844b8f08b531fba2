#pragma once
// What approving a progress report means beyond its state (design.md §3, §6): a report whose photos
// have not all arrived cannot be approved, and an approval updates the project's derived figures
// (never typed twice) in the same transaction.
#include <optional>
#include <string_view>

#include "core/domain/types.h"
#include "server/sync/apply_context.h"

namespace duban::server {

// A "photos_missing" rejection when a photo of the report lacks its image or thumbnail blob.
[[nodiscard]] std::optional<Rejected> photosMissing(const Database& db, std::string_view reportId);

// After `report` was stored as approved: the project's investment completed in its plan year is
// the sum over its approved reports of that year, and a report at 100% achieves its milestone.
void updateDerivedFigures(const ApplyContext& context, const ProgressReport& report);

}  // namespace duban::server
