#pragma once
// When to try a request again and how long to wait first. Mobile links drop and servers restart;
// a sync run rides that out without hammering a server that is struggling: exponential backoff
// with full jitter (so a thousand devices that lost the server together do not come back in
// lockstep), and a server's Retry-After wins over the backoff.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string_view>

#include "core/util/clock.h"
#include "sync/http_transport.h"

namespace duban::sync {

struct RetryPolicy {
    int maxAttempts = 5;  // including the first
    std::chrono::milliseconds initialDelay{500};
    std::chrono::milliseconds maxDelay{30'000};
    // A longer Retry-After ends the retries and returns the response: the engine schedules a later
    // run instead of holding a worker that long.
    std::chrono::milliseconds maxRetryAfter{120'000};
    // Seeds the jitter, so tests can predict it; otherwise every call draws a fresh seed.
    std::optional<std::uint64_t> seed;
    // Reads "now" for a Retry-After given as an HTTP-date (SyncEngine and PhotoUploader set their
    // store's clock). Without one such a date is not read and the backoff decides.
    const Clock* clock = nullptr;

    // The longest backoff before retry number `retry` (1 = the first retry):
    // initialDelay · 2^(retry−1), at most maxDelay.
    [[nodiscard]] std::chrono::milliseconds backoffCap(int retry) const;
    // Full jitter: uniform in [0, backoffCap(retry)].
    [[nodiscard]] std::chrono::milliseconds backoff(int retry, std::mt19937_64& random) const;
};

// 408, 425, 429, 500, 502, 503, 504: the server (or a proxy) may well answer differently soon.
// Every other status, 4xx above all, is an answer: repeating the request cannot change it.
[[nodiscard]] bool isRetryableStatus(long status);
// connect, timeout, reset: the network, not the request.
[[nodiscard]] bool isRetryableError(const Error& error);

// Retry-After as delta-seconds or an HTTP-date, relative to nowMs (ms since the epoch); never
// negative. nullopt when malformed, or for a date without nowMs.
[[nodiscard]] std::optional<std::chrono::milliseconds> parseRetryAfter(
    std::string_view value, std::optional<std::int64_t> nowMs);

using Sleeper = std::function<void(std::chrono::milliseconds)>;

// Sends `request`, retrying per `policy`, and returns the last outcome. What is retried:
//  - a connect error, for any request: it never reached the server;
//  - timeouts, resets and retryable statuses only for idempotent requests
//    (HttpRequest::isIdempotent: GET/HEAD/PUT/DELETE, or retrySafe set by the caller);
//  - a streamed body only when rewindBody succeeds.
// Between attempts it sleeps with `sleeper` (default: the transport's sleep, which cancel() cuts
// short); a cancelled transport ends the retries with "cancelled". Progress restarts at zero on
// each attempt.
Result<HttpResponse> sendWithRetry(HttpTransport& transport, const HttpRequest& request,
                                   const RetryPolicy& policy, const ProgressCallback& progress = {},
                                   const Sleeper& sleeper = {});

}  // namespace duban::sync
