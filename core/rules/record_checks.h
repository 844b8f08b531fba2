#pragma once
// Checks a change passes on the device before it is queued and on the server before it is
// applied: written once, so a device never queues what the server refuses for these reasons.
// (The comment of a return or dispute is state_machine's commentProblem; a warning's deadline is
// validateWarning's.)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/rules/validation.h"
#include "core/util/result.h"

namespace duban {

// A report or a warning names at most one milestone, and only one of its own project.
// `milestoneProjectId` is the project the named milestone belongs to (nullopt: no such milestone).
[[nodiscard]] std::optional<FieldError> milestoneProblem(
    const std::optional<std::string>& milestoneId,
    const std::optional<std::string>& milestoneProjectId, std::string_view projectId);

// A change names the record version it was based on: an older one is a question for the conflict
// rules, a newer one than the record has is refused ("invalid").
[[nodiscard]] std::optional<Error> baseVersionProblem(std::int64_t baseVersion,
                                                      std::int64_t recordVersion);

}  // namespace duban
