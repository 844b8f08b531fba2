#include "bench/sync/live_latency.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/domain/dates.h"
#include "sync/change_watch.h"
#include "sync/sync_engine.h"

namespace duban::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Device B's live loop on its own thread: watch, sync on a change, tell who waits.
class LiveDevice {
public:
    LiveDevice(cli::Session& session, sync::HttpTransport& syncTransport,
               sync::HttpTransport& watchTransport)
        : m_session(session),
          m_watchTransport(watchTransport),
          m_engine(*session.store, syncTransport, options(session)) {}

    Status start() {
        if (auto first = m_engine.syncOnce(); !first)
            return first.error();
        m_thread = std::thread([this] { run(); });
        return Ok{};
    }
    void stop() {
        m_stopping = true;
        m_watchTransport.cancel();
        if (m_thread.joinable())
            m_thread.join();
    }
    // Waits until B's store holds site visit `id`; false if B's loop failed first.
    bool waitFor(const std::string& id) {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_failed || holds(id); });
        return !m_failed;
    }
    [[nodiscard]] std::string failure() const { return m_failure; }

private:
    static sync::SyncOptions options(const cli::Session& session) {
        sync::SyncOptions o;
        o.deviceId = session.profile.deviceId;
        return o;
    }
    bool holds(const std::string& id) const {
        Statement s = m_session.store->database().prepare("SELECT 1 FROM site_visit WHERE id = ?");
        s.bindAll(id);
        return s.step();
    }
    void run() {
        while (!m_stopping) {
            sync::PullPosition from;
            {
                const std::lock_guard lock(m_mutex);  // one thread at a time in the store
                from = m_engine.pullPosition();
            }
            const auto watched = sync::watchForChanges(m_watchTransport, from);
            if (m_stopping)
                break;
            Status status = Ok{};
            if (!watched) {
                status = watched.error();
            } else if (watched->changed) {
                const std::lock_guard lock(m_mutex);  // waitFor() reads the store between syncs
                if (auto synced = m_engine.syncOnce(); !synced)
                    status = synced.error();
            }
            if (!status) {
                const std::lock_guard lock(m_mutex);
                m_failed = true;
                m_failure = status.error().message;
            }
            m_ready.notify_all();
            if (!status)
                return;
        }
    }

    cli::Session& m_session;
    sync::HttpTransport& m_watchTransport;
    sync::SyncEngine m_engine;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    std::condition_variable m_ready;
    bool m_failed = false;
    std::string m_failure;
};

}  // namespace

Result<std::vector<double>> measureLiveLatency(cli::Session& author, cli::Session& watcher,
                                               const std::string& projectId, int samples) {
    auto authorTransport = cli::makeTransport(author.profile);
    auto watcherTransport = cli::makeTransport(watcher.profile);
    auto watchTransport = cli::makeTransport(watcher.profile);
    for (const auto* made : {&authorTransport, &watcherTransport, &watchTransport}) {
        if (!*made)
            return made->error();
    }
    sync::SyncOptions authorOptions;
    authorOptions.deviceId = author.profile.deviceId;
    sync::SyncEngine authorEngine(*author.store, *authorTransport.value(), authorOptions);
    if (auto first = authorEngine.syncOnce(); !first)
        return first.error();

    LiveDevice live(watcher, *watcherTransport.value(), *watchTransport.value());
    if (Status started = live.start(); !started)
        return started.error();
    std::vector<double> latencies;
    Status status = Ok{};
    for (int i = 0; i < samples && status; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // B is parked again
        const auto start = Clock::now();
        SiteVisit visit;
        visit.projectId = projectId;
        visit.visitedAt = formatInstantUtc(author.clock.nowMs());
        visit.notes = "现场查看：主体结构施工中，第 " + std::to_string(i + 1) + " 次。";
        auto saved = author.store->saveVisit(author.actor, visit);
        if (!saved) {
            status = saved.error();
            break;
        }
        if (status = author.store->transition(author.actor, Entity::site_visit, saved->id,
                                              Transition::submit);
            !status) {
            break;
        }
        if (auto pushed = authorEngine.syncOnce(); !pushed) {
            status = pushed.error();
            break;
        }
        if (!live.waitFor(saved->id)) {
            status = makeError("live_failed", "device B stopped: " + live.failure());
            break;
        }
        latencies.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    live.stop();
    if (!status)
        return status.error();
    return latencies;
}

}  // namespace duban::bench
