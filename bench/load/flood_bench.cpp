// Health under a flood of stalled connections (issue 15): with `--idle` TCP connections that
// never say anything and `--slow` TLS connections that send a request header one byte every two
// seconds held open (each re-opened when the server closes it at its deadline), GET /v1/health
// is timed on a new connection each time (TCP, TLS and the request) — and the same without the
// flood, in the same run. Prints one JSON object. bench/load/run.sh drives it. Not a test.
//
//   flood_bench --server URL --ca FILE [--idle 1000] [--slow 200] [--samples 300]
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench/load/bench_http.h"

namespace {

using namespace duban::bench;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

struct Options : Endpoint {
    int idle = 1000;
    int slow = 200;
    int samples = 300;
    int port = 0;
};

int connectTcp(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

// Whether the server has closed `fd` (or reset it); a quiet open socket is not closed.
bool closedByPeer(int fd) {
    char byte = 0;
    const ssize_t got = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

struct SlowConnection {
    int fd = -1;
    SSL* ssl = nullptr;
    std::size_t sent = 0;
    ~SlowConnection() {
        if (ssl != nullptr)
            SSL_free(ssl);
        if (fd >= 0)
            ::close(fd);
    }
};

// Keeps the flood at its size on its own thread until stopped: idle sockets and slow TLS headers,
// each replaced once the server has closed it.
class Flood {
public:
    explicit Flood(const Options& options)
        : m_options(options), m_tls(SSL_CTX_new(TLS_client_method())) {
        SSL_CTX_load_verify_locations(m_tls, options.ca.c_str(), nullptr);
        SSL_CTX_set_verify(m_tls, SSL_VERIFY_PEER, nullptr);
    }
    ~Flood() {
        stop();
        for (const int fd : m_idle)
            ::close(fd);
        m_slow.clear();
        SSL_CTX_free(m_tls);
    }
    void start() {
        for (int i = 0; i < m_options.idle; ++i)
            m_idle.push_back(connectTcp(m_options.port));
        for (int i = 0; i < m_options.slow; ++i)
            m_slow.push_back(openSlow());
        m_thread = std::thread([this] { keep(); });
    }
    void stop() {
        m_stopping = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    [[nodiscard]] long reopened() const { return m_reopened; }

private:
    std::unique_ptr<SlowConnection> openSlow() {
        auto c = std::make_unique<SlowConnection>();
        c->fd = connectTcp(m_options.port);
        c->ssl = SSL_new(m_tls);
        SSL_set_fd(c->ssl, c->fd);
        SSL_set_tlsext_host_name(c->ssl, "localhost");
        if (c->fd < 0 || SSL_connect(c->ssl) != 1)
            throw std::runtime_error("flood: a slow connection's TLS handshake failed");
        return c;
    }
    void keep() {
        static const std::string kHeader = "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n";
        while (!m_stopping) {
            for (int& fd : m_idle) {
                if (fd < 0 || closedByPeer(fd)) {
                    if (fd >= 0)
                        ::close(fd);
                    fd = connectTcp(m_options.port);
                    ++m_reopened;
                }
            }
            for (auto& c : m_slow) {
                const char byte = kHeader[c->sent % kHeader.size()];
                if (SSL_write(c->ssl, &byte, 1) != 1 || closedByPeer(c->fd)) {
                    c = openSlow();
                    ++m_reopened;
                    continue;
                }
                ++c->sent;
            }
            for (int i = 0; i < 20 && !m_stopping; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    const Options& m_options;
    SSL_CTX* m_tls;
    std::vector<int> m_idle;
    std::vector<std::unique_ptr<SlowConnection>> m_slow;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<long> m_reopened{0};
};

// `samples` health requests, each on a new connection; their times in ms and the failures.
json timeHealth(const Options& options) {
    std::vector<double> ms;
    int errors = 0;
    for (int i = 0; i < options.samples; ++i) {
        Easy easy(curl_easy_init());
        std::string response;
        prepare(easy.get(), options, "/v1/health", {}, nullptr, response);
        curl_easy_setopt(easy.get(), CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(easy.get(), CURLOPT_FORBID_REUSE, 1L);
        curl_easy_setopt(easy.get(), CURLOPT_SSL_SESSIONID_CACHE, 0L);
        const auto started = Steady::now();
        const CURLcode code = curl_easy_perform(easy.get());
        long status = 0;
        curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
        if (code != CURLE_OK || status != 200)
            ++errors;
        else
            ms.push_back(
                std::chrono::duration<double, std::milli>(Steady::now() - started).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return json{{"samples", ms.size()},
                {"errors", errors},
                {"p50_ms", percentile(ms, 0.50)},
                {"p99_ms", percentile(ms, 0.99)},
                {"max_ms", percentile(ms, 1.0)}};
}

int usage() {
    std::fprintf(stderr,
                 "usage: flood_bench --server https://127.0.0.1:PORT --ca FILE [--idle 1000] "
                 "[--slow 200] [--samples 300]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        const auto flags =
            Flags::parse(argc, argv, {"--server", "--ca", "--idle", "--slow", "--samples"});
        if (!flags)
            return usage();
        options.server = flags->text("--server");
        options.ca = flags->text("--ca");
        options.idle = static_cast<int>(flags->number("--idle", options.idle));
        options.slow = static_cast<int>(flags->number("--slow", options.slow));
        options.samples = static_cast<int>(flags->number("--samples", options.samples));
        const std::size_t colon = options.server.rfind(':');
        if (colon == std::string::npos || options.samples < 1)
            return usage();
        options.port = std::stoi(options.server.substr(colon + 1));
        curl_global_init(CURL_GLOBAL_DEFAULT);
        const json quiet = timeHealth(options);
        std::fprintf(stderr, "flood_bench: without a flood: %s\n", quiet.dump().c_str());
        Flood flood(options);
        flood.start();
        const json flooded = timeHealth(options);
        flood.stop();
        std::fprintf(stderr, "flood_bench: with the flood: %s\n", flooded.dump().c_str());
        std::printf("%s\n", json{{"idle", options.idle},
                                 {"slow", options.slow},
                                 {"quiet", quiet},
                                 {"flooded", flooded},
                                 {"reopened", flood.reopened()}}
                                .dump()
                                .c_str());
        curl_global_cleanup();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "flood_bench: %s\n", e.what());
        return 1;
    }
}
