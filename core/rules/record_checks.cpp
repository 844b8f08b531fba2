#include "core/rules/record_checks.h"

namespace duban {

std::optional<FieldError> milestoneProblem(const std::optional<std::string>& milestoneId,
                                           const std::optional<std::string>& milestoneProjectId,
                                           std::string_view projectId) {
    if (!milestoneId || milestoneProjectId == projectId)
        return std::nullopt;
    return FieldError{"milestone_id", "invalid",
                      "milestone_id is not a milestone of this project; choose one of the "
                      "project's own milestones."};
}

std::optional<Error> baseVersionProblem(std::int64_t baseVersion, std::int64_t recordVersion) {
    if (baseVersion <= recordVersion)
        return std::nullopt;
    return makeError("invalid", "base_version " + std::to_string(baseVersion) +
                                    " is newer than the record's version " +
                                    std::to_string(recordVersion) + "; pull, then try again.");
}

}  // namespace duban
