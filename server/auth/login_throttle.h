#pragma once
// Rate limit on sign-in attempts per client address (a sliding minute), against password
// guessing across many accounts. Per-account lockout lives in the database (accounts.cpp).
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace duban::server {

class LoginThrottle {
public:
    explicit LoginThrottle(int attemptsPerMinute) : m_limit(attemptsPerMinute) {}
    // Records an attempt; false when the address has used up its attempts for this minute.
    [[nodiscard]] bool allow(const std::string& address, std::int64_t nowMs);

private:
    int m_limit;
    std::mutex m_mutex;
    std::map<std::string, std::deque<std::int64_t>> m_attempts;
};

}  // namespace duban::server
