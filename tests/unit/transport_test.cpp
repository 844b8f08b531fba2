// The product transport, CurlTransport. TLS is checked the only way that proves anything: real
// libcurl against the real server (TestServer) or a tiny HTTPS server with a deliberately bad
// certificate. Retries and the fake transport are in retry_test.cpp.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "server/tls/dev_certificates.h"
#include "sync/curl_transfer.h"
#include "sync/curl_transport.h"
#include "sync/retry_policy.h"
#include "tests/support/test_server.h"

namespace duban::sync {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr long kDay = 24L * 3600;
constexpr std::size_t kMiB = 1024 * 1024;

HttpRequest get(std::string path) {
    HttpRequest request;
    request.path = std::move(path);
    return request;
}

std::unique_ptr<CurlTransport> makeTransport(TransportOptions options) {
    auto transport = CurlTransport::create(std::move(options));
    if (!transport)
        throw std::runtime_error(transport.error().message);
    return std::move(transport).value();
}

// A tiny HTTPS server with a certificate made for the test (another CA, expired, another host),
// and routes a real server would never have: one that stalls, one that sends too much.
class TinyTlsServer {
public:
    TinyTlsServer(const std::vector<std::string>& hosts, long notBeforeOffset,
                  long notAfterOffset) {
        auto paths =
            server::issueTestCertificates(m_dir.path(), hosts, notBeforeOffset, notAfterOffset);
        if (!paths)
            throw std::runtime_error(paths.error().message);
        m_paths = paths.value();
        m_http = std::make_unique<httplib::SSLServer>(m_paths.serverCert.c_str(),
                                                      m_paths.serverKey.c_str());
        if (!m_http->is_valid())
            throw std::runtime_error("the test HTTPS server could not load its certificate");
        m_http->Get("/ok", [](const auto&, auto& response) {
            response.set_content("{\"ok\":true}", "application/json");
        });
        m_http->Get("/slow", [this](const auto&, auto& response) {
            waitForStop(5s);
            response.set_content("late", "text/plain");
        });
        m_http->Post("/upload", [](const httplib::Request& request, auto& response) {
            response.set_content(std::to_string(request.body.size()), "text/plain");
        });
        m_http->Get("/big", [](const auto&, auto& response) {
            response.set_content(std::string(2 * kMiB, 'x'), "application/octet-stream");
        });
        m_http->Get("/big-chunked", [](const auto&, auto& response) {
            response.set_chunked_content_provider(
                "application/octet-stream",
                [sent = std::size_t{0}](std::size_t, httplib::DataSink& sink) mutable {
                    const std::string piece(64 * 1024, 'x');
                    if (sent >= 2 * kMiB) {
                        sink.done();
                        return true;
                    }
                    sent += piece.size();
                    return sink.write(piece.data(), piece.size());
                });
        });
        m_http->Get("/moved", [](const auto&, auto& response) {
            response.set_redirect("https://example.com/stolen");
        });
        m_port = m_http->bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_http->listen_after_bind(); });
    }

    ~TinyTlsServer() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_stop.notify_all();
        // stop() before the accept loop runs would be lost and join() would hang.
        for (int i = 0; i < 500 && !m_http->is_running(); ++i)
            std::this_thread::sleep_for(10ms);
        m_http->stop();
        m_thread.join();
    }

    [[nodiscard]] std::string baseUrl() const {
        return "https://localhost:" + std::to_string(m_port);
    }
    [[nodiscard]] const server::CertificatePaths& paths() const { return m_paths; }

private:
    void waitForStop(milliseconds longest) {
        std::unique_lock lock(m_mutex);
        m_stop.wait_for(lock, longest, [this] { return m_stopping; });
    }

    test::TempDir m_dir;
    server::CertificatePaths m_paths;
    std::unique_ptr<httplib::SSLServer> m_http;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_stop;
    bool m_stopping = false;
};

TinyTlsServer validServer() {
    return TinyTlsServer({"localhost", "127.0.0.1"}, -3600, kDay);
}

// Trusting the server's CA unless `trustItsCa` is false (then options.caFile stays as given).
std::unique_ptr<CurlTransport> transportFor(const TinyTlsServer& server,
                                            TransportOptions options = {}, bool trustItsCa = true) {
    options.baseUrl = server.baseUrl();
    if (trustItsCa)
        options.caFile = server.paths().caCert;
    return makeTransport(std::move(options));
}

