#pragma once
// Warning letters on a device (docs/warnings.md): the letters issued to the user's projects, the
// open (unacknowledged) ones a page at a time, and a supervisor's proposals — every project's
// current lag findings that no letter of that level answers yet.
#include <optional>
#include <string>
#include <vector>

#include "core/rules/access.h"
#include "core/rules/lag_warnings.h"
#include "core/store/database.h"

namespace duban {

struct WarningRow {
    std::string id;
    std::string projectId;
    std::string projectCode;
    std::string projectName;
    std::optional<std::string> milestoneId;
    std::string milestoneTitle;  // empty without a milestone
    std::string milestoneDue;    // YYYY-MM-DD, empty without a milestone
    int level = 1;
    std::string reasonCode;
    std::string reason;
    std::string number;  // empty until the server has numbered it
    std::string correctBy;
    std::string issuedAt;
    std::string issuedBy;
    std::optional<std::string> acknowledgedAt;
    std::int64_t version = 0;
};

struct WarningFilter {
    bool openOnly = false;  // not acknowledged yet
    // Letters to a unit: projects it leads or is responsible for (who acknowledges, access.cpp).
    std::optional<std::string> unitId;
    std::optional<std::string> projectId;
    std::optional<std::string> warningId;  // one letter (its page)
};

// The letters the actor answers: to their unit for field and enterprise staff, every letter on
// the device for others.
[[nodiscard]] WarningFilter warningsFor(const Actor& actor, bool openOnly);

// Newest first (warning_open serves the open list).
[[nodiscard]] std::vector<WarningRow> listWarnings(const Database& db, const WarningFilter& filter,
                                                   int limit, int offset);
[[nodiscard]] int countWarnings(const Database& db, const WarningFilter& filter);
[[nodiscard]] std::optional<WarningRow> loadWarning(const Database& db, const std::string& id);

struct WarningProposal {
    std::string projectId;
    std::string projectCode;
    std::string projectName;
    std::string milestoneTitle;
    LagFinding finding;
    std::string reason;  // lagReasonText of the finding
};

struct ProposalOptions {
    Date today;
    // From which month reports are required (ProjectFacts::firstReportPeriod), YYYY-MM.
    std::string firstReportPeriod;
    LagSettings settings;
};

// Every project's findings on `today` (assessLag over the device's data, read in a few queries
// for all projects at once) without an issued letter of the same level on the same milestone
// (or on the project, for report findings). Highest level first, then by project name.
[[nodiscard]] std::vector<WarningProposal> listWarningProposals(const Database& db,
                                                                const ProposalOptions& options);

}  // namespace duban
