#include "core/util/hlc.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>
#include <tuple>

namespace duban {

std::string HlcTimestamp::toString() const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%013lld-%04x-", static_cast<long long>(wallMs), counter);
    return buffer + node;
}

std::optional<HlcTimestamp> HlcTimestamp::parse(std::string_view text) {
    if (text.size() < 20 || text[13] != '-' || text[18] != '-')
        return std::nullopt;
    HlcTimestamp t;
    auto [wallEnd, wallError] = std::from_chars(text.data(), text.data() + 13, t.wallMs);
    unsigned counter = 0;
    auto [counterEnd, counterError] =
        std::from_chars(text.data() + 14, text.data() + 18, counter, 16);
    if (wallError != std::errc{} || wallEnd != text.data() + 13 || counterError != std::errc{} ||
        counterEnd != text.data() + 18 || t.wallMs < 0) {
        return std::nullopt;
    }
    t.counter = static_cast<std::uint16_t>(counter);
    t.node = std::string(text.substr(19));
    return t;
}

bool operator<(const HlcTimestamp& a, const HlcTimestamp& b) {
    return std::tie(a.wallMs, a.counter, a.node) < std::tie(b.wallMs, b.counter, b.node);
}

HlcTimestamp HybridLogicalClock::now() {
    const std::int64_t physical = m_clock.nowMs();
    if (physical > m_wallMs) {
        m_wallMs = physical;
        m_counter = 0;
    } else if (m_counter == 0xffff) {
        ++m_wallMs;  // counter exhausted: borrow the next millisecond rather than wrap
        m_counter = 0;
    } else {
        ++m_counter;
    }
    return HlcTimestamp{m_wallMs, m_counter, m_node};
}

void HybridLogicalClock::receive(const HlcTimestamp& remote) {
    const std::int64_t physical = m_clock.nowMs();
    const std::int64_t wall = std::max({m_wallMs, remote.wallMs, physical});
    if (wall == m_wallMs && wall == remote.wallMs) {
        m_counter = std::max(m_counter, remote.counter);
    } else if (wall == remote.wallMs) {
        m_counter = remote.counter;
    } else if (wall != m_wallMs) {
        m_counter = 0;
    }
    m_wallMs = wall;
}

}  // namespace duban
