#pragma once
// A loopback TCP proxy that breaks connections on purpose (issue 4: "whatever fails"). Clients
// connect to 127.0.0.1:port() and are forwarded byte for byte to 127.0.0.1:target — TLS passes
// through untouched, so a client still verifies the server's certificate (it names 127.0.0.1).
// Each accepted connection gets a Fault chosen by the test: pass, cut or reset after N bytes in
// one direction, or a delay. One thread per connection; everything is joined in the destructor.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/util/file_descriptor.h"

namespace duban::test {

enum class Direction { toServer, toClient };

struct Fault {
    enum class Kind {
        pass,       // forward everything
        cut,        // after `bytes` in `direction`: close both sides (FIN)
        reset,      // after `bytes` in `direction`: abort both sides (RST, SO_LINGER {1, 0})
        delayOnce,  // once `bytes` went in `direction`: sleep `delay` before forwarding more
        delayEach,  // sleep `delay` before forwarding each read in `direction`
    };
    Kind kind = Kind::pass;
    Direction direction = Direction::toServer;
    std::int64_t bytes = 0;  // cut/reset at 0: at once, before anything is forwarded
    std::chrono::milliseconds delay{0};

    static Fault pass() { return {}; }
    static Fault cutAfter(Direction d, std::int64_t n) { return {Kind::cut, d, n, {}}; }
    static Fault resetAfter(Direction d, std::int64_t n) { return {Kind::reset, d, n, {}}; }
    static Fault delayOnceAfter(Direction d, std::int64_t n, std::chrono::milliseconds ms) {
        return {Kind::delayOnce, d, n, ms};
    }
    static Fault delayEach(Direction d, std::chrono::milliseconds ms) {
        return {Kind::delayEach, d, 0, ms};
    }
};

[[nodiscard]] std::string describe(const Fault& fault);

// Loopback sockets, close-on-exec (the tests fork servers and clients: a child holding a copy of
// a proxied socket would keep a "cut" connection open). Both throw std::runtime_error.
// A socket listening on 127.0.0.1 at a free port, written to `port`.
[[nodiscard]] FileDescriptor listenOnLoopback(int& port);
// A socket connected to 127.0.0.1:port; -1 inside when nothing listens there.
[[nodiscard]] FileDescriptor connectToLoopback(int port);

struct ProxyCounters {
    std::int64_t connections = 0;
    std::int64_t upstreamRefused = 0;  // the target did not accept (server down): client reset
    std::int64_t bytesToServer = 0;
    std::int64_t bytesToClient = 0;
    std::int64_t cuts = 0;    // faults that actually fired (a cut after more bytes than the
    std::int64_t resets = 0;  // connection carried never fires)
    std::int64_t delays = 0;
    std::int64_t dropped = 0;  // connections ended by dropAll()
};

class FaultProxy {
public:
    // Chooses the fault of connection number `index` (0, 1, 2, … in order of acceptance).
    using Planner = std::function<Fault(std::int64_t index)>;

    explicit FaultProxy(int targetPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    // New connections go to `port` (a restarted server may listen elsewhere).
    void setTarget(int port) { m_target = port; }
    // Queued faults are used first, one per new connection; then the planner; then pass.
    void queue(Fault fault);
    void setPlanner(Planner planner);
    void clearFaults();
    // Cuts every open connection now (a network that drops), without touching new ones.
    void dropAll();
    [[nodiscard]] ProxyCounters counters() const;
    [[nodiscard]] std::int64_t openConnections() const;

private:
    struct Connection;
    void acceptLoop();
    void serve(Connection& connection);
    Fault nextFault(std::int64_t index);
    void reapFinished();

    struct Pipe {
        FileDescriptor read;
        FileDescriptor write;
    };
    static Pipe makePipe();

    int m_port = 0;  // before m_listen, whose initialisation sets it
    FileDescriptor m_listen;
    Pipe m_wake;  // written once at shutdown and never drained: wakes every poll
    std::atomic<int> m_target;
    std::atomic<bool> m_stopping{false};

    mutable std::mutex m_mutex;  // guards everything below
    std::deque<Fault> m_queue;
    Planner m_planner;
    std::int64_t m_accepted = 0;
    ProxyCounters m_counters;
    std::list<std::unique_ptr<Connection>> m_connections;
    std::thread m_acceptThread;
};

}  // namespace duban::test
