#pragma once
// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids are made where a record is
// created, offline too, and sort by creation time.
#include <string>
#include <string_view>

#include "core/util/clock.h"

namespace duban {

class UuidGenerator {
public:
    explicit UuidGenerator(const Clock& clock) : m_clock(clock) {}
    // Monotonic within one generator: ids made in the same millisecond still sort in order.
    [[nodiscard]] std::string next();

private:
    const Clock& m_clock;
    std::int64_t m_lastMs = -1;
    std::uint16_t m_lastSequence = 0;
};

// True for the canonical 8-4-4-4-12 lowercase hex form of any UUID version.
[[nodiscard]] bool isUuid(std::string_view text);
// The millisecond timestamp a UUIDv7 carries; -1 if `text` is not a UUIDv7.
[[nodiscard]] std::int64_t uuidV7Millis(std::string_view text);

}  // namespace duban
