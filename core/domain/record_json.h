#pragma once
// Records as JSON field maps with the names of design.md §3 in snake_case: what a mutation carries
// in `fields` and what a pull returns. One place, so device and server agree on every name.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/util/result.h"

namespace duban {

[[nodiscard]] nlohmann::json toJson(const ProgressReport& report);
[[nodiscard]] nlohmann::json toJson(const SiteVisit& visit);
// A photo's description as its device sends it (the bytes travel as blobs). A photo's position is
// {lat, lon}: what EXIF GPS gives, with no accuracy or source to keep.
[[nodiscard]] nlohmann::json toJson(const Photo& photo);
// The fields a supervisor sets when issuing a warning: project_id, milestone_id, level, reason.
// Who issued it and when are the server's to say.
[[nodiscard]] nlohmann::json toJson(const Warning& warning);

// Applies the given fields onto `report` (fields absent from `json` are left as they are).
// Wrong types are an "invalid" error naming the field; unknown fields are refused too, so a typo
// in a client cannot silently drop data.
[[nodiscard]] Status applyJson(ProgressReport& report, const nlohmann::json& fields);
[[nodiscard]] Status applyJson(SiteVisit& visit, const nlohmann::json& fields);
[[nodiscard]] Status applyJson(Photo& photo, const nlohmann::json& fields);
[[nodiscard]] Status applyJson(Warning& warning, const nlohmann::json& fields);

// The names of the fields whose values differ between two field maps of one record (those of
// `after` that `before` lacks too): an update carries only these, and the server versions only
// these, so a concurrent edit of another field on another device is not overwritten.
[[nodiscard]] std::vector<std::string> changedFieldNames(const nlohmann::json& before,
                                                         const nlohmann::json& after);
// Those fields with their values in `after`, as an object.
[[nodiscard]] nlohmann::json changedFields(const nlohmann::json& before,
                                           const nlohmann::json& after);

}  // namespace duban
