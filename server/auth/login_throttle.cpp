#include "server/auth/login_throttle.h"

namespace duban::server {

bool LoginThrottle::allow(const std::string& address, std::int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    auto& attempts = m_attempts[address];
    while (!attempts.empty() && attempts.front() <= nowMs - 60'000)
        attempts.pop_front();
    if (static_cast<int>(attempts.size()) >= m_limit)
        return false;
    attempts.push_back(nowMs);
    if (m_attempts.size() > 100'000)
        m_attempts.clear();  // bounded memory under a flood of addresses
    return true;
}

}  // namespace duban::server
