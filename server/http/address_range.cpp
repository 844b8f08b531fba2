#include "server/http/address_range.h"

#include <arpa/inet.h>

#include <charconv>
#include <string>

namespace duban::server {
namespace {

struct Address {
    bool v6 = false;
    std::array<unsigned char, 16> bytes{};
};

std::optional<Address> parseAddress(std::string_view text) {
    const std::string copy(text);
    Address address;
    if (inet_pton(AF_INET, copy.c_str(), address.bytes.data()) == 1)
        return address;
    if (inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) != 1)
        return std::nullopt;
    address.v6 = true;
    // ::ffff:a.b.c.d is the IPv4 address a.b.c.d on a dual-stack socket.
    constexpr std::array<unsigned char, 12> kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(kMapped.begin(), kMapped.end(), address.bytes.begin())) {
        std::array<unsigned char, 16> v4{};
        std::copy(address.bytes.begin() + 12, address.bytes.end(), v4.begin());
        return Address{false, v4};
    }
    return address;
}

}  // namespace

std::optional<AddressRange> AddressRange::parse(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto address = parseAddress(text.substr(0, slash));
    if (!address)
        return std::nullopt;
    const int bits = address->v6 ? 128 : 32;
    int prefix = bits;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
            prefix < 0 || prefix > bits) {
            return std::nullopt;
        }
    }
    AddressRange range;
    range.m_v6 = address->v6;
    range.m_bytes = address->bytes;
    range.m_prefix = prefix;
    return range;
}

bool AddressRange::contains(std::string_view text) const {
    const auto address = parseAddress(text);
    if (!address || address->v6 != m_v6)
        return false;
    const int whole = m_prefix / 8;
    for (int i = 0; i < whole; ++i) {
        if (address->bytes[i] != m_bytes[i])
            return false;
    }
    if (const int rest = m_prefix % 8; rest != 0) {
        const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
        if ((address->bytes[whole] & mask) != (m_bytes[whole] & mask))
            return false;
    }
    return true;
}

}  // namespace duban::server
