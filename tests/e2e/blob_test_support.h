#pragma once
// Helpers of the blob end-to-end tests: JPEG fixtures made with TurboJPEG at test time, a small
// tus client over HttpsClient, and a raw TLS connection for what libcurl will not do on purpose
// (cut a request mid-body, reuse one connection after a refused body).
#include <openssl/ssl.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "tests/support/https_client.h"

namespace duban::test {

// A JPEG of random pixels (incompressible, so it is large), different for each seed.
[[nodiscard]] std::string noiseJpeg(int width, int height, unsigned seed);
// A small valid JPEG whose frame header is patched to claim width × height pixels.
[[nodiscard]] std::string jpegClaiming(int width, int height);

[[nodiscard]] std::string base64(std::string_view bytes);
[[nodiscard]] std::string sha256Of(std::string_view bytes);  // lowercase hex
[[nodiscard]] std::string sha1Raw(std::string_view bytes);   // raw digest
[[nodiscard]] std::string sha256Raw(std::string_view bytes);

// tus 1.0.0 requests.
class Tus {
public:
    explicit Tus(const HttpsClient& http) : m_http(http) {}

    [[nodiscard]] HttpResponse create(std::size_t length, const std::string& sha256,
                                      std::map<std::string, std::string> extra = {}) const;
    [[nodiscard]] HttpResponse patch(const std::string& location, std::size_t offset,
                                     std::string_view bytes,
                                     std::map<std::string, std::string> extra = {}) const;
    [[nodiscard]] HttpResponse head(const std::string& location) const;
    [[nodiscard]] HttpResponse remove(const std::string& location) const;
    // Creates and sends `bytes` in chunks of `chunk`; returns the last response (204 when whole).
    [[nodiscard]] HttpResponse upload(std::string_view bytes, std::size_t chunk,
                                      std::string* location = nullptr,
                                      const std::string& declaredSha256 = {}) const;

private:
    const HttpsClient& m_http;
};

// One TLS connection to 127.0.0.1:port verified against `caFile` as "localhost".
class RawTls {
public:
    RawTls(int port, const std::filesystem::path& caFile);
    ~RawTls();
    RawTls(const RawTls&) = delete;
    RawTls& operator=(const RawTls&) = delete;

    void send(std::string_view bytes);
    // Half-closes the TCP connection: the server sees the body end early (a cut connection).
    void shutdownWrite();
    // One response: status line, headers (lower-case names), and a Content-Length body (none
    // for the answer to a HEAD request).
    struct Response {
        int status = 0;
        std::map<std::string, std::string> headers;
        std::string body;
    };
    [[nodiscard]] Response readResponse(bool toHead = false);
    // Whether the server has sent something (an early answer while a body is still going out).
    [[nodiscard]] bool answered() const;
    // Reads until the server closes; returns what came.
    [[nodiscard]] std::string readToEnd();

private:
    bool fill();

    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    int m_fd = -1;
    std::string m_pending;
};

}  // namespace duban::test
