#pragma once
// One cancellation flag shared by the thread that runs requests and the thread that stops them.
// It stays set until reset(): a cancelled sync run must stop as a whole (the request in flight,
// a backoff sleep between retries, and every request the engine would still start), not just
// lose one request and carry on with the next.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace duban::sync {

class CancelToken {
public:
    void cancel() {
        {
            // Taking the mutex orders the store before a sleeper's predicate check, so a cancel
            // can never slip between that check and the wait and be missed.
            std::lock_guard lock(m_mutex);
            m_cancelled.store(true, std::memory_order_release);
        }
        m_wake.notify_all();
    }

    void reset() {
        std::lock_guard lock(m_mutex);
        m_cancelled.store(false, std::memory_order_release);
    }

    [[nodiscard]] bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

    // Sleeps for `delay` unless cancelled first. Returns false when cancelled.
    bool sleepFor(std::chrono::milliseconds delay) {
        std::unique_lock lock(m_mutex);
        return !m_wake.wait_for(lock, delay, [this] { return isCancelled(); });
    }

private:
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

}  // namespace duban::sync
