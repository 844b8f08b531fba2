#include "core/rules/validation.h"

#include <cmath>

#include "core/rules/lag_warnings.h"
#include "core/util/utf8.h"
#include "core/util/uuid.h"

namespace duban {
namespace {

class Errors {
public:
    void add(std::string field, std::string code, std::string message) {
        m_errors.push_back({std::move(field), std::move(code), std::move(message)});
    }
    void text(const std::string& field, const std::string& value, std::size_t maxChars,
              bool required) {
        if (required && value.empty()) {
            add(field, "required", field + " is required.");
        } else if (utf8Length(value) > maxChars) {
            add(field, "too_long",
                field + " is longer than " + std::to_string(maxChars) + " characters; shorten it.");
        }
    }
    void id(const std::string& field, const std::string& value) {
        if (value.empty()) {
            add(field, "required", field + " is required.");
        } else if (!isUuid(value)) {
            add(field, "invalid_format", field + " must be a UUID.");
        }
    }
    std::vector<FieldError> take() { return std::move(m_errors); }

private:
    std::vector<FieldError> m_errors;
};

}  // namespace

Error validationError(const std::vector<FieldError>& errors) {
    std::string message;
    for (const FieldError& e : errors)
        message += (message.empty() ? "" : " ") + e.message;
    return makeError("invalid", message);
}

std::vector<FieldError> validateProgressReport(const ProgressReport& report,
                                               const ReportContext& context, bool forSubmit,
                                               const ValidationLimits& limits) {
    Errors errors;
    errors.id("id", report.id);
    errors.id("project_id", report.projectId);
    if (report.milestoneId && !isUuid(*report.milestoneId)) {
        errors.add("milestone_id", "invalid_format", "milestone_id must be a UUID.");
    }
    const auto period = parsePeriod(report.period);
    if (report.period.empty()) {
        errors.add("period", "required", "period is required (YYYY-MM).");
    } else if (!period) {
        errors.add("period", "invalid_format",
                   "period must be a month written YYYY-MM, e.g. 2022-06.");
    } else if (*period > periodOf(context.today)) {
        errors.add(
            "period", "in_future",
            "period " + report.period + " has not begun; report the current or a past month.");
    }
    if (report.investment) {
        if (*report.investment < 0) {
            errors.add("investment", "out_of_range",
                       "investment completed in the month cannot be negative.");
        } else if (context.projectTotalInvestment && *context.projectTotalInvestment > 0 &&
                   *report.investment > *context.projectTotalInvestment) {
            errors.add("investment", "exceeds_total",
                       "investment completed in one month exceeds the project's total investment; "
                       "check the unit (万元).");
        }
    } else if (forSubmit) {
        errors.add("investment", "required",
                   "investment completed in the month is required (0 if none).");
    }
    if (report.percentComplete) {
        if (*report.percentComplete < 0 || *report.percentComplete > 100) {
            errors.add("percent_complete", "out_of_range",
                       "percent complete must be between 0 and 100.");
        }
    } else if (forSubmit) {
        errors.add("percent_complete", "required", "percent complete is required.");
    }
    errors.text("narrative", report.narrative, limits.maxTextChars, forSubmit);
    errors.text("problems", report.problems, limits.maxTextChars, false);
    errors.text("coordination", report.coordination, limits.maxTextChars, false);
    return errors.take();
}

std::vector<FieldError> validatePosition(const Position& position, const std::string& field) {
    std::vector<FieldError> errors;
    if (!std::isfinite(position.latitude) || position.latitude < -90 || position.latitude > 90) {
        errors.push_back({field + ".lat", "out_of_range", "latitude must be between -90 and 90."});
    }
    if (!std::isfinite(position.longitude) || position.longitude < -180 ||
        position.longitude > 180) {
        errors.push_back(
            {field + ".lon", "out_of_range", "longitude must be between -180 and 180."});
    }
    if (position.accuracyMeters &&
        (!std::isfinite(*position.accuracyMeters) || *position.accuracyMeters < 0)) {
        errors.push_back({field + ".accuracy", "out_of_range",
                          "accuracy must be a distance in metres, 0 or more."});
    }
    return errors;
}

std::vector<FieldError> validateSiteVisit(const SiteVisit& visit, std::int64_t nowMs,
                                          bool forSubmit, const ValidationLimits& limits) {
    Errors errors;
    errors.id("id", visit.id);
    errors.id("project_id", visit.projectId);
    const auto at = parseInstant(visit.visitedAt);
    if (visit.visitedAt.empty()) {
        errors.add("visited_at", "required", "visited_at is required.");
    } else if (!at) {
        errors.add("visited_at", "invalid_format",
                   "visited_at must be an ISO 8601 instant, e.g. 2022-06-01T02:30:00Z.");
    } else if (*at > nowMs + limits.futureToleranceMs) {
        errors.add("visited_at", "in_future",
                   "visited_at is in the future; check the device's date and time.");
    }
    if (visit.utcOffsetMinutes < -14 * 60 || visit.utcOffsetMinutes > 14 * 60) {
        errors.add("utc_offset_minutes", "out_of_range",
                   "utc_offset_minutes must be within ±14 hours.");
    }
    std::vector<FieldError> result = errors.take();
    if (visit.position) {
        for (auto& e : validatePosition(*visit.position, "position"))
            result.push_back(std::move(e));
    }
    Errors text;
    text.text("notes", visit.notes, limits.maxTextChars, forSubmit);
    text.text("people_met", visit.peopleMet, limits.maxTextChars, false);
    for (auto& e : text.take())
        result.push_back(std::move(e));
    return result;
}

std::vector<FieldError> validatePhoto(const Photo& photo, const ValidationLimits& limits) {
    Errors errors;
    errors.id("id", photo.id);
    errors.id("owner_id", photo.ownerId);
    const auto isSha = [](const std::string& s) {
        return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
    };
    if (!isSha(photo.sha256))
        errors.add("sha256", "invalid_format", "sha256 must be 64 lowercase hex digits.");
    if (!isSha(photo.thumbnailSha256)) {
        errors.add("thumbnail_sha256", "invalid_format",
                   "thumbnail_sha256 must be 64 lowercase hex digits.");
    }
    if (photo.size <= 0)
        errors.add("size", "out_of_range", "size must be the photo's byte count.");
    if (photo.width <= 0 || photo.height <= 0)
        errors.add("width", "out_of_range", "width and height must be positive.");
    if (photo.ownerKind != Entity::site_visit && photo.ownerKind != Entity::progress_report) {
        errors.add("owner_kind", "invalid_format",
                   "a photo belongs to a site_visit or a progress_report.");
    }
    errors.text("caption", photo.caption, limits.maxCaptionChars, false);
    std::vector<FieldError> result = errors.take();
    if (photo.position) {
        for (auto& e : validatePosition(*photo.position, "position"))
            result.push_back(std::move(e));
    }
    return result;
}

std::vector<FieldError> validateWarning(const Warning& warning, Date today,
                                        const ValidationLimits& limits) {
    Errors errors;
    errors.id("id", warning.id);
    errors.id("project_id", warning.projectId);
    if (warning.milestoneId)
        errors.id("milestone_id", *warning.milestoneId);
    if (warning.level < 1 || warning.level > 3) {
        errors.add("level", "out_of_range", "level must be 1 (提醒), 2 (预警) or 3 (纠责).");
    }
    errors.text("reason", warning.reason, limits.maxTextChars, true);
    if (!parseLagReason(warning.reasonCode)) {
        errors.add("reason_code", "invalid",
                   "reason_code must name a finding (milestone_due_soon, milestone_overdue, "
                   "report_missing, milestone_long_overdue, reports_missing_repeatedly).");
    }
    if (warning.correctBy.empty()) {
        errors.add("correct_by", "required", "correct_by (the deadline to correct) is required.");
    } else if (const auto by = parseDate(warning.correctBy); !by) {
        errors.add("correct_by", "invalid_format", "correct_by must be a date written YYYY-MM-DD.");
    } else if (*by < today) {
        errors.add("correct_by", "out_of_range",
                   "correct_by " + warning.correctBy +
                       " has passed; give a deadline from today on (China time).");
    }
    errors.text("number", warning.number, kMaxLetterNumberChars, false);
    return errors.take();
}

}  // namespace duban
