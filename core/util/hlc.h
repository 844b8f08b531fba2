#pragma once
// Hybrid logical clock: orders one user's edits across their devices for display, even when a
// device's wall clock is behind. It never decides a conflict (the server's order does).
// Text form sorts correctly as a string: "<13-digit ms>-<4-hex counter>-<node>".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/clock.h"

namespace duban {

struct HlcTimestamp {
    std::int64_t wallMs = 0;
    std::uint16_t counter = 0;
    std::string node;

    [[nodiscard]] std::string toString() const;
    [[nodiscard]] static std::optional<HlcTimestamp> parse(std::string_view text);
    friend bool operator<(const HlcTimestamp& a, const HlcTimestamp& b);
};

class HybridLogicalClock {
public:
    HybridLogicalClock(const Clock& clock, std::string node)
        : m_clock(clock), m_node(std::move(node)) {}

    // A timestamp for a local event, greater than every one issued or received before.
    [[nodiscard]] HlcTimestamp now();
    // Takes in a timestamp seen from another node so later local events sort after it.
    void receive(const HlcTimestamp& remote);

private:
    const Clock& m_clock;
    std::string m_node;
    std::int64_t m_wallMs = 0;
    std::uint16_t m_counter = 0;
};

}  // namespace duban
