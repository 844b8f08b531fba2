#include "server/http/change_feed.h"

#include <utility>
#include <vector>

namespace duban::server {

ChangeFeed::Subscription& ChangeFeed::Subscription::operator=(Subscription&& other) noexcept {
    if (this != &other) {
        reset();
        m_feed = std::exchange(other.m_feed, nullptr);
        m_id = other.m_id;
    }
    return *this;
}

void ChangeFeed::Subscription::reset() {
    if (m_feed != nullptr)
        std::exchange(m_feed, nullptr)->unsubscribe(m_id);
}

void ChangeFeed::publish(std::int64_t seq) {
    std::vector<Wake> due;
    {
        const std::lock_guard lock(m_mutex);
        if (seq <= m_newest)
            return;
        m_newest = seq;
        for (auto it = m_waiters.begin(); it != m_waiters.end();) {
            if (it->second.beyond < seq) {
                due.push_back(std::move(it->second.wake));
                it = m_waiters.erase(it);
            } else {
                ++it;
            }
        }
    }
    // Outside the lock: a wake may subscribe or unsubscribe others.
    for (const Wake& wake : due)
        wake();
}

void ChangeFeed::close() {
    std::map<std::uint64_t, Waiter> all;
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        all.swap(m_waiters);
    }
    for (auto& [id, waiter] : all)
        waiter.wake();
}

std::int64_t ChangeFeed::newest() const {
    const std::lock_guard lock(m_mutex);
    return m_newest;
}

ChangeFeed::Subscription ChangeFeed::subscribe(std::int64_t beyond, Wake wake) {
    {
        const std::lock_guard lock(m_mutex);
        if (!m_closed && m_newest <= beyond) {
            const std::uint64_t id = m_nextId++;
            m_waiters.emplace(id, Waiter{beyond, std::move(wake)});
            return Subscription(this, id);
        }
    }
    wake();
    return {};
}

std::size_t ChangeFeed::waiting() const {
    const std::lock_guard lock(m_mutex);
    return m_waiters.size();
}

void ChangeFeed::unsubscribe(std::uint64_t id) {
    const std::lock_guard lock(m_mutex);
    m_waiters.erase(id);
}

}  // namespace duban::server
