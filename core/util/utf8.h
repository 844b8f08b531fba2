#pragma once
// Just enough UTF-8 for Chinese search and blank checks: split text into code points.
#include <string>
#include <string_view>
#include <vector>

namespace duban {

// The code points of `text`, each as its own UTF-8 string; invalid bytes are skipped.
[[nodiscard]] std::vector<std::string> utf8Characters(std::string_view text);
[[nodiscard]] std::size_t utf8Length(std::string_view text);
// True for characters that are part of a word: letters, digits and CJK ideographs.
[[nodiscard]] bool isWordCharacter(std::string_view character);
// True when `text` shows nothing: only Unicode white space (ASCII blanks, U+00A0, the ideographic
// space U+3000 and the other spaces of Zs, line and paragraph separators) and the invisible
// zero-width spaces U+200B, U+2060 and U+FEFF. Invalid UTF-8 is not blank.
[[nodiscard]] bool isBlank(std::string_view text);

}  // namespace duban
