#include "core/util/base64.h"

#include <openssl/evp.h>

#include <algorithm>

namespace duban {
namespace {

bool isBase64Character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

}  // namespace

std::string base64(std::string_view bytes) {
    // EVP_EncodeBlock writes a terminating NUL after the 4·⌈n/3⌉ characters.
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                       reinterpret_cast<const unsigned char*>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(std::max(length, 0)));
    return out;
}

std::string base64Url(std::string_view bytes) {
    std::string text = base64(bytes);
    for (char& c : text) {
        if (c == '+')
            c = '-';
        if (c == '/')
            c = '_';
    }
    while (!text.empty() && text.back() == '=')
        text.pop_back();
    return text;
}

std::optional<std::string> decodeBase64(std::string_view text) {
    std::size_t padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=')
        ++padding;
    const std::string_view body = text.substr(0, text.size() - padding);
    for (const char c : body) {
        if (!isBase64Character(c))
            return std::nullopt;
    }
    if (body.size() % 4 == 1 || (padding > 0 && (body.size() + padding) % 4 != 0))
        return std::nullopt;
    std::string padded(body);
    padded.append((4 - padded.size() % 4) % 4, '=');
    std::string out(padded.size() / 4 * 3, '\0');
    const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                       reinterpret_cast<const unsigned char*>(padded.data()),
                                       static_cast<int>(padded.size()));
    if (length < 0)
        return std::nullopt;
    // EVP_DecodeBlock counts the zero bytes that padding stands for.
    out.resize(static_cast<std::size_t>(length) - (padded.size() - body.size()));
    return out;
}

}  // namespace duban
