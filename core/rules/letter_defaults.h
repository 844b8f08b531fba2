#pragma once
// What a warning letter (督办函) starts from when the supervisor has not said otherwise: the
// deadline to correct offered with a new letter, and the month from which reports count as
// required when the device proposes letters. Pure rules; the app and duban-client ask them.
#include "core/domain/dates.h"

namespace duban {

// Days from the day a letter is issued to the deadline offered for correcting (两周).
inline constexpr int kLetterCorrectionDays = 14;

// The deadline to correct a new letter offers: two weeks from `today` (Beijing).
[[nodiscard]] Date defaultCorrectBy(const Date& today);

// From which month a proposal treats reports as required when none was given: the month of
// `today` — the device knows nothing of when supervision began, so it never calls an earlier
// month's report missing.
[[nodiscard]] Period defaultFirstReportPeriod(const Date& today);

}  // namespace duban
