#include "tests/support/fault_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <optional>
#include <stdexcept>

namespace duban::test {

std::string describe(const Fault& fault) {
    const std::string where =
        fault.direction == Direction::toServer ? "client→server" : "server→client";
    switch (fault.kind) {
        case Fault::Kind::pass:
            return "pass";
        case Fault::Kind::cut:
            return "cut after " + std::to_string(fault.bytes) + " bytes " + where;
        case Fault::Kind::reset:
            return "reset after " + std::to_string(fault.bytes) + " bytes " + where;
        case Fault::Kind::delayOnce:
            return "delay " + std::to_string(fault.delay.count()) + " ms once after " +
                   std::to_string(fault.bytes) + " bytes " + where;
        case Fault::Kind::delayEach:
            return "delay " + std::to_string(fault.delay.count()) + " ms each read " + where;
    }
    return "?";
}

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Makes the next close() send RST instead of FIN.
void abortOnClose(int fd) {
    const linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
}

bool sendAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

FileDescriptor listenOnLoopback(int& port) {
    FileDescriptor fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int yes = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address = loopback(0);
    if (fd.get() < 0 ||
        ::bind(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd.get(), 64) != 0) {
        throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    socklen_t length = sizeof address;
    ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
    return fd;
}

FileDescriptor connectToLoopback(int port) {
    FileDescriptor fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fd.get() < 0)
        throw std::runtime_error("socket failed");
    sockaddr_in address = loopback(port);
    if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return FileDescriptor(-1);
    return fd;
}

struct FaultProxy::Connection {
    std::optional<FileDescriptor> client;
    std::optional<FileDescriptor> upstream;
    Fault fault;
    std::thread thread;
    std::atomic<bool> done{false};
};

FaultProxy::Pipe FaultProxy::makePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error("fault proxy: pipe failed");
    return Pipe{FileDescriptor(fds[0]), FileDescriptor(fds[1])};
}

FaultProxy::FaultProxy(int targetPort)
    : m_listen(listenOnLoopback(m_port)), m_wake(makePipe()), m_target(targetPort) {
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
    m_stopping = true;
    const char byte = 'x';
    [[maybe_unused]] const ssize_t written = ::write(m_wake.write.get(), &byte, 1);
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    std::list<std::unique_ptr<Connection>> connections;
    {
        const std::lock_guard lock(m_mutex);
        connections.swap(m_connections);
    }
    for (auto& c : connections) {
        if (c->thread.joinable())
            c->thread.join();
    }
}

void FaultProxy::queue(Fault fault) {
    const std::lock_guard lock(m_mutex);
    m_queue.push_back(fault);
}

void FaultProxy::setPlanner(Planner planner) {
    const std::lock_guard lock(m_mutex);
    m_planner = std::move(planner);
}

void FaultProxy::clearFaults() {
    const std::lock_guard lock(m_mutex);
    m_queue.clear();
    m_planner = nullptr;
}

void FaultProxy::dropAll() {
    const std::lock_guard lock(m_mutex);
    for (auto& c : m_connections) {
        if (c->done)
            continue;
        // shutdown, not close: the connection's thread owns the descriptors and closes them.
        bool any = false;
        for (auto* fd : {&c->client, &c->upstream}) {
            if (fd->has_value()) {
                ::shutdown((*fd)->get(), SHUT_RDWR);
                any = true;
            }
        }
        if (any)
            ++m_counters.dropped;
    }
}

ProxyCounters FaultProxy::counters() const {
    const std::lock_guard lock(m_mutex);
    return m_counters;
}

std::int64_t FaultProxy::openConnections() const {
    const std::lock_guard lock(m_mutex);
    std::int64_t open = 0;
    for (const auto& c : m_connections)
        open += c->done ? 0 : 1;
    return open;
}

Fault FaultProxy::nextFault(std::int64_t index) {
    if (!m_queue.empty()) {
        const Fault fault = m_queue.front();
        m_queue.pop_front();
        return fault;
    }
    return m_planner ? m_planner(index) : Fault::pass();
}