// Refused as TLS (not retried), with the cause the app tells the user (`code`), and libcurl's
// words (`detail`) kept in the message for the log.
void expectTlsRefusal(const Result<HttpResponse>& result, const std::string& code,
                      const std::string& detail) {
    ASSERT_FALSE(result) << "status " << result.value().status;
    EXPECT_EQ(transportErrorKind(result.error()), TransportErrorKind::tls) << result.error().code;
    EXPECT_EQ(result.error().code, code) << result.error().message;
    EXPECT_FALSE(isRetryableError(result.error()));
    EXPECT_NE(result.error().message.find(detail), std::string::npos) << result.error().message;
}

// SSL_CERT_FILE set for one scope, as a system's trust store override.
class SystemCaFile {
public:
    explicit SystemCaFile(const std::filesystem::path& file) {
        if (const char* old = std::getenv("SSL_CERT_FILE"))
            m_old = old;
        ::setenv("SSL_CERT_FILE", file.c_str(), 1);
    }
    ~SystemCaFile() {
        if (m_old)
            ::setenv("SSL_CERT_FILE", m_old->c_str(), 1);
        else
            ::unsetenv("SSL_CERT_FILE");
    }
    SystemCaFile(const SystemCaFile&) = delete;
    SystemCaFile& operator=(const SystemCaFile&) = delete;

private:
    std::optional<std::string> m_old;
};

// --- against the real server ----------------------------------------------------------------

class RealServerTransportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_server = std::make_unique<test::TestServer>(); }
    static void TearDownTestSuite() { s_server.reset(); }

    static TransportOptions options() {
        TransportOptions result;
        result.baseUrl = s_server->baseUrl();
        result.caFile = s_server->caFile();
        return result;
    }
    static std::string serverPin() {
        const auto cert =
            server::developmentCertificatePaths(s_server->config().dataDir).serverCert;
        return server::publicKeyPin(cert).value();
    }

    static std::unique_ptr<test::TestServer> s_server;
};
std::unique_ptr<test::TestServer> RealServerTransportTest::s_server;

// Each test program starts its own server (ctest runs every test alone), so the real-server cases
// are two stories rather than six one-liners: the suite stays fast.
TEST_F(RealServerTransportTest, HealthAnswersOverHttpsOnOneReusedConnection) {
    auto transport = makeTransport(options());
    const auto result = transport->send(get("/v1/health"));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->status, 200);
    EXPECT_NE(result->body.find("\"status\":\"ok\""), std::string::npos) << result->body;
    ASSERT_TRUE(result->header("Content-Type"));
    EXPECT_NE(result->header("content-type")->find("application/json"), std::string::npos);
    for (const auto& [name, value] : result->headers) {
        EXPECT_TRUE(std::none_of(name.begin(), name.end(), [](char c) {
            return c >= 'A' && c <= 'Z';
        })) << name;
    }

    for (int i = 0; i < 2; ++i) {
        const auto again = transport->send(get("/v1/health"));
        ASSERT_TRUE(again) << again.error().message;
        EXPECT_EQ(again->status, 200);
    }
    EXPECT_EQ(transport->connectionsOpened(), 1) << "three requests, one TLS handshake";
}

