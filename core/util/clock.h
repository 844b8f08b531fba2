#pragma once
// Time comes from a Clock so tests can set it (lag warnings, UUIDv7, HLC, expiry all read it).
#include <chrono>
#include <cstdint>

namespace duban {

class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    [[nodiscard]] virtual std::int64_t nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::int64_t nowMs() const override;
};

// A clock that stands still until told to move: for tests.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t nowMs) : m_nowMs(nowMs) {}
    [[nodiscard]] std::int64_t nowMs() const override { return m_nowMs; }
    void set(std::int64_t nowMs) { m_nowMs = nowMs; }
    void advance(std::int64_t ms) { m_nowMs += ms; }

private:
    std::int64_t m_nowMs;
};

}  // namespace duban