void FaultProxy::reapFinished() {
    std::list<std::unique_ptr<Connection>> finished;
    {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_connections.begin(); it != m_connections.end();) {
            if ((*it)->done) {
                finished.push_back(std::move(*it));
                it = m_connections.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& c : finished) {
        if (c->thread.joinable())
            c->thread.join();
    }
}

void FaultProxy::acceptLoop() {
    while (!m_stopping) {
        pollfd fds[2] = {{m_listen.get(), POLLIN, 0}, {m_wake.read.get(), POLLIN, 0}};
        if (::poll(fds, 2, 1000) < 0 && errno != EINTR)
            return;
        reapFinished();
        if (m_stopping || (fds[1].revents & POLLIN) != 0)
            return;
        if ((fds[0].revents & POLLIN) == 0)
            continue;
        const int fd = ::accept4(m_listen.get(), nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        auto connection = std::make_unique<Connection>();
        connection->client.emplace(fd);
        Connection& c = *connection;
        {
            const std::lock_guard lock(m_mutex);
            c.fault = nextFault(m_accepted++);
            ++m_counters.connections;
            m_connections.push_back(std::move(connection));
        }
        c.thread = std::thread([this, &c] {
            serve(c);
            c.done = true;
        });
    }
}

void FaultProxy::serve(Connection& c) {
    const Fault fault = c.fault;
    const auto closeBoth = [&](bool abort) {
        const std::lock_guard lock(m_mutex);
        for (auto* fd : {&c.client, &c.upstream}) {
            if (!fd->has_value())
                continue;
            if (abort)
                abortOnClose((*fd)->get());
            else
                ::shutdown((*fd)->get(), SHUT_RDWR);
            fd->reset();
        }
    };
    const auto fire = [&] {
        const bool abort = fault.kind == Fault::Kind::reset;
        {
            const std::lock_guard lock(m_mutex);
            ++(abort ? m_counters.resets : m_counters.cuts);
        }
        closeBoth(abort);
    };
    // Sleeps, unless the proxy is shutting down.
    const auto pause = [&](std::chrono::milliseconds delay) {
        {
            const std::lock_guard lock(m_mutex);
            ++m_counters.delays;
        }
        pollfd wake{m_wake.read.get(), POLLIN, 0};
        ::poll(&wake, 1, static_cast<int>(delay.count()));
    };

    {
        FileDescriptor upstream = connectToLoopback(m_target);
        const std::lock_guard lock(m_mutex);
        if (upstream.get() >= 0) {
            c.upstream.emplace(std::move(upstream));
        } else {
            ++m_counters.upstreamRefused;
        }
    }
    if (!c.upstream) {
        closeBoth(true);  // as close to "connection refused" as an accepted socket gets
        return;
    }
    const bool breaks = fault.kind == Fault::Kind::cut || fault.kind == Fault::Kind::reset;
    if (breaks && fault.bytes <= 0) {
        fire();
        return;
    }

    std::int64_t forwarded[2] = {0, 0};
    bool delayed = false;
    bool open[2] = {true, true};  // reading from the client (0) and from the server (1)
    char buffer[16 * 1024];
    while (open[0] || open[1]) {
        const int clientFd = c.client->get();
        const int upstreamFd = c.upstream->get();
        pollfd fds[3] = {{open[0] ? clientFd : -1, POLLIN, 0},
                         {open[1] ? upstreamFd : -1, POLLIN, 0},
                         {m_wake.read.get(), POLLIN, 0}};
        if (::poll(fds, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if ((fds[2].revents & POLLIN) != 0)
            break;
        for (int side = 0; side < 2; ++side) {
            if (!open[side] || fds[side].revents == 0)
                continue;
            const int from = side == 0 ? clientFd : upstreamFd;
            const int to = side == 0 ? upstreamFd : clientFd;
            const Direction direction = side == 0 ? Direction::toServer : Direction::toClient;
            const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (n < 0) {
                    // The peer reset: pass the reset on.
                    closeBoth(true);
                    return;
                }
                ::shutdown(to, SHUT_WR);  // half-close, as the peer did
                open[side] = false;
                continue;
            }
            std::size_t size = static_cast<std::size_t>(n);
            const bool faultHere = fault.direction == direction;
            if (faultHere && fault.kind == Fault::Kind::delayEach)
                pause(fault.delay);
            if (faultHere && fault.kind == Fault::Kind::delayOnce && !delayed &&
                forwarded[side] >= fault.bytes) {
                delayed = true;
                pause(fault.delay);
            }
            bool fireNow = false;
            if (faultHere && breaks && forwarded[side] + n >= fault.bytes) {
                size = static_cast<std::size_t>(fault.bytes - forwarded[side]);
                fireNow = true;
            }
            // Counted before sending, so a peer that has read a byte always finds it counted
            // (counting after raced a test reading the counters as soon as its echo arrived).
            {
                const std::lock_guard lock(m_mutex);
                (side == 0 ? m_counters.bytesToServer : m_counters.bytesToClient) +=
                    static_cast<std::int64_t>(size);
            }
            if (!sendAll(to, buffer, size)) {
                closeBoth(true);
                return;
            }
            forwarded[side] += static_cast<std::int64_t>(size);
            if (fireNow) {
                fire();
                return;
            }
        }
    }
    closeBoth(false);
}

}  // namespace duban::test
