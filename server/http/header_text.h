#pragma once
// Reading HTTP header values (RFC 9110 §5.6): lists are separated by commas, items padded with
// spaces and tabs.
#include <string_view>

namespace duban::server {

// `text` without the spaces and tabs around it.
[[nodiscard]] inline std::string_view trimHeaderSpace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

}  // namespace duban::server
