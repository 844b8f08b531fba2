#include "server/http/connection_limits.h"

namespace duban::server {

std::optional<ConnectionLimits::Ticket> ConnectionLimits::admit(const std::string& address) {
    const std::lock_guard lock(m_mutex);
    std::size_t& fromAddress = m_perAddress[address];
    if (m_open >= m_maxOpen || fromAddress >= m_maxPerAddress) {
        if (fromAddress == 0)
            m_perAddress.erase(address);
        return std::nullopt;
    }
    ++m_open;
    ++fromAddress;
    return Ticket(*this, address);
}

std::size_t ConnectionLimits::open() const {
    const std::lock_guard lock(m_mutex);
    return m_open;
}

void ConnectionLimits::release(const std::string& address) {
    const std::lock_guard lock(m_mutex);
    --m_open;
    const auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it->second == 0)
        m_perAddress.erase(it);
}

}  // namespace duban::server
