#include "bench/load/socket_loop.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace duban::bench {

SocketLoop::SocketLoop(CURLM* multi) : m_multi(multi), m_epoll(epoll_create1(EPOLL_CLOEXEC)) {
    if (m_epoll < 0)
        throw std::runtime_error("epoll_create1 failed");
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
}

SocketLoop::~SocketLoop() {
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, nullptr);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, nullptr);
    ::close(m_epoll);
}

int SocketLoop::onSocket(CURL*, curl_socket_t socket, int what, void* loop, void* known) {
    auto* self = static_cast<SocketLoop*>(loop);
    if (what == CURL_POLL_REMOVE) {
        epoll_ctl(self->m_epoll, EPOLL_CTL_DEL, socket, nullptr);
        curl_multi_assign(self->m_multi, socket, nullptr);
        return 0;
    }
    epoll_event event{};
    event.events =
        ((what & CURL_POLL_IN) != 0 ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) != 0 ? EPOLLOUT : 0u);
    event.data.fd = socket;
    if (known != nullptr) {
        epoll_ctl(self->m_epoll, EPOLL_CTL_MOD, socket, &event);
    } else {
        epoll_ctl(self->m_epoll, EPOLL_CTL_ADD, socket, &event);
        curl_multi_assign(self->m_multi, socket, self);  // any non-null mark: added
    }
    return 0;
}

int SocketLoop::onTimer(CURLM*, long timeoutMs, void* loop) {
    auto* self = static_cast<SocketLoop*>(loop);
    self->m_timerAt = timeoutMs < 0
                          ? std::chrono::steady_clock::time_point::max()
                          : std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    return 0;
}

void SocketLoop::step(std::chrono::milliseconds max) {
    using namespace std::chrono;
    const auto now = steady_clock::now();
    const auto untilTimer =
        m_timerAt == steady_clock::time_point::max()
            ? max
            : std::max(milliseconds(0), duration_cast<milliseconds>(m_timerAt - now));
    std::array<epoll_event, 512> events{};
    const int ready = epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()),
                                 static_cast<int>(std::min(max, untilTimer).count()));
    int running = 0;
    for (int i = 0; i < ready; ++i) {
        const int flags = ((events[i].events & EPOLLIN) != 0 ? CURL_CSELECT_IN : 0) |
                          ((events[i].events & EPOLLOUT) != 0 ? CURL_CSELECT_OUT : 0) |
                          ((events[i].events & (EPOLLERR | EPOLLHUP)) != 0 ? CURL_CSELECT_ERR : 0);
        curl_multi_socket_action(m_multi, events[i].data.fd, flags, &running);
    }
    if (steady_clock::now() >= m_timerAt) {
        m_timerAt = steady_clock::time_point::max();
        curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
    }
}

}  // namespace duban::bench
