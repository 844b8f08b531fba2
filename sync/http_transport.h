#pragma once
// The seam between the sync engine and the network: CurlTransport in the product, FakeTransport
// in unit tests that script a server's answers and inject the failures a mobile network makes.
// One request in, one complete response (of any status) or one transport error out; retries,
// protocol and JSON live above this line.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/util/result.h"

namespace duban::sync {

using Headers = std::vector<std::pair<std::string, std::string>>;

// What a body source returns to abort the upload (the file it reads from went away, say).
inline constexpr std::size_t kAbortBody = static_cast<std::size_t>(-1);

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // relative to the base URL: starts with '/', query included
    Headers headers;
    std::string body;
    // Streams the body instead of `body` (photo chunks): fills at most `max` bytes of `buffer`
    // and returns how many, 0 at the end, or kAbortBody. Called on the sending thread.
    std::function<std::size_t(char* buffer, std::size_t max)> bodySource;
    std::int64_t bodySize = -1;  // bytes bodySource will give; -1: unknown (sent chunked)
    // Puts bodySource back at its start. A streamed body is resent by sendWithRetry only when
    // this is given and returns true: half a chunk sent twice would corrupt an upload.
    std::function<bool()> rewindBody;
    // Streams the body of a 2xx response here instead of into HttpResponse::body (a blob
    // download: memory stays O(buffer)); other statuses' bodies (JSON errors) still go to body.
    // Returns false to stop the transfer (the disk is full, say). Called on the sending thread.
    std::function<bool(std::string_view bytes)> responseSink;
    // The caller vouches that repeating this POST/PATCH is harmless (push is exactly-once by
    // mutation number; a tus PATCH names its Upload-Offset). GET, HEAD, PUT, DELETE and OPTIONS
    // are idempotent by definition.
    bool retrySafe = false;

    [[nodiscard]] bool isIdempotent() const;
};

struct HttpResponse {
    long status = 0;
    Headers headers;  // names in lower case, in the order received
    std::string body;

    // The first header of that name (case-insensitive), if any.
    [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
};

// Why no complete response arrived. Each kind has a stable error code (transportErrorCode), which
// is what Result<HttpResponse>::error().code carries.
enum class TransportErrorKind {
    connect,         // "transport_connect": never reached the server (DNS, refused, unreachable)
    tls,             // "transport_tls": certificate, host name, pin or handshake refused
    timeout,         // "transport_timeout": too slow or no answer in time
    reset,           // "transport_reset": the connection broke; the server may have acted
    cancelled,       // "cancelled": cancel() was called
    tooLarge,        // "transport_response_too_large": the response exceeded the cap
    invalidRequest,  // "transport_invalid_request": the request itself is malformed
    other,           // "transport_failed"
};

// What exactly went wrong, where libcurl said it: finer than the kind, so that the app can tell a
// person what to do (qml/app/error_text maps each code to a sentence). Each cause has one kind;
// an error made from a kind alone (the fake transport, a callback's failure) carries the kind's
// code.
enum class TransportCause {
    dnsFailed,             // "transport_dns_failed": the server's name does not resolve
    connectFailed,         // "transport_connect_failed": refused or unreachable
    tlsUntrusted,          // "transport_tls_untrusted": the given CA file does not vouch for it
    tlsUntrustedBySystem,  // "transport_tls_untrusted_system": no CA file, no system CA vouches
    tlsExpired,            // "transport_tls_expired": not valid today
    tlsWrongHost,          // "transport_tls_wrong_host": issued for another host name
    tlsPinMismatch,        // "transport_tls_pin_mismatch": not the pinned public key
    tlsCaFileUnusable,     // "transport_tls_ca_file_unusable": the CA file holds no certificate
};

[[nodiscard]] std::string_view transportErrorCode(TransportErrorKind kind);
[[nodiscard]] std::string_view transportCauseCode(TransportCause cause);
[[nodiscard]] TransportErrorKind kindOf(TransportCause cause);
// The kind of an error made by this layer (from a kind or a cause); `other` for any other code.
[[nodiscard]] TransportErrorKind transportErrorKind(const Error& error);
[[nodiscard]] Error makeTransportError(TransportErrorKind kind, std::string message);
[[nodiscard]] Error makeTransportError(TransportCause cause, std::string message);

struct Progress {
    std::int64_t sentBytes = 0;
    std::int64_t totalSendBytes = 0;  // 0 when unknown
    std::int64_t receivedBytes = 0;
    std::int64_t totalReceiveBytes = 0;  // 0 when unknown
};
// Called on the sending thread, often; it must be quick and must not call back into the transport
// (cancel() excepted).
using ProgressCallback = std::function<void(const Progress&)>;

class HttpTransport {
public:
    virtual ~HttpTransport() = default;

    // Sends one request and waits for the whole response. Any HTTP status is a value; an error
    // (codes above) means no complete response arrived.
    virtual Result<HttpResponse> send(const HttpRequest& request,
                                      const ProgressCallback& progress = {}) = 0;

    // Thread-safe. Aborts the request in flight and makes every later send() fail with
    // "cancelled" until resetCancel(): a stopped sync run must not start its next request.
    virtual void cancel() = 0;
    virtual void resetCancel() = 0;
    [[nodiscard]] virtual bool isCancelled() const = 0;

    // Waits `delay` unless cancelled first (false then): a backoff between retries must end as
    // soon as the user stops sync or the app quits.
    virtual bool sleepUnlessCancelled(std::chrono::milliseconds delay) = 0;
};

}  // namespace duban::sync
