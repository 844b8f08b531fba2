#include "core/store/entity_columns.h"

#include <array>
#include <stdexcept>
#include <string>

namespace duban {
namespace {

using T = ColumnType;

// The server's version of a record: 0 until the server has seen it.
constexpr Column kVersion{.name = "version", .type = T::integer, .fallback = "0", .stamped = true};

constexpr std::array kUnit{
    Column{.name = "id"},
    Column{.name = "name"},
    Column{.name = "kind"},
    Column{.name = "parent_id", .nullable = true},
    kVersion,
};

// A user pulls only their own account (never a password hash: it is not in this table).
constexpr std::array kUser{
    Column{.name = "id"},
    Column{.name = "username"},
    Column{.name = "display_name"},
    Column{.name = "role"},
    Column{.name = "unit_id", .nullable = true},
    Column{.name = "phone", .fallback = "''"},
    kVersion,
};

constexpr std::array kProject{
    Column{.name = "id"},
    Column{.name = "code"},
    Column{.name = "name"},
    Column{.name = "kind"},
    Column{.name = "category", .fallback = "''"},
    Column{.name = "start_year", .type = T::integer, .nullable = true},
    Column{.name = "end_year", .type = T::integer, .nullable = true},
    Column{.name = "stage", .fallback = "''"},
    Column{.name = "scope", .fallback = "''"},
    Column{.name = "industry_chain", .fallback = "''"},
    Column{.name = "funding_sources", .type = T::json, .fallback = "'[]'"},
    Column{.name = "total_investment", .type = T::integer, .nullable = true},
    Column{.name = "completed_before", .type = T::integer, .nullable = true},
    Column{.name = "plan_year", .type = T::integer, .nullable = true},
    Column{.name = "plan_investment", .type = T::integer, .nullable = true},
    Column{.name = "plan_content", .fallback = "''"},
    Column{.name = "remarks", .fallback = "''"},
    Column{.name = "lat", .type = T::real, .nullable = true},
    Column{.name = "lon", .type = T::real, .nullable = true},
    // Derived from approved reports and findings on the server, never typed.
    Column{.name = "completed_this_year", .type = T::integer, .fallback = "0", .stamped = true},
    Column{.name = "warning_level", .type = T::integer, .fallback = "0", .stamped = true},
    kVersion,
};

constexpr std::array kMilestone{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "ord", .type = T::integer, .key = "order"},
    Column{.name = "title"},
    Column{.name = "due_date"},
    Column{.name = "target_value", .type = T::real, .nullable = true},
    Column{.name = "target_unit", .fallback = "''"},
    Column{.name = "status", .fallback = "'open'"},
    kVersion,
};

constexpr std::array kProgressReport{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "period"},
    Column{.name = "milestone_id", .nullable = true},
    Column{.name = "investment", .type = T::integer, .nullable = true},
    Column{.name = "percent_complete", .type = T::integer, .nullable = true},
    Column{.name = "narrative", .fallback = "''"},
    Column{.name = "problems", .fallback = "''"},
    Column{.name = "coordination", .fallback = "''"},
    Column{.name = "state", .fallback = "'draft'", .stamped = true},
    Column{.name = "author_id", .stamped = true},
    Column{.name = "device_id", .fallback = "''", .stamped = true},
    Column{.name = "submitted_at", .nullable = true, .stamped = true},
    Column{.name = "updated_at", .stamped = true},
    kVersion,
};

// A visit's position travels as {lat, lon, accuracy, source}, or null.
constexpr std::array kSiteVisit{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "visited_at"},
    Column{.name = "utc_offset_minutes", .type = T::integer, .fallback = "480"},
    Column{.name = "lat", .type = T::real, .group = "position"},
    Column{.name = "lon", .type = T::real, .group = "position"},
    Column{.name = "accuracy_m",
           .type = T::real,
           .nullable = true,
           .key = "accuracy",
           .group = "position"},
    Column{.name = "position_source", .key = "source", .group = "position"},
    Column{.name = "notes", .fallback = "''"},
    Column{.name = "people_met", .fallback = "''"},
    Column{.name = "state", .fallback = "'draft'", .stamped = true},
    Column{.name = "author_id", .stamped = true},
    Column{.name = "device_id", .fallback = "''", .stamped = true},
    Column{.name = "updated_at", .stamped = true},
    kVersion,
};

