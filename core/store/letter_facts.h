#pragma once
// What a warning letter states, read from the store (docs/warnings.md, "The letter"): the letter
// itself, to whom it goes (the project's lead and responsible units), and what was reported —
// the latest report submitted (not a draft) on the letter's milestone, or on the project when the
// letter names none, up to the day the letter was issued.
#include <optional>
#include <string>

#include "core/store/database.h"
#include "core/store/warnings.h"

namespace duban {

struct ReportedFact {
    std::string period;       // YYYY-MM
    std::string submittedOn;  // YYYY-MM-DD, local
    std::optional<int> percentComplete;
    std::optional<std::int64_t> investment;  // 元, the month's
    std::string narrative;
};

struct LetterFacts {
    WarningRow warning;
    std::string addressees;              // "市发改局、吉首经开区管委会": lead first
    std::int64_t completedThisYear = 0;  // reported through the issue month, 元
    std::optional<std::int64_t> planInvestment;  // the year's plan, 元
    std::optional<ReportedFact> lastReport;
};

// The local (UTC+8) date a letter was issued, YYYY-MM-DD: it bounds "what was reported" and
// dates the letter.
[[nodiscard]] std::string issuedOn(const WarningRow& warning);

[[nodiscard]] std::optional<LetterFacts> loadLetterFacts(const Database& db,
                                                         const std::string& warningId);

}  // namespace duban