TEST_F(RealServerTransportTest, OnlyItsCaOrItsPinIsTrusted) {
    TransportOptions pinned = options();
    pinned.pinnedPublicKey = serverPin();
    const auto rightPin = makeTransport(pinned)->send(get("/v1/health"));
    ASSERT_TRUE(rightPin) << rightPin.error().message;
    EXPECT_EQ(rightPin->status, 200);

    test::TempDir other;
    const auto otherCa = server::issueTestCertificates(other.path(), {"localhost"}, -60, kDay);
    ASSERT_TRUE(otherCa);
    {
        SCOPED_TRACE("a wrong pin, though the certificate is trusted");
        pinned.pinnedPublicKey = server::publicKeyPin(otherCa->serverCert).value();
        ASSERT_NE(pinned.pinnedPublicKey, serverPin());
        expectTlsRefusal(makeTransport(pinned)->send(get("/v1/health")),
                         "transport_tls_pin_mismatch", "pinned key");
    }
    {
        SCOPED_TRACE("trusting another CA");
        TransportOptions trustingOther = options();
        trustingOther.caFile = otherCa->caCert;
        expectTlsRefusal(makeTransport(trustingOther)->send(get("/v1/health")),
                         "transport_tls_untrusted", "could not be verified");
    }
    {
        SCOPED_TRACE("the system's CAs alone");
        TransportOptions system = options();
        system.caFile.clear();
        expectTlsRefusal(makeTransport(system)->send(get("/v1/health")),
                         "transport_tls_untrusted_system", "could not be verified");
    }
    {
        SCOPED_TRACE("no CA file, and the system's trust store (SSL_CERT_FILE) holds the server's");
        const SystemCaFile systemStore(s_server->caFile());
        TransportOptions system = options();
        system.caFile.clear();
        const auto trusted = makeTransport(system)->send(get("/v1/health"));
        ASSERT_TRUE(trusted) << trusted.error().message;
        EXPECT_EQ(trusted->status, 200);
    }
}

// --- TLS refusals against deliberately bad certificates ----------------------------------------

TEST(CurlTransportTest, AnExpiredCertificateIsRefused) {
    TinyTlsServer expired({"localhost", "127.0.0.1"}, -2 * kDay, -kDay);
    expectTlsRefusal(transportFor(expired)->send(get("/ok")), "transport_tls_expired", "expired");
}

TEST(CurlTransportTest, ACertificateForAnotherHostIsRefused) {
    TinyTlsServer otherHost({"other.example"}, -3600, kDay);
    expectTlsRefusal(transportFor(otherHost)->send(get("/ok")), "transport_tls_wrong_host",
                     "'localhost'");
}

TEST(CurlTransportTest, ACaFileThatHoldsNoCertificateSaysSo) {
    TinyTlsServer server = validServer();
    test::TempDir dir;
    const auto notACertificate = dir.file("ca.crt");
    std::ofstream(notACertificate) << "this is not a certificate\n";
    TransportOptions options;
    options.caFile = notACertificate;
    expectTlsRefusal(transportFor(server, options, false)->send(get("/ok")),
                     "transport_tls_ca_file_unusable", "could not be verified");
}

TEST(CurlTransportTest, AValidCertificateFromTheTrustedCaIsAccepted) {
    TinyTlsServer server = validServer();
    const auto result = transportFor(server)->send(get("/ok"));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "{\"ok\":true}");
}

// Each libcurl result a user can meet names its cause, which the app says in words; OpenSSL's
// verdict on the certificate tells an untrusted issuer from an expired one.
TEST(CurlTransportTest, LibcurlCodesNameTheirCause) {
    const auto code = [](CURLcode result, long verify = X509_V_OK, bool system = false) {
        const auto cause = causeOf(result, verify, system);
        return cause ? std::string(transportCauseCode(*cause)) : std::string("(kind only)");
    };
    EXPECT_EQ(code(CURLE_COULDNT_RESOLVE_HOST), "transport_dns_failed");
    EXPECT_EQ(code(CURLE_COULDNT_RESOLVE_PROXY), "transport_dns_failed");
    EXPECT_EQ(code(CURLE_COULDNT_CONNECT), "transport_connect_failed");
    EXPECT_EQ(code(CURLE_SSL_PINNEDPUBKEYNOTMATCH), "transport_tls_pin_mismatch");
    EXPECT_EQ(code(CURLE_SSL_CACERT_BADFILE), "transport_tls_ca_file_unusable");
    EXPECT_EQ(code(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY),
              "transport_tls_untrusted");
    EXPECT_EQ(code(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, true),
              "transport_tls_untrusted_system");
    EXPECT_EQ(code(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_CERT_HAS_EXPIRED),
              "transport_tls_expired");
    EXPECT_EQ(code(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_CERT_NOT_YET_VALID),
              "transport_tls_expired");
    EXPECT_EQ(code(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_UNSPECIFIED),
              "transport_tls_wrong_host");
    // The kind says all there is: a timeout, a broken connection.
    EXPECT_EQ(code(CURLE_OPERATION_TIMEDOUT), "(kind only)");
    EXPECT_EQ(code(CURLE_RECV_ERROR), "(kind only)");
    for (const CURLcode result :
         {CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
          CURLE_SSL_CACERT_BADFILE, CURLE_PEER_FAILED_VERIFICATION})
        EXPECT_EQ(kindOf(*causeOf(result, X509_V_OK, false)), kindOf(result)) << result;
}

