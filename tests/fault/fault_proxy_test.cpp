// The fault proxy against a tiny echo server: each fault does what it says, byte for byte.
#include "tests/support/fault_proxy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace duban::test {
namespace {

using namespace std::chrono_literals;

// Echoes every connection's bytes back until the peer closes; remembers how many each received.
class EchoServer {
public:
    EchoServer() : m_listen(listenOnLoopback(m_port)) {
        m_thread = std::thread([this] { run(); });
    }
    ~EchoServer() {
        m_stop = true;
        ::shutdown(m_listen.get(), SHUT_RDWR);
        m_thread.join();
        for (auto& t : m_workers)
            t.join();
    }
    EchoServer(const EchoServer&) = delete;
    EchoServer& operator=(const EchoServer&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    // Bytes received by each connection so far, in order of acceptance.
    [[nodiscard]] std::vector<std::int64_t> received() const {
        const std::lock_guard lock(m_mutex);
        return m_received;
    }

private:
    void run() {
        while (!m_stop) {
            const int fd = ::accept4(m_listen.get(), nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0)
                return;
            std::size_t index = 0;
            {
                const std::lock_guard lock(m_mutex);
                index = m_received.size();
                m_received.push_back(0);
            }
            m_workers.emplace_back([this, fd, index] {
                const FileDescriptor socket(fd);
                char buffer[8192];
                for (;;) {
                    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
                    if (n <= 0)
                        return;
                    {
                        const std::lock_guard lock(m_mutex);
                        m_received[index] += n;
                    }
                    if (::send(fd, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n)
                        return;
                }
            });
        }
    }

    int m_port = 0;  // before m_listen, whose initialisation sets it
    FileDescriptor m_listen;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::vector<std::thread> m_workers;
    mutable std::mutex m_mutex;
    std::vector<std::int64_t> m_received;
};

FileDescriptor connectTo(int port) {
    FileDescriptor fd = connectToLoopback(port);
    if (fd.get() < 0)
        throw std::runtime_error("cannot connect to the proxy");
    return fd;
}

void sendText(int fd, const std::string& text) {
    ASSERT_EQ(::send(fd, text.data(), text.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(text.size()));
}

struct ReadOutcome {
    std::string data;
    int error = 0;  // errno of the read that ended it; 0 for a clean end of stream
    bool timedOut = false;
};

// Reads until `want` bytes arrived, the stream ended, or 5 s passed.
ReadOutcome readUpTo(int fd, std::size_t want) {
    ReadOutcome outcome;
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    char buffer[8192];
    while (outcome.data.size() < want) {
        pollfd p{fd, POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            outcome.timedOut = true;
            return outcome;
        }
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            outcome.error = errno;
            return outcome;
        }
        if (n == 0)
            return outcome;
        outcome.data.append(buffer, static_cast<std::size_t>(n));
    }
    return outcome;
}

std::string pattern(std::size_t size) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        text[i] = static_cast<char>('a' + i % 26);
    return text;
}

TEST(FaultProxyTest, PassForwardsEveryByteBothWays) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    const FileDescriptor client = connectTo(proxy.port());
    const std::string text = pattern(200'000);
    std::thread writer([&] { sendText(client.get(), text); });
    const ReadOutcome back = readUpTo(client.get(), text.size());
    writer.join();
    EXPECT_EQ(back.data, text);
    const ProxyCounters counters = proxy.counters();
    EXPECT_EQ(counters.connections, 1);
    EXPECT_EQ(counters.bytesToServer, 200'000);
    EXPECT_EQ(counters.bytesToClient, 200'000);
    EXPECT_EQ(counters.cuts + counters.resets + counters.delays, 0);
}

TEST(FaultProxyTest, CutTowardsTheServerDeliversExactlyNBytesThenCloses) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::cutAfter(Direction::toServer, 100));
    const FileDescriptor client = connectTo(proxy.port());
    sendText(client.get(), pattern(1000));
    const ReadOutcome back = readUpTo(client.get(), 1000);
    EXPECT_FALSE(back.timedOut);
    EXPECT_EQ(back.error, 0) << "a cut is an orderly close, not a reset";
    EXPECT_LE(back.data.size(), 100u);
    // The server saw the first 100 bytes and not one more.
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (echo.received().empty() || echo.received()[0] < 100) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline);
        std::this_thread::sleep_for(5ms);
    }
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(echo.received()[0], 100);
    EXPECT_EQ(proxy.counters().cuts, 1);
    EXPECT_EQ(proxy.counters().bytesToServer, 100);
}

TEST(FaultProxyTest, CutTowardsTheClientDeliversExactlyNBytesThenCloses) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::cutAfter(Direction::toClient, 300));
    const FileDescriptor client = connectTo(proxy.port());
    sendText(client.get(), pattern(1000));
    const ReadOutcome back = readUpTo(client.get(), 1000);
    EXPECT_FALSE(back.timedOut);
    EXPECT_EQ(back.error, 0);
    EXPECT_EQ(back.data, pattern(300));
    EXPECT_EQ(proxy.counters().cuts, 1);
    EXPECT_EQ(proxy.counters().bytesToClient, 300);
}

TEST(FaultProxyTest, ResetAfterNBytesAbortsTheConnection) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::resetAfter(Direction::toClient, 50));
    const FileDescriptor client = connectTo(proxy.port());
    sendText(client.get(), pattern(1000));
    const ReadOutcome back = readUpTo(client.get(), 1000);
    EXPECT_FALSE(back.timedOut);
    EXPECT_EQ(back.error, ECONNRESET) << "a reset must reach the client as RST";
    EXPECT_LE(back.data.size(), 50u);
    EXPECT_EQ(back.data, pattern(back.data.size()));
    EXPECT_EQ(proxy.counters().resets, 1);
}

