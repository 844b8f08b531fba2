#include "core/util/uuid.h"

#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace duban {
namespace {

constexpr char kHex[] = "0123456789abcdef";

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

}  // namespace

std::string UuidGenerator::next() {
    std::array<std::uint8_t, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("the system random generator failed");
    }
    std::int64_t ms = m_clock.nowMs();
    // rand_a (12 bits) is a sequence within one millisecond so ids keep their creation order,
    // also when the clock steps back.
    if (ms <= m_lastMs) {
        ms = m_lastMs;
        if (++m_lastSequence > 0x0fff) {
            ++ms;
            m_lastSequence = 0;
        }
    } else {
        m_lastSequence = static_cast<std::uint16_t>((bytes[6] << 4 | bytes[7] >> 4) & 0x07ff);
    }
    m_lastMs = ms;
    const auto unixMs = static_cast<std::uint64_t>(ms);
    for (int i = 0; i < 6; ++i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(unixMs >> (40 - 8 * i));
    }
    bytes[6] = static_cast<std::uint8_t>(0x70 | (m_lastSequence >> 8));
    bytes[7] = static_cast<std::uint8_t>(m_lastSequence & 0xff);
    bytes[8] = static_cast<std::uint8_t>(0x80 | (bytes[8] & 0x3f));

    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        text.push_back(kHex[bytes[i] >> 4]);
        text.push_back(kHex[bytes[i] & 0x0f]);
    }
    return text;
}

bool isUuid(std::string_view text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : hexValue(text[i]) < 0)
            return false;
    }
    return true;
}

std::int64_t uuidV7Millis(std::string_view text) {
    if (!isUuid(text) || text[14] != '7')
        return -1;
    std::int64_t ms = 0;
    for (std::size_t i = 0; i < 13; ++i) {
        if (i == 8)
            continue;
        ms = ms * 16 + hexValue(text[i]);
    }
    return ms;
}

}  // namespace duban