// --- what the transport refuses before sending anything ----------------------------------------

TEST(CurlTransportTest, AnHttpBaseUrlIsRefused) {
    TransportOptions options;
    options.baseUrl = "http://localhost:8443";
    const auto transport = CurlTransport::create(options);
    ASSERT_FALSE(transport);
    EXPECT_EQ(transport.error().code, "transport_insecure_url");
    EXPECT_NE(transport.error().message.find("https://"), std::string::npos);

    for (const std::string url : {"ftp://localhost/", "localhost:8443", "https://user:pw@localhost",
                                  "https://localhost/?x=1", "not a url"}) {
        options.baseUrl = url;
        const auto refused = CurlTransport::create(options);
        ASSERT_FALSE(refused) << url;
        EXPECT_EQ(refused.error().code, "transport_invalid_url") << url;
    }
}

TEST(CurlTransportTest, OptionsAreCheckedWhenTheTransportIsMade) {
    TransportOptions options;
    options.baseUrl = "HTTPS://localhost:8443/prefix/";
    auto made = CurlTransport::create(options);
    ASSERT_TRUE(made) << made.error().message;
    EXPECT_EQ(made.value()->baseUrl(), "https://localhost:8443/prefix");

    options.caFile = "/nonexistent/ca.crt";
    auto missingCa = CurlTransport::create(options);
    ASSERT_FALSE(missingCa);
    EXPECT_EQ(missingCa.error().code, "transport_ca_file_missing");

    options.caFile.clear();
    options.pinnedPublicKey = "md5//abc";
    auto badPin = CurlTransport::create(options);
    ASSERT_FALSE(badPin);
    EXPECT_EQ(badPin.error().code, "transport_invalid_options");
}

TEST(CurlTransportTest, RequestsThatCouldEscapeTheServerAreRefused) {
    TransportOptions options;
    options.baseUrl = "https://localhost:9";  // never contacted
    auto transport = makeTransport(options);
    HttpRequest hostChange = get("@evil.example/steal");
    HttpRequest smuggled = get("/v1/health");
    smuggled.headers = {{"X-Note", "a\r\nAuthorization: Bearer stolen"}};
    HttpRequest badMethod = get("/v1/health");
    badMethod.method = "GET /other";
    HttpRequest fragment = get("/v1/health#x");
    for (const HttpRequest& request : {hostChange, smuggled, badMethod, fragment}) {
        const auto result = transport->send(request);
        ASSERT_FALSE(result) << request.path;
        EXPECT_EQ(transportErrorKind(result.error()), TransportErrorKind::invalidRequest);
    }
    EXPECT_EQ(transport->connectionsOpened(), 0);
}

// --- the network misbehaving -------------------------------------------------------------------

