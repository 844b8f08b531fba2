#include "core/util/utf8.h"

namespace duban {
namespace {

// Length of the UTF-8 sequence starting with `lead`, or 0 if `lead` cannot start one.
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80)
        return 1;
    if ((lead >> 5) == 0x6)
        return 2;
    if ((lead >> 4) == 0xe)
        return 3;
    if ((lead >> 3) == 0x1e)
        return 4;
    return 0;
}

// The code point of a whole, valid UTF-8 sequence (as utf8Characters yields them).
char32_t codePoint(std::string_view character) {
    const auto byte = [&](std::size_t i) { return static_cast<char32_t>(character[i]) & 0xffu; };
    switch (character.size()) {
        case 1:
            return byte(0);
        case 2:
            return ((byte(0) & 0x1fu) << 6) | (byte(1) & 0x3fu);
        case 3:
            return ((byte(0) & 0x0fu) << 12) | ((byte(1) & 0x3fu) << 6) | (byte(2) & 0x3fu);
        default:
            return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3fu) << 12) |
                   ((byte(2) & 0x3fu) << 6) | (byte(3) & 0x3fu);
    }
}

bool isBlankCodePoint(char32_t c) {
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x2060 || c == 0x3000 || c == 0xfeff;
}

}  // namespace

std::vector<std::string> utf8Characters(std::string_view text) {
    std::vector<std::string> characters;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = sequenceLength(static_cast<unsigned char>(text[i]));
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
        }
        if (!valid) {
            ++i;
            continue;
        }
        characters.emplace_back(text.substr(i, length));
        i += length;
    }
    return characters;
}

std::size_t utf8Length(std::string_view text) {
    return utf8Characters(text).size();
}

bool isBlank(std::string_view text) {
    const std::vector<std::string> characters = utf8Characters(text);
    std::size_t bytes = 0;
    for (const std::string& character : characters) {
        if (!isBlankCodePoint(codePoint(character)))
            return false;
        bytes += character.size();
    }
    return bytes == text.size();  // a skipped invalid byte is something, not a blank
}

bool isWordCharacter(std::string_view character) {
    if (character.size() == 1) {
        const char c = character[0];
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    // Multi-byte: CJK punctuation (U+3000–U+303F) and full-width forms' punctuation are not words.
    if (character.size() == 3) {
        const auto b0 = static_cast<unsigned char>(character[0]);
        const auto b1 = static_cast<unsigned char>(character[1]);
        if (b0 == 0xe3 && b1 == 0x80)
            return false;                                // U+3000–U+303F
        if (b0 == 0xef && (b1 == 0xbc || b1 == 0xbd)) {  // U+FF00–U+FF7F
            const auto b2 = static_cast<unsigned char>(character[2]);
            const unsigned cp = 0xff00u + ((b1 & 0x3u) << 6) + (b2 & 0x3fu) - 0x300u + 0x300u;
            const unsigned offset = cp & 0xffu;
            const bool digit = offset >= 0x10 && offset <= 0x19;
            const bool letter =
                (offset >= 0x21 && offset <= 0x3a) || (offset >= 0x41 && offset <= 0x5a);
            return digit || letter;
        }
        if (b0 == 0xe2 && (b1 == 0x80 || b1 == 0x81))
            return false;  // general punctuation “”—…
    }
    return true;
}

}  // namespace duban
