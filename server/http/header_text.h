#pragma once
// Reading HTTP header values (RFC 9110 §5.6): lists are separated by commas, items padded with
// spaces and tabs; tokens such as content codings compare case-insensitively.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace duban::server {

// `text` without the spaces and tabs around it.
[[nodiscard]] inline std::string_view trimHeaderSpace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// The items of a comma-separated header value, trimmed, in order; empty items are kept (a
// caller may refuse them). Views into `value`.
[[nodiscard]] inline std::vector<std::string_view> headerListItems(std::string_view value) {
    std::vector<std::string_view> items;
    while (!value.empty()) {
        const std::size_t comma = value.find(',');
        items.push_back(trimHeaderSpace(value.substr(0, comma)));
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    }
    return items;
}

// ASCII letters in lower case; other bytes (UTF-8 included) as they are.
[[nodiscard]] inline std::string lowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace duban::server