// A photo's position is what EXIF GPS gives: {lat, lon}, or null.
constexpr std::array kPhoto{
    Column{.name = "id"},
    Column{.name = "owner_kind"},
    Column{.name = "owner_id"},
    Column{.name = "sha256"},
    Column{.name = "size", .type = T::integer},
    Column{.name = "thumbnail_sha256"},
    Column{.name = "width", .type = T::integer},
    Column{.name = "height", .type = T::integer},
    Column{.name = "taken_at", .nullable = true},
    Column{.name = "lat", .type = T::real, .group = "position"},
    Column{.name = "lon", .type = T::real, .group = "position"},
    Column{.name = "caption", .fallback = "''"},
    kVersion,
};

// Reviews are left by transitions on the server: every value is the server's.
constexpr std::array kReview{
    Column{.name = "id"},
    Column{.name = "kind", .stamped = true},
    Column{.name = "target_kind", .stamped = true},
    Column{.name = "target_id", .stamped = true},
    Column{.name = "target_version", .type = T::integer, .stamped = true},
    Column{.name = "actor_id", .stamped = true},
    Column{.name = "comment", .fallback = "''", .stamped = true},
    Column{.name = "at", .stamped = true},
};

// The letter's columns came later (local migration 7), hence their place at the end.
constexpr std::array kWarning{
    Column{.name = "id"},
    Column{.name = "project_id"},
    Column{.name = "milestone_id", .nullable = true},
    Column{.name = "level", .type = T::integer},
    Column{.name = "reason"},
    Column{.name = "issued_at", .stamped = true},
    Column{.name = "issued_by", .stamped = true},
    Column{.name = "acknowledged_at", .nullable = true, .stamped = true},
    kVersion,
    Column{.name = "reason_code", .fallback = "''"},
    Column{.name = "number", .fallback = "''"},
    Column{.name = "correct_by", .nullable = true},
};

// A value that lost a concurrent edit, for its author (the device files it in its inbox).
constexpr std::array kConflict{
    Column{.name = "id"},
    Column{.name = "entity", .stamped = true},
    Column{.name = "record_id", .stamped = true},
    Column{.name = "field", .stamped = true},
    Column{.name = "losing_value", .type = T::json, .stamped = true},
    Column{.name = "winning_value", .type = T::json, .stamped = true},
    Column{.name = "author_id", .stamped = true},
    Column{.name = "device_id", .stamped = true},
    Column{.name = "winner_mid", .stamped = true},
    Column{.name = "at", .stamped = true},
};

constexpr std::array kTables{
    RecordTable{"unit", "unit", kUnit},
    RecordTable{"user", "user", kUser},
    RecordTable{"project", "project", kProject},
    RecordTable{"milestone", "milestone", kMilestone},
    RecordTable{"progress_report", "progress_report", kProgressReport},
    RecordTable{"site_visit", "site_visit", kSiteVisit},
    RecordTable{"photo", "photo", kPhoto},
    RecordTable{"review", "review", kReview},
    RecordTable{"warning", "warning", kWarning},
    RecordTable{"conflict", "conflict", kConflict, false},
};

}  // namespace

std::span<const RecordTable> recordTables() {
    return kTables;
}

const RecordTable* findRecordTable(std::string_view entity) {
    for (const RecordTable& t : kTables) {
        if (t.entity == entity)
            return &t;
    }
    return nullptr;
}

const RecordTable& recordTable(std::string_view entity) {
    if (const RecordTable* table = findRecordTable(entity))
        return *table;
    throw std::logic_error("no record table describes '" + std::string(entity) + "'");
}

}  // namespace duban
