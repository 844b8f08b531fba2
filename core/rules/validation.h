#pragma once
// Validation of what users type, shared by app (to say why a form cannot be sent) and server
// (to refuse a push). Each problem names its field and a stable code; `message` is English for
// logs and API clients, the app translates the code.
#include <string>
#include <vector>

#include "core/domain/dates.h"
#include "core/domain/types.h"
#include "core/util/result.h"

namespace duban {

struct FieldError {
    std::string field;
    std::string code;  // required, invalid_format, out_of_range, too_long, in_future, exceeds_total
    std::string message;
    friend bool operator==(const FieldError&, const FieldError&) = default;
};

// One "invalid" error whose message joins every field's: what a refused save or push says.
[[nodiscard]] Error validationError(const std::vector<FieldError>& errors);

struct ValidationLimits {
    std::size_t maxTextChars = 2000;  // narrative, problems, coordination, notes, people met
    std::size_t maxCaptionChars = 200;
    std::int64_t futureToleranceMs = 5 * 60 * 1000;  // a device clock a little ahead is fine
};

// What a report is checked against: today (no report for a future month) and the project's
// total investment (no month exceeds it).
struct ReportContext {
    Date today;
    std::optional<Yuan> projectTotalInvestment;
};

// `forSubmit`: a draft may be incomplete; a submitted report must be whole.
[[nodiscard]] std::vector<FieldError> validateProgressReport(const ProgressReport& report,
                                                             const ReportContext& context,
                                                             bool forSubmit,
                                                             const ValidationLimits& limits = {});
[[nodiscard]] std::vector<FieldError> validateSiteVisit(const SiteVisit& visit, std::int64_t nowMs,
                                                        bool forSubmit,
                                                        const ValidationLimits& limits = {});
[[nodiscard]] std::vector<FieldError> validatePosition(const Position& position,
                                                       const std::string& field);
[[nodiscard]] std::vector<FieldError> validatePhoto(const Photo& photo,
                                                    const ValidationLimits& limits = {});
// A warning names its project (and maybe a milestone), a level 1–3, the finding it came from
// (reason_code and reason), the deadline to correct (correct_by, from `today` on: the local date
// of the device issuing it, and of the server when it applies the push) and maybe its 文号
// (number).
[[nodiscard]] std::vector<FieldError> validateWarning(const Warning& warning, Date today,
                                                      const ValidationLimits& limits = {});

}  // namespace duban
