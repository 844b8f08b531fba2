#pragma once
// A warning letter as a PDF (docs/warnings.md, "The letter"): the template in
// assets/templates/warning_letter.html (compiled into the app), filled from the letter's facts by
// core, on A4 portrait.
#include <filesystem>
#include <string>

#include "core/store/letter_facts.h"
#include "core/util/result.h"

namespace duban::app {

[[nodiscard]] Status writeLetterPdf(const LetterFacts& facts, const std::filesystem::path& file);

// "督办函-吉发改督〔2022〕3号.pdf"; before the server numbers it, by the letter's id.
[[nodiscard]] std::string letterFileName(const WarningRow& warning);

}  // namespace duban::app
