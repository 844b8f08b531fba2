#pragma once
// The product's transport: libcurl over HTTPS only, with verification that cannot be turned off.
// One connection is kept alive and reused across requests (a sync run is many small requests; a
// TLS handshake per request would double the time on a mobile link).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "sync/http_transport.h"

namespace duban::sync {

struct TransportOptions {
    std::string baseUrl;           // "https://host[:port][/prefix]"; http:// is refused
    std::filesystem::path caFile;  // trust exactly this CA (PEM); empty: the system's CAs
                                   // (SSL_CERT_FILE if set, else libcurl's bundle)
    std::string pinnedPublicKey;   // "sha256//<base64>[;sha256//…]"; empty: no pin
    std::chrono::milliseconds connectTimeout{10'000};
    // A transfer slower than lowSpeedLimitBytes per second for this long (whole seconds, rounded
    // up) is abandoned as a timeout: a dead mobile link otherwise hangs for minutes.
    std::chrono::milliseconds lowSpeedTime{30'000};
    long lowSpeedLimitBytes = 1;
    std::chrono::milliseconds totalTimeout{0};  // 0: none (a photo chunk may take long)
    // Response headers and body together; a hostile or broken server cannot exhaust memory.
    std::int64_t maxResponseBytes = 64LL * 1024 * 1024;
    std::string bearerToken;  // sent as Authorization unless a request names its own
    std::string userAgent = "duban/0.1";
};

class CurlTransport final : public HttpTransport {
    struct Key {};  // lets create() use make_unique while the constructor stays private in effect

public:
    // Errors: "transport_insecure_url" for a base URL that is not https://,
    // "transport_invalid_url" for any other URL that is not plain https,
    // "transport_ca_file_missing", "transport_invalid_options" for a malformed pin or size limit.
    [[nodiscard]] static Result<std::unique_ptr<CurlTransport>> create(TransportOptions options);

    CurlTransport(Key, TransportOptions options);
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    // Serialised by a mutex: one request at a time on the one connection.
    Result<HttpResponse> send(const HttpRequest& request,
                              const ProgressCallback& progress = {}) override;
    void cancel() override;
    void resetCancel() override;
    [[nodiscard]] bool isCancelled() const override;
    bool sleepUnlessCancelled(std::chrono::milliseconds delay) override;

    // The token arrives after login, on a transport that already exists. Thread-safe.
    void setBearerToken(std::string token);
    [[nodiscard]] const std::string& baseUrl() const;
    // New connections opened over this transport's life: makes connection reuse observable.
    [[nodiscard]] long connectionsOpened() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace duban::sync