TEST(FaultProxyTest, ResetAtZeroBytesAbortsBeforeAnythingIsForwarded) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::resetAfter(Direction::toServer, 0));
    const FileDescriptor client = connectTo(proxy.port());
    const ReadOutcome back = readUpTo(client.get(), 1);
    EXPECT_EQ(back.error, ECONNRESET);
    EXPECT_TRUE(back.data.empty());
    EXPECT_EQ(proxy.counters().bytesToServer, 0);
}

TEST(FaultProxyTest, DelayEachSlowsEveryReadButKeepsTheBytes) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::delayEach(Direction::toClient, 80ms));
    const FileDescriptor client = connectTo(proxy.port());
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < 3; ++round) {
        sendText(client.get(), "ping" + std::to_string(round));
        EXPECT_EQ(readUpTo(client.get(), 5).data, "ping" + std::to_string(round));
    }
    EXPECT_GE(std::chrono::steady_clock::now() - start, 240ms);
    EXPECT_EQ(proxy.counters().delays, 3);
}

TEST(FaultProxyTest, DelayOnceWaitsOnceAfterNBytes) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::delayOnceAfter(Direction::toServer, 5, 150ms));
    const FileDescriptor client = connectTo(proxy.port());
    auto start = std::chrono::steady_clock::now();
    sendText(client.get(), "first");
    EXPECT_EQ(readUpTo(client.get(), 5).data, "first");
    EXPECT_LT(std::chrono::steady_clock::now() - start, 150ms) << "no delay before 5 bytes";
    start = std::chrono::steady_clock::now();
    sendText(client.get(), "again");
    EXPECT_EQ(readUpTo(client.get(), 5).data, "again");
    EXPECT_GE(std::chrono::steady_clock::now() - start, 150ms);
    start = std::chrono::steady_clock::now();
    sendText(client.get(), "third");
    EXPECT_EQ(readUpTo(client.get(), 5).data, "third");
    EXPECT_LT(std::chrono::steady_clock::now() - start, 150ms) << "only once";
    EXPECT_EQ(proxy.counters().delays, 1);
}

TEST(FaultProxyTest, APlannerDecidesByConnectionIndexAfterTheQueue) {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    proxy.queue(Fault::pass());
    proxy.setPlanner([](std::int64_t index) {
        return index % 2 == 1 ? Fault::cutAfter(Direction::toServer, 0) : Fault::pass();
    });
    for (int i = 0; i < 4; ++i) {
        const FileDescriptor client = connectTo(proxy.port());
        sendText(client.get(), "hello");
        const ReadOutcome back = readUpTo(client.get(), 5);
        EXPECT_EQ(back.data, i % 2 == 1 ? "" : "hello") << "connection " << i;
    }
    EXPECT_EQ(proxy.counters().connections, 4);
    EXPECT_EQ(proxy.counters().cuts, 2);
}

TEST(FaultProxyTest, TheTargetCanChangeAndADownTargetResetsTheClient) {
    auto first = std::make_unique<EchoServer>();
    FaultProxy proxy(first->port());
    {
        const FileDescriptor client = connectTo(proxy.port());
        sendText(client.get(), "one");
        EXPECT_EQ(readUpTo(client.get(), 3).data, "one");
    }
    const int oldPort = first->port();
    first.reset();  // the "server" is gone: the next connection has nowhere to go
    proxy.setTarget(oldPort);
    {
        const FileDescriptor client = connectTo(proxy.port());
        const ReadOutcome back = readUpTo(client.get(), 1);
        EXPECT_EQ(back.error, ECONNRESET);
    }
    EXPECT_EQ(proxy.counters().upstreamRefused, 1);
    EchoServer second;
    proxy.setTarget(second.port());
    const FileDescriptor client = connectTo(proxy.port());
    sendText(client.get(), "two");
    EXPECT_EQ(readUpTo(client.get(), 3).data, "two");
    EXPECT_EQ(second.received().size(), 1u);
}

TEST(FaultProxyTest, DropAllCutsOpenConnectionsAndTheDestructorNeverHangs) {
    EchoServer echo;
    auto proxy = std::make_unique<FaultProxy>(echo.port());
    const FileDescriptor client = connectTo(proxy->port());
    sendText(client.get(), "hi");
    EXPECT_EQ(readUpTo(client.get(), 2).data, "hi");
    EXPECT_EQ(proxy->openConnections(), 1);
    proxy->dropAll();
    const ReadOutcome back = readUpTo(client.get(), 1);
    EXPECT_FALSE(back.timedOut);
    EXPECT_TRUE(back.data.empty());
    EXPECT_EQ(proxy->counters().dropped, 1);

    // Open connections (one idle, one sleeping in a long delay) end with the proxy.
    proxy->queue(Fault::delayEach(Direction::toServer, 60s));
    const FileDescriptor idle = connectTo(proxy->port());
    sendText(idle.get(), "slow");
    const FileDescriptor other = connectTo(proxy->port());
    std::this_thread::sleep_for(50ms);
    auto destroyed = std::async(std::launch::async, [&] { proxy.reset(); });
    EXPECT_EQ(destroyed.wait_for(5s), std::future_status::ready);
}

}  // namespace
}  // namespace duban::test
