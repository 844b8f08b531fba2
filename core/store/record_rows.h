#pragma once
// Reading and writing the authored records (reports, visits, photos) as table rows. Used by the
// local store and the server's mutations; pulls read and write the same tables through their
// description (core/store/entity_columns), which a test holds to the schema.
#include <optional>
#include <string_view>
#include <vector>

#include "core/domain/types.h"
#include "core/rules/access.h"
#include "core/rules/validation.h"
#include "core/store/database.h"

namespace duban {

struct StoredReport {
    ProgressReport report;
    std::int64_t version = 0;
    std::optional<std::string> submittedAt;
    std::string updatedAt;
};
struct StoredVisit {
    SiteVisit visit;
    std::int64_t version = 0;
    std::string updatedAt;
};

[[nodiscard]] std::optional<StoredReport> loadReport(const Database& db, std::string_view id);
[[nodiscard]] std::optional<StoredVisit> loadVisit(const Database& db, std::string_view id);
// Insert or replace the row; `updatedAt` is an ISO instant.
void storeReport(const Database& db, const ProgressReport& report, std::int64_t version,
                 std::string_view updatedAt);
void storeVisit(const Database& db, const SiteVisit& visit, std::int64_t version,
                std::string_view updatedAt);
// A photo's row (a photo is added or removed, never changed).
void insertPhoto(const Database& db, const Photo& photo, std::int64_t version);
// The photos of a visit or report, in the order they were added here.
[[nodiscard]] std::vector<Photo> loadPhotos(const Database& db, std::string_view ownerId);

// How a project is tied to units, for the access rules.
[[nodiscard]] ProjectUnits loadProjectUnits(const Database& db, std::string_view projectId);
[[nodiscard]] bool projectExists(const Database& db, std::string_view projectId);
[[nodiscard]] std::optional<Yuan> projectTotalInvestment(const Database& db,
                                                         std::string_view projectId);

// The milestone rule (record_checks.h, milestoneProblem) over this database's milestones: the
// device's save and the server's apply both ask it. A visit names no milestone.
[[nodiscard]] std::optional<FieldError> checkMilestone(const Database& db,
                                                       const ProgressReport& report);
[[nodiscard]] std::optional<FieldError> checkMilestone(const Database& db, const SiteVisit& visit);
[[nodiscard]] std::optional<FieldError> checkMilestone(const Database& db, const Warning& warning);

}  // namespace duban
