// Which address a request counts as coming from: forwarded headers only from trusted proxies.
#include "server/http/client_address.h"
#include "server/http/address_range.h"

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

TEST(ClientAddressTest, TrustedProxiesMayBeCidrRanges) {
    const std::vector<std::string> ranges{"10.1.0.0/16", "fd00::/8", "192.0.2.7"};
    EXPECT_EQ(clientAddress("10.1.200.3", with("X-Forwarded-For", "198.51.100.1"), ranges),
              "198.51.100.1");
    EXPECT_EQ(clientAddress("10.2.0.1", with("X-Forwarded-For", "198.51.100.1"), ranges),
              "10.2.0.1")
        << "outside the range";
    EXPECT_EQ(clientAddress("fd12::9", with("Forwarded", "for=\"[2001:db8::1]:4711\""), ranges),
              "2001:db8::1");
    // Hops inside a trusted range are walked past, as exact proxies are.
    EXPECT_EQ(clientAddress("10.1.0.1", with("X-Forwarded-For", "198.51.100.1, 10.1.9.9"), ranges),
              "198.51.100.1");
}

TEST(AddressRangeTest, PrefixesMatchBitByBitAndBadRangesAreRefused) {
    const auto range = AddressRange::parse("10.0.0.0/13");
    ASSERT_TRUE(range);
    EXPECT_TRUE(range->contains("10.7.255.255"));
    EXPECT_FALSE(range->contains("10.8.0.0"));
    EXPECT_TRUE(range->contains("::ffff:10.1.2.3")) << "an IPv4-mapped address is IPv4";
    EXPECT_FALSE(range->contains("fd00::1"));
    EXPECT_TRUE(AddressRange::parse("0.0.0.0/0")->contains("203.0.113.9"));
    EXPECT_TRUE(AddressRange::parse("2001:db8::/32")->contains("2001:db8:ffff::1"));
    EXPECT_FALSE(AddressRange::parse("2001:db8::/32")->contains("2001:db9::1"));
    EXPECT_TRUE(AddressRange::parse("192.0.2.7")->contains("192.0.2.7"));
    EXPECT_FALSE(AddressRange::parse("192.0.2.7")->contains("192.0.2.8"));
    for (const char* bad : {"10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0.0/8x", "10.0.0.0/-1",
                            "proxy.example", "", "/8"}) {
        EXPECT_FALSE(AddressRange::parse(bad)) << bad;
    }
}

}  // namespace
}  // namespace duban::server
