#pragma once
// A warning letter's words from its facts (docs/warnings.md, "The letter"): the values a letter
// template (assets/templates/warning_letter.html) asks for — title, 文号, addressees, the finding,
// the milestone and its due date, what was reported, the deadline to correct and what follows
// if it is missed. Dates as a government letter writes them (2022年7月31日), money in 万元.
#include <map>
#include <string>

#include "core/store/letter_facts.h"

namespace duban {

[[nodiscard]] std::map<std::string, std::string> letterFields(const LetterFacts& facts);

}  // namespace duban
