#pragma once
// Caps on open connections, overall and per client address (nginx's limit_conn): a connection
// past either is closed at once, before its TLS handshake costs anything.
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace duban::server {

class ConnectionLimits {
public:
    ConnectionLimits(std::size_t maxOpen, std::size_t maxPerAddress)
        : m_maxOpen(maxOpen), m_maxPerAddress(maxPerAddress) {}

    // Held while a connection is open; gives its place back when destroyed.
    class Ticket {
    public:
        Ticket(ConnectionLimits& limits, std::string address)
            : m_limits(&limits), m_address(std::move(address)) {}
        Ticket(Ticket&& other) noexcept
            : m_limits(std::exchange(other.m_limits, nullptr)),
              m_address(std::move(other.m_address)) {}
        Ticket(const Ticket&) = delete;
        Ticket& operator=(const Ticket&) = delete;
        Ticket& operator=(Ticket&&) = delete;
        ~Ticket() {
            if (m_limits != nullptr)
                m_limits->release(m_address);
        }

    private:
        ConnectionLimits* m_limits;
        std::string m_address;
    };

    // A ticket, or nullopt when the connection would pass a cap.
    [[nodiscard]] std::optional<Ticket> admit(const std::string& address);
    [[nodiscard]] std::size_t open() const;

private:
    void release(const std::string& address);

    mutable std::mutex m_mutex;
    std::size_t m_maxOpen;
    std::size_t m_maxPerAddress;
    std::size_t m_open = 0;
    std::map<std::string, std::size_t> m_perAddress;
};

}  // namespace duban::server
