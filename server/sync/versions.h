#pragma once
// A record's history on the server (design.md §5): which device made each version (transitions bind
// to the version they name) and at which version each field last changed (concurrent edits of a
// field are conflicts). Every write also moves the record in the change log pulls read.
#include <string>
#include <string_view>
#include <vector>

#include "server/db/change_log.h"
#include "server/sync/apply_context.h"

namespace duban::server {

// An id names one record forever: a create of an id the server knows (live or deleted) is another
// record, never a retry (retries are caught by the mutation number).
[[nodiscard]] bool recordIdTaken(const Database& db, Entity entity, std::string_view id);

// Writes record_version for `version` (this device, this user) and logs the change for pulls.
void noteChange(const ApplyContext& context, Entity entity, std::string_view id,
                const ChangeScope& scope, std::int64_t version, bool deleted = false);

// True when a version after `baseVersion` was made by a device other than `deviceId`: the device
// acted on a record it has not seen. Its own queued changes (made offline on base 0) do not count.
[[nodiscard]] bool changedElsewhereSince(const Database& db, Entity entity, std::string_view id,
                                         std::int64_t baseVersion, std::string_view deviceId);

// Notes that `fields` changed at `version`, made by this device and user.
void noteFieldVersions(const ApplyContext& context, Entity entity, std::string_view id,
                       const std::vector<std::string>& fields, std::int64_t version);

// Appends the review a transition leaves behind (append-only; pulled with the project).
void appendReview(const ApplyContext& context, ReviewKind kind, Entity target,
                  std::string_view targetId, std::int64_t targetVersion, const std::string& comment,
                  const std::string& projectId);

}  // namespace duban::server
