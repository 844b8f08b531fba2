#pragma once
// libcurl's multi interface driven by epoll (curl_multi_socket_action): each wake-up costs what
// happened on the sockets, not a walk over every transfer, so one thread can hold 10,000
// connections (curl_multi_perform + curl_multi_poll rebuild a poll set of every socket each turn).
#include <curl/curl.h>

#include <chrono>

namespace duban::bench {

class SocketLoop {
public:
    explicit SocketLoop(CURLM* multi);
    ~SocketLoop();
    SocketLoop(const SocketLoop&) = delete;
    SocketLoop& operator=(const SocketLoop&) = delete;

    // Waits at most `max` for socket events or libcurl's timer and lets libcurl act on them;
    // then read finished transfers with curl_multi_info_read.
    void step(std::chrono::milliseconds max);

private:
    static int onSocket(CURL* easy, curl_socket_t socket, int what, void* loop, void* known);
    static int onTimer(CURLM* multi, long timeoutMs, void* loop);

    CURLM* m_multi;
    int m_epoll;
    std::chrono::steady_clock::time_point m_timerAt = std::chrono::steady_clock::time_point::max();
};

}  // namespace duban::bench