TEST(CurlTransportTest, AClosedPortIsAConnectError) {
    const int socketFd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(socketFd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(socketFd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    ASSERT_EQ(::getsockname(socketFd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    ::close(socketFd);  // bound, never listened: the port refuses connections

    TransportOptions options;
    options.baseUrl = "https://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    const auto result = makeTransport(options)->send(get("/v1/health"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "transport_connect_failed") << result.error().message;
    EXPECT_EQ(transportErrorKind(result.error()), TransportErrorKind::connect);
    EXPECT_TRUE(isRetryableError(result.error()));
}

TEST(CurlTransportTest, ANameThatDoesNotResolveIsADnsError) {
    TransportOptions options;
    options.baseUrl = "https://duban-server.invalid:8443";  // .invalid never resolves (RFC 6761)
    const auto result = makeTransport(options)->send(get("/v1/health"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "transport_dns_failed") << result.error().message;
    EXPECT_EQ(transportErrorKind(result.error()), TransportErrorKind::connect);
}

TEST(CurlTransportTest, ASlowServerTimesOut) {
    TinyTlsServer server = validServer();
    TransportOptions options;
    options.totalTimeout = 300ms;
    const auto start = Clock::now();
    const auto result = transportFor(server, options)->send(get("/slow"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "transport_timeout") << result.error().message;
    EXPECT_LT(Clock::now() - start, 3s);
}

TEST(CurlTransportTest, CancelFromAnotherThreadStopsASlowRequestAtOnce) {
    TinyTlsServer server = validServer();
    auto transport = transportFor(server);
    ASSERT_TRUE(transport->send(get("/ok")));  // connected and idle, as a sync run would be

    auto canceller = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(200ms);
        transport->cancel();
    });
    const auto start = Clock::now();
    const auto result = transport->send(get("/slow"));
    const auto elapsed = Clock::now() - start;
    canceller.get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "cancelled");
    EXPECT_LT(elapsed, 700ms) << "the server stalls for 5 s; libcurl alone would notice after 1 s";

    const auto later = transport->send(get("/ok"));
    ASSERT_FALSE(later) << "cancel() holds until resetCancel()";
    EXPECT_EQ(later.error().code, "cancelled");

    transport->resetCancel();
    const auto again = transport->send(get("/ok"));
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->status, 200);
}

TEST(CurlTransportTest, ProgressReportsGrowingSentBytesForAStreamedMebibyte) {
    TinyTlsServer server = validServer();
    auto transport = transportFor(server);
    HttpRequest upload;
    upload.method = "POST";
    upload.path = "/upload";
    upload.bodySize = static_cast<std::int64_t>(kMiB);
    std::size_t offset = 0;
    upload.bodySource = [&](char* buffer, std::size_t max) {
        const std::size_t n = std::min({max, std::size_t{16 * 1024}, kMiB - offset});
        std::fill_n(buffer, n, 'p');
        offset += n;
        return n;
    };
    std::vector<Progress> reports;
    const auto result = transport->send(upload, [&](const Progress& p) { reports.push_back(p); });
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, std::to_string(kMiB)) << "the server received every byte";

    std::vector<std::int64_t> sent;
    for (const Progress& p : reports) {
        if (sent.empty() || p.sentBytes != sent.back())
            sent.push_back(p.sentBytes);
    }
    ASSERT_GE(sent.size(), 3u) << "progress should be reported while sending";
    EXPECT_TRUE(std::is_sorted(sent.begin(), sent.end()));
    EXPECT_EQ(sent.back(), static_cast<std::int64_t>(kMiB));
    EXPECT_EQ(reports.back().totalSendBytes, static_cast<std::int64_t>(kMiB));
}

TEST(CurlTransportTest, AnInMemoryBodyWithUnknownTypeIsSentAsJson) {
    TinyTlsServer server = validServer();
    HttpRequest post;
    post.method = "POST";
    post.path = "/upload";
    post.body = std::string(100'000, 'j');
    const auto result = transportFor(server)->send(post);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->body, "100000");
}

TEST(CurlTransportTest, ResponsesOverTheCapAreStopped) {
    TinyTlsServer server = validServer();
    TransportOptions options;
    options.maxResponseBytes = static_cast<std::int64_t>(kMiB);
    auto transport = transportFor(server, options);
    for (const std::string path : {"/big", "/big-chunked"}) {
        const auto result = transport->send(get(path));
        ASSERT_FALSE(result) << path;
        EXPECT_EQ(result.error().code, "transport_response_too_large") << result.error().message;
    }
    const auto small = transport->send(get("/ok"));
    ASSERT_TRUE(small) << "the transport is usable after a refused response";

    HttpRequest head = get("/big");
    head.method = "HEAD";
    const auto described = transport->send(head);
    ASSERT_TRUE(described) << "a HEAD only names the size: " << described.error().message;
    EXPECT_EQ(described->status, 200);
    EXPECT_EQ(described->header("content-length"), std::to_string(2 * kMiB));
    EXPECT_TRUE(described->body.empty());
}

TEST(CurlTransportTest, RedirectsAreReturnedNotFollowed) {
    TinyTlsServer server = validServer();
    const auto result = transportFor(server)->send(get("/moved"));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->status, 302);
    EXPECT_EQ(result->header("location"), "https://example.com/stolen");
}

}  // namespace
}  // namespace duban::sync
