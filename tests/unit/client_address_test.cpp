// Which address a request counts as coming from: forwarded headers only from trusted proxies.
#include "server/http/client_address.h"

#include <gtest/gtest.h>

namespace duban::server {
namespace {

Headers with(const std::string& name, const std::string& value) {
    Headers headers;
    headers.add(name, value);
    return headers;
}

const std::vector<std::string> kProxies{"10.0.0.5", "10.0.0.6", "fd00::1"};

TEST(ClientAddressTest, WithoutATrustedPeerTheHeadersAreIgnored) {
    EXPECT_EQ(clientAddress("203.0.113.7", with("X-Forwarded-For", "198.51.100.1"), kProxies),
              "203.0.113.7");
    EXPECT_EQ(clientAddress("203.0.113.7", with("Forwarded", "for=198.51.100.1"), kProxies),
              "203.0.113.7");
    EXPECT_EQ(clientAddress("203.0.113.7", with("X-Forwarded-For", "198.51.100.1"), {}),
              "203.0.113.7");
    EXPECT_EQ(clientAddress("10.0.0.5", with("X-Forwarded-For", "198.51.100.1"), {}), "10.0.0.5");
}

TEST(ClientAddressTest, FromATrustedPeerTheRightmostUntrustedHopIsTheClient) {
    EXPECT_EQ(clientAddress("10.0.0.5", with("X-Forwarded-For", "198.51.100.1"), kProxies),
              "198.51.100.1");
    // A client's own forged entry on the left is not believed; trusted hops are skipped.
    EXPECT_EQ(clientAddress("10.0.0.5", with("X-Forwarded-For", "1.1.1.1, 198.51.100.1, 10.0.0.6"),
                            kProxies),
              "198.51.100.1");
    EXPECT_EQ(clientAddress("10.0.0.5", Headers{}, kProxies), "10.0.0.5");
    EXPECT_EQ(clientAddress("10.0.0.5", with("X-Forwarded-For", "10.0.0.6"), kProxies), "10.0.0.6");
}

TEST(ClientAddressTest, ForwardedNodesWithPortsQuotesAndIpv6) {
    EXPECT_EQ(clientAddress("10.0.0.5", with("Forwarded", "for=192.0.2.60;proto=https;by=10.0.0.5"),
                            kProxies),
              "192.0.2.60");
    EXPECT_EQ(clientAddress("10.0.0.5", with("Forwarded", R"(For="[2001:DB8::1]:4711")"), kProxies),
              "2001:db8::1");
    EXPECT_EQ(clientAddress("fd00::1", with("Forwarded", R"(for="192.0.2.9:80", for=10.0.0.6)"),
                            kProxies),
              "192.0.2.9");
}

TEST(ClientAddressTest, AnEntryThatIsNoAddressStopsAtTheHopThatSentIt) {
    EXPECT_EQ(clientAddress("10.0.0.5", with("Forwarded", "for=unknown"), kProxies), "10.0.0.5");
    EXPECT_EQ(clientAddress("10.0.0.5", with("X-Forwarded-For", "198.51.100.1, _hidden, 10.0.0.6"),
                            kProxies),
              "10.0.0.6");
    EXPECT_EQ(canonicalAddress("not an address"), "");
    EXPECT_EQ(canonicalAddress("::FFFF:10.0.0.1"), "::ffff:10.0.0.1");
}

}  // namespace
}  // namespace duban::server
