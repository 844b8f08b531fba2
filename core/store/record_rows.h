#pragma once
// Reading and writing the authored records (reports, visits) as table rows. Used by the local
// store, the sync engine and the server, so one SQL spelling of each record exists.
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
// Many records in one query (a pull page): those of `ids` that exist, in no particular order.
[[nodiscard]] std::vector<StoredReport> loadReports(const Database& db,
                                                    const std::vector<std::string>& ids);
[[nodiscard]] std::vector<StoredVisit> loadVisits(const Database& db,
                                                  const std::vector<std::string>& ids);
// Insert or replace the row; `updatedAt` is an ISO instant.
void storeReport(const Database& db, const ProgressReport& report, std::int64_t version,
                 std::string_view updatedAt);
void storeVisit(const Database& db, const SiteVisit& visit, std::int64_t version,
                std::string_view updatedAt);
// A photo's row (a photo is added or removed, never changed).
void insertPhoto(const Database& db, const Photo& photo, std::int64_t version);
// A photo from a row whose first columns are id, owner_kind, owner_id, sha256, size,
// thumbnail_sha256, width, height, taken_at, lat, lon, caption.
[[nodiscard]] Photo photoFromRow(const Statement& row);
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
