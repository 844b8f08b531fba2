#pragma once
// The newest change-log seq known to be committed, and the long-polls waiting for a newer one
// (GET /v1/sync/pull?wait=S). Writers publish after they commit; a waiting pull subscribes with
// the newest seq its page saw and is woken once something later is published (or the server
// stops). It knows nothing of HTTP or SQL: the transport adapts the wake-up to its own loop, and
// on PostgreSQL another instance's commit will arrive through the same publish().
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <utility>

namespace duban::server {

class ChangeFeed {
public:
    using Wake = std::function<void()>;

    // Unsubscribes on destruction (a woken subscription is already gone).
    class Subscription {
    public:
        Subscription() = default;
        Subscription(ChangeFeed* feed, std::uint64_t id) : m_feed(feed), m_id(id) {}
        ~Subscription() { reset(); }
        Subscription(Subscription&& other) noexcept
            : m_feed(std::exchange(other.m_feed, nullptr)), m_id(other.m_id) {}
        Subscription& operator=(Subscription&& other) noexcept;
        Subscription(const Subscription&) = delete;
        Subscription& operator=(const Subscription&) = delete;
        void reset();

    private:
        ChangeFeed* m_feed = nullptr;
        std::uint64_t m_id = 0;
    };

    // `seq` is committed: wakes every subscription waiting beyond a smaller seq. Publishing an
    // older seq than the newest known does nothing.
    void publish(std::int64_t seq);
    // Wakes every subscription whatever it waits for, now and from now on (the server stops).
    void close();
    [[nodiscard]] std::int64_t newest() const;

    // `wake` is called once (on the publishing thread, or at once on this one when a later seq
    // is already known or the feed is closed) when a seq after `beyond` is published. Keep it
    // quick and thread-safe: it should only post to the waiter's own loop.
    [[nodiscard]] Subscription subscribe(std::int64_t beyond, Wake wake);
    [[nodiscard]] std::size_t waiting() const;

private:
    struct Waiter {
        std::int64_t beyond;
        Wake wake;
    };
    void unsubscribe(std::uint64_t id);

    mutable std::mutex m_mutex;
    std::int64_t m_newest = 0;
    bool m_closed = false;
    std::uint64_t m_nextId = 1;
    std::map<std::uint64_t, Waiter> m_waiters;
};

}  // namespace duban::server
