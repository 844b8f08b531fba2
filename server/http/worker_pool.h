#pragma once
// The threads that run route handlers (they read SQLite and hash passwords, so they block):
// a fixed number of threads and a bounded queue. A full queue refuses new work at once — the
// transport answers 503 with Retry-After — instead of letting a burst wait without end.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace duban::server {

class WorkerPool {
public:
    WorkerPool(int threads, std::size_t queueCapacity);
    ~WorkerPool();  // runs what is queued, then joins
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // False (and `job` dropped) when the queue is full.
    [[nodiscard]] bool tryPost(std::function<void()> job);

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_queue;
    std::size_t m_capacity;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

}  // namespace duban::server
