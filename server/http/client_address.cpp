#include "server/http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

#include "server/http/address_range.h"
#include "server/http/header_text.h"

namespace duban::server {
namespace {

// RFC 7239 node: `for=1.2.3.4`, `for="1.2.3.4:80"`, `for="[2001:db8::1]:4711"`.
std::string forwardedFor(std::string_view element) {
    while (!element.empty()) {
        const std::size_t semicolon = element.find(';');
        const std::string_view pair = trimHeaderSpace(element.substr(0, semicolon));
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && equalsIgnoringCase(pair.substr(0, equals), "for")) {
            std::string_view node = pair.substr(equals + 1);
            if (node.size() >= 2 && node.front() == '"' && node.back() == '"')
                node = node.substr(1, node.size() - 2);
            if (!node.empty() && node.front() == '[') {
                const std::size_t close = node.find(']');
                return std::string(node.substr(1, close == std::string_view::npos ? 0 : close - 1));
            }
            const std::size_t colon = node.find(':');
            if (colon != std::string_view::npos &&
                node.find(':', colon + 1) == std::string_view::npos)
                node = node.substr(0, colon);  // IPv4 with a port
            return std::string(node);
        }
        if (semicolon == std::string_view::npos)
            break;
        element.remove_prefix(semicolon + 1);
    }
    return {};
}

std::vector<std::string> forwardedChain(const Headers& headers) {
    std::vector<std::string> chain;
    if (const std::string* forwarded = headers.find("Forwarded")) {
        for (const std::string_view element : headerListItems(*forwarded))
            chain.push_back(forwardedFor(element));
    } else if (const std::string* xff = headers.find("X-Forwarded-For")) {
        for (const std::string_view item : headerListItems(*xff))
            chain.emplace_back(item);
    }
    return chain;
}

}  // namespace

std::string canonicalAddress(std::string_view text) {
    const std::string copy(text);
    std::array<unsigned char, 16> bytes{};
    std::array<char, INET6_ADDRSTRLEN> out{};
    if (inet_pton(AF_INET, copy.c_str(), bytes.data()) == 1)
        return inet_ntop(AF_INET, bytes.data(), out.data(), out.size());
    if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) == 1)
        return inet_ntop(AF_INET6, bytes.data(), out.data(), out.size());
    return {};
}

std::string clientAddress(std::string_view peer, const Headers& headers,
                          const std::vector<std::string>& trusted) {
    std::vector<AddressRange> ranges;
    for (const std::string& proxy : trusted) {
        if (auto range = AddressRange::parse(proxy))
            ranges.push_back(*range);
    }
    const auto isTrusted = [&ranges](const std::string& address) {
        return std::any_of(ranges.begin(), ranges.end(), [&address](const AddressRange& range) {
            return range.contains(address);
        });
    };
    std::string client = canonicalAddress(peer);
    if (client.empty())
        return std::string(peer);
    const std::vector<std::string> chain = forwardedChain(headers);
    for (auto hop = chain.rbegin(); hop != chain.rend() && isTrusted(client); ++hop) {
        const std::string address = canonicalAddress(*hop);
        if (address.empty())
            break;
        client = address;
    }
    return client;
}

}  // namespace duban::server
