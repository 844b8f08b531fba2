// A connection that breaks during the TLS handshake (a server restarting, a mobile link dropping)
// is the network failing, not the server's certificate: the transport calls it a reset, so a sync
// retries it, and never tells the user to check certificates. Found by the fault scenarios.
#include <gtest/gtest.h>

#include <chrono>

#include "sync/curl_transport.h"
#include "sync/retry_policy.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/test_server.h"

namespace duban::test {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<sync::CurlTransport> transportVia(const FaultProxy& proxy,
                                                  const TestServer& server) {
    sync::TransportOptions options;
    options.baseUrl = proxy.url();
    options.caFile = server.caFile();
    auto transport = sync::CurlTransport::create(std::move(options));
    if (!transport)
        throw std::runtime_error(transport.error().message);
    return std::move(transport).value();
}

sync::HttpRequest health() {
    sync::HttpRequest request;
    request.path = "/v1/health";
    return request;
}

TEST(HandshakeFaultTest, ABrokenHandshakeIsAResetNotAnUntrustedCertificate) {
    const TestServer server;
    FaultProxy proxy(server.port());
    // Client hello ~500 bytes; the server's hello and certificates ~2–3 KB.
    for (const Fault& fault :
         {Fault::cutAfter(Direction::toServer, 0), Fault::resetAfter(Direction::toServer, 0),
          Fault::cutAfter(Direction::toServer, 100), Fault::resetAfter(Direction::toClient, 200),
          Fault::cutAfter(Direction::toClient, 1000)}) {
        proxy.queue(fault);
        const auto result = transportVia(proxy, server)->send(health());
        ASSERT_FALSE(result) << describe(fault);
        // A reset before the first byte may reach curl while it is still connecting: either
        // way the network failed, and both are retried; never a refused certificate.
        const auto kind = sync::transportErrorKind(result.error());
        EXPECT_TRUE(kind == sync::TransportErrorKind::reset ||
                    kind == sync::TransportErrorKind::connect)
            << describe(fault) << ": " << result.error().message;
        EXPECT_NE(kind, sync::TransportErrorKind::tls) << describe(fault);
        EXPECT_EQ(result.error().message.find("could not be verified"), std::string::npos)
            << describe(fault) << ": " << result.error().message;
    }
}

TEST(HandshakeFaultTest, ARequestRidesOutAHandshakeBrokenOnce) {
    const TestServer server;
    FaultProxy proxy(server.port());
    proxy.queue(Fault::resetAfter(Direction::toClient, 200));
    sync::RetryPolicy policy;
    policy.initialDelay = 10ms;
    const auto transport = transportVia(proxy, server);
    const auto result = sync::sendWithRetry(*transport, health(), policy);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(proxy.counters().connections, 2);
}

}  // namespace
}  // namespace duban::test
