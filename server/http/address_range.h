#pragma once
// An address or a CIDR range of them ("10.0.0.5", "10.0.0.0/8", "fd00::/8"), as an operator lists
// the load balancers whose forwarded headers are believed (trusted_proxies).
#include <array>
#include <optional>
#include <string_view>

namespace duban::server {

class AddressRange {
public:
    // nullopt for text that is no address, or a prefix length out of range for its family.
    [[nodiscard]] static std::optional<AddressRange> parse(std::string_view text);

    // Whether `address` (IPv4 or IPv6 text; an IPv4-mapped IPv6 address counts as its IPv4
    // address) lies in the range.
    [[nodiscard]] bool contains(std::string_view address) const;

private:
    bool m_v6 = false;
    std::array<unsigned char, 16> m_bytes{};
    int m_prefix = 0;  // leading bits that must match
};

}  // namespace duban::server
