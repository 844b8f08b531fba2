#pragma once
// Just enough UTF-8 for Chinese search: split text into code points.
#include <string>
#include <string_view>
#include <vector>

namespace duban {

// The code points of `text`, each as its own UTF-8 string; invalid bytes are skipped.
[[nodiscard]] std::vector<std::string> utf8Characters(std::string_view text);
[[nodiscard]] std::size_t utf8Length(std::string_view text);
// True for characters that are part of a word: letters, digits and CJK ideographs.
[[nodiscard]] bool isWordCharacter(std::string_view character);

}  // namespace duban
