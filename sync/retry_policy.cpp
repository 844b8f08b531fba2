#include "sync/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace duban::sync {
namespace {

using std::chrono::milliseconds;

std::uint64_t freshSeed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

// How long to wait before the next attempt, or nullopt when this outcome is final.
std::optional<milliseconds> retryDelay(const Result<HttpResponse>& outcome,
                                       const HttpRequest& request, const RetryPolicy& policy,
                                       int retry, std::mt19937_64& random) {
    if (!outcome) {
        const TransportErrorKind kind = transportErrorKind(outcome.error());
        // A connect error is the one failure that proves the server never saw the request, so
        // even a non-idempotent one may go again.
        const bool safe = kind == TransportErrorKind::connect || request.isIdempotent();
        if (!isRetryableError(outcome.error()) || !safe)
            return std::nullopt;
        return policy.backoff(retry, random);
    }
    const HttpResponse& response = outcome.value();
    if (!isRetryableStatus(response.status) || !request.isIdempotent())
        return std::nullopt;
    const milliseconds backoff = policy.backoff(retry, random);
    if (const auto header = response.header("retry-after")) {
        const auto nowMs =
            policy.clock != nullptr ? std::optional(policy.clock->nowMs()) : std::nullopt;
        if (const auto wait = parseRetryAfter(*header, nowMs)) {
            if (*wait > policy.maxRetryAfter)
                return std::nullopt;
            return std::max(*wait, backoff);
        }
    }
    return backoff;
}

Result<HttpResponse> gaveUp(Result<HttpResponse> outcome, int attempts) {
    if (outcome || attempts < 2)
        return outcome;
    Error error = outcome.error();
    error.message += " (gave up after " + std::to_string(attempts) + " attempts)";
    return error;
}

}  // namespace

milliseconds RetryPolicy::backoffCap(int retry) const {
    const std::int64_t limit = std::max<std::int64_t>(maxDelay.count(), 0);
    std::int64_t cap = std::clamp<std::int64_t>(initialDelay.count(), 0, limit);
    for (int i = 1; i < retry && cap < limit; ++i)
        cap = std::min(cap * 2, limit);
    return milliseconds(cap);
}

milliseconds RetryPolicy::backoff(int retry, std::mt19937_64& random) const {
    std::uniform_int_distribution<std::int64_t> uniform(0, backoffCap(retry).count());
    return milliseconds(uniform(random));
}

bool isRetryableStatus(long status) {
    switch (status) {
        case 408:
        case 425:
        case 429:
        case 500:
        case 502:
        case 503:
        case 504:
            return true;
        default:
            return false;
    }
}

bool isRetryableError(const Error& error) {
    const TransportErrorKind kind = transportErrorKind(error);
    return kind == TransportErrorKind::connect || kind == TransportErrorKind::timeout ||
           kind == TransportErrorKind::reset;
}

std::optional<milliseconds> parseRetryAfter(std::string_view value,
                                            std::optional<std::int64_t> nowMs) {
    const auto first = value.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return std::nullopt;
    value = value.substr(first, value.find_last_not_of(" \t") - first + 1);
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t seconds = 0;
        const auto [end, problem] =
            std::from_chars(value.data(), value.data() + value.size(), seconds);
        constexpr std::int64_t kYear = 365LL * 24 * 3600;
        if (problem == std::errc::result_out_of_range || seconds > kYear)
            seconds = kYear;  // absurdly long: longer than any maxRetryAfter anyway
        else if (problem != std::errc())
            return std::nullopt;
        return milliseconds(seconds * 1000);
    }
    if (!nowMs)
        return std::nullopt;
    const std::string text(value);
    const time_t date = curl_getdate(text.c_str(), nullptr);
    if (date == -1)
        return std::nullopt;
    return milliseconds(std::max<std::int64_t>(static_cast<std::int64_t>(date) * 1000 - *nowMs, 0));
}

Result<HttpResponse> sendWithRetry(HttpTransport& transport, const HttpRequest& request,
                                   const RetryPolicy& policy, const ProgressCallback& progress,
                                   const Sleeper& sleeper) {
    std::mt19937_64 random(policy.seed ? *policy.seed : freshSeed());
    const int attempts = std::max(policy.maxAttempts, 1);
    for (int attempt = 1;; ++attempt) {
        Result<HttpResponse> outcome = transport.send(request, progress);
        if (attempt >= attempts)
            return gaveUp(std::move(outcome), attempt);
        const auto delay = retryDelay(outcome, request, policy, attempt, random);
        if (!delay)
            return outcome;
        if (request.bodySource && (!request.rewindBody || !request.rewindBody()))
            return outcome;
        if (sleeper)
            sleeper(*delay);
        else
            transport.sleepUnlessCancelled(*delay);
        if (transport.isCancelled())
            return makeTransportError(TransportErrorKind::cancelled,
                                      "The request was cancelled while waiting to retry.");
    }
}

}  // namespace duban::sync
