// Retries and the fake transport the sync engine's tests will use: FakeTransport scripts the
// server and the failures, the sleeper is injected and the jitter seeded, so every delay is known
// and nothing waits for real (except the one test that proves cancel cuts a real sleep short).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "sync/fake_transport.h"
#include "sync/retry_policy.h"

namespace duban::sync {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

HttpRequest get(std::string path) {
    HttpRequest request;
    request.path = std::move(path);
    return request;
}

// --- the fake --------------------------------------------------------------------------------

TEST(FakeTransportTest, RecordsRequestsAndDrainsStreamedBodies) {
    FakeTransport fake;
    fake.setHandler([](const HttpRequest& request) {
        return HttpResponse{201, {{"upload-offset", std::to_string(request.body.size())}}, {}};
    });
    HttpRequest patch;
    patch.method = "PATCH";
    patch.path = "/v1/uploads/u1";
    bool given = false;
    patch.bodySource = [&](char* buffer, std::size_t max) -> std::size_t {
        if (given)
            return 0;
        given = true;
        std::fill_n(buffer, std::min<std::size_t>(max, 5), 'z');
        return std::min<std::size_t>(max, 5);
    };
    std::int64_t lastSent = 0;
    const auto result = fake.send(patch, [&](const Progress& p) { lastSent = p.sentBytes; });
    ASSERT_TRUE(result);
    EXPECT_EQ(result->header("Upload-Offset"), "5");
    EXPECT_EQ(lastSent, 5);
    const auto exchanges = fake.exchanges();
    ASSERT_EQ(exchanges.size(), 1u);
    EXPECT_EQ(exchanges[0].request.body, "zzzzz");
    EXPECT_TRUE(exchanges[0].reachedServer);
    EXPECT_EQ(exchanges[0].status, 201);
}

TEST(FakeTransportTest, AFailureAfterSendingRunsTheServerButLosesTheResponse) {
    FakeTransport fake;
    int applied = 0;
    fake.setHandler([&](const HttpRequest&) {
        ++applied;
        return HttpResponse{200, {}, "{}"};
    });
    fake.enqueueFailure(TransportErrorKind::reset, FakeTransport::FailurePoint::afterSend);
    fake.enqueueFailure(TransportErrorKind::timeout, FakeTransport::FailurePoint::beforeSend);

    const auto lost = fake.send(get("/v1/sync/pull"));
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, "transport_reset");
    EXPECT_EQ(applied, 1);
    const auto neverSent = fake.send(get("/v1/sync/pull"));
    ASSERT_FALSE(neverSent);
    EXPECT_EQ(neverSent.error().code, "transport_timeout");
    EXPECT_EQ(applied, 1);
    ASSERT_TRUE(fake.send(get("/v1/sync/pull")));
    EXPECT_EQ(applied, 2);

    const auto exchanges = fake.exchanges();
    ASSERT_EQ(exchanges.size(), 3u);
    EXPECT_TRUE(exchanges[0].reachedServer);
    EXPECT_EQ(exchanges[0].errorCode, "transport_reset");
    EXPECT_FALSE(exchanges[1].reachedServer);
    EXPECT_TRUE(exchanges[2].reachedServer);
}

TEST(FakeTransportTest, AnUnscriptedRequestFailsLoudly) {
    FakeTransport fake;
    fake.enqueueStatus(204);
    ASSERT_TRUE(fake.send(get("/a")));
    const auto result = fake.send(get("/b"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "fake_unscripted");
    EXPECT_NE(result.error().message.find("/b"), std::string::npos);
}

TEST(FakeTransportTest, ErrorKindsRoundTripThroughTheirCodes) {
    for (const auto kind :
         {TransportErrorKind::connect, TransportErrorKind::tls, TransportErrorKind::timeout,
          TransportErrorKind::reset, TransportErrorKind::cancelled, TransportErrorKind::tooLarge,
          TransportErrorKind::invalidRequest, TransportErrorKind::other})
        EXPECT_EQ(transportErrorKind(makeTransportError(kind, "x")), kind);
    EXPECT_EQ(transportErrorKind(makeError("forbidden", "x")), TransportErrorKind::other);
}

// A cause's code (what the app's sentence is chosen by) still reads as its kind, so retries and
// "offline" treat a refused connection and an untrusted certificate as before.
TEST(FakeTransportTest, ErrorCausesReadAsTheirKind) {
    const std::pair<TransportCause, TransportErrorKind> causes[] = {
        {TransportCause::dnsFailed, TransportErrorKind::connect},
        {TransportCause::connectFailed, TransportErrorKind::connect},
        {TransportCause::tlsUntrusted, TransportErrorKind::tls},
        {TransportCause::tlsUntrustedBySystem, TransportErrorKind::tls},
        {TransportCause::tlsExpired, TransportErrorKind::tls},
        {TransportCause::tlsWrongHost, TransportErrorKind::tls},
        {TransportCause::tlsPinMismatch, TransportErrorKind::tls},
        {TransportCause::tlsCaFileUnusable, TransportErrorKind::tls},
    };
    std::set<std::string> codes;
    for (const auto& [cause, kind] : causes) {
        const Error error = makeTransportError(cause, "x");
        EXPECT_EQ(transportErrorKind(error), kind) << error.code;
        EXPECT_TRUE(error.code.starts_with("transport_")) << error.code;
        codes.insert(error.code);
    }
    EXPECT_EQ(codes.size(), std::size(causes)) << "each cause has a code of its own";
    EXPECT_TRUE(isRetryableError(makeTransportError(TransportCause::connectFailed, "x")));
    EXPECT_FALSE(isRetryableError(makeTransportError(TransportCause::tlsUntrusted, "x")));
}

// --- retries ---------------------------------------------------------------------------------

RetryPolicy testPolicy() {
    RetryPolicy policy;
    policy.maxAttempts = 5;
    policy.initialDelay = 100ms;
    policy.maxDelay = 1000ms;
    policy.seed = 42;
    return policy;
}

struct RecordingSleeper {
    std::vector<milliseconds> delays;
    Sleeper sleeper() {
        return [this](milliseconds delay) { delays.push_back(delay); };
    }
};

TEST(RetryTest, A503AndAResetAreRetriedUntilSuccessWithGrowingJitteredDelays) {
    const auto run = [](std::vector<milliseconds>& delays) {
        FakeTransport fake;
        fake.enqueueStatus(503);
        fake.enqueueFailure(TransportErrorKind::reset, FakeTransport::FailurePoint::afterSend);
        fake.enqueueStatus(200, "done");
        RecordingSleeper sleeper;
        const auto result =
            sendWithRetry(fake, get("/v1/sync/pull?after=0"), testPolicy(), {}, sleeper.sleeper());
        EXPECT_TRUE(result);
        EXPECT_EQ(result->status, 200);
        EXPECT_EQ(result->body, "done");
        EXPECT_EQ(fake.requestCount(), 3u);
        delays = sleeper.delays;
    };
    std::vector<milliseconds> first;
    std::vector<milliseconds> second;
    run(first);
    run(second);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_LE(first[0], 100ms);
    EXPECT_LE(first[1], 200ms);
    EXPECT_GE(first[0], 0ms);
    EXPECT_GE(first[1], 0ms);
    EXPECT_EQ(first, second) << "a seeded policy is reproducible";
}

TEST(RetryTest, BackoffIsFullJitterUnderACapThatDoublesUpToTheMaximum) {
    const RetryPolicy policy = testPolicy();
    EXPECT_EQ(policy.backoffCap(1), 100ms);
    EXPECT_EQ(policy.backoffCap(2), 200ms);
    EXPECT_EQ(policy.backoffCap(3), 400ms);
    EXPECT_EQ(policy.backoffCap(4), 800ms);
    EXPECT_EQ(policy.backoffCap(5), 1000ms);
    EXPECT_EQ(policy.backoffCap(60), 1000ms) << "no overflow";

    std::mt19937_64 random(7);
    double previousMean = 0;
    for (int retry = 1; retry <= 4; ++retry) {
        const auto cap = policy.backoffCap(retry);
        std::set<std::int64_t> seen;
        double sum = 0;
        constexpr int kDraws = 2000;
        for (int i = 0; i < kDraws; ++i) {
            const auto delay = policy.backoff(retry, random);
            ASSERT_GE(delay, 0ms);
            ASSERT_LE(delay, cap);
            seen.insert(delay.count());
            sum += static_cast<double>(delay.count());
        }
        const double mean = sum / kDraws;
        EXPECT_NEAR(mean, static_cast<double>(cap.count()) / 2,
                    static_cast<double>(cap.count()) * 0.1);
        EXPECT_GT(seen.size(), 50u) << "jittered, not fixed";
        EXPECT_GT(mean, previousMean) << "delays grow with each retry";
        previousMean = mean;
    }
}

TEST(RetryTest, ClientErrorsAreAnswersAndAreNotRetried) {
    for (const long status : {400L, 401L, 403L, 404L, 409L, 410L, 413L, 422L}) {
        FakeTransport fake;
        fake.enqueueStatus(status);
        fake.enqueueStatus(200);
        RecordingSleeper sleeper;
        const auto result = sendWithRetry(fake, get("/v1/me"), testPolicy(), {}, sleeper.sleeper());
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, status);
        EXPECT_EQ(fake.requestCount(), 1u) << status;
        EXPECT_TRUE(sleeper.delays.empty());
    }
    for (const long status : {408L, 425L, 429L, 500L, 502L, 503L, 504L})
        EXPECT_TRUE(isRetryableStatus(status)) << status;
    for (const long status : {200L, 301L, 400L, 404L, 501L, 505L})
        EXPECT_FALSE(isRetryableStatus(status)) << status;
}

TEST(RetryTest, RetryAfterIsHonoured) {
    FakeTransport fake;
    fake.enqueueStatus(429, {}, {{"retry-after", "3"}});
    fake.enqueueStatus(200);
    RecordingSleeper sleeper;
    const auto result =
        sendWithRetry(fake, get("/v1/sync/pull"), testPolicy(), {}, sleeper.sleeper());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    ASSERT_EQ(sleeper.delays.size(), 1u);
    EXPECT_EQ(sleeper.delays[0], 3000ms) << "Retry-After beats a shorter backoff";
}

TEST(RetryTest, ARetryAfterLongerThanTheLimitReturnsTheResponse) {
    FakeTransport fake;
    fake.enqueueStatus(503, {}, {{"Retry-After", "3600"}});
    fake.enqueueStatus(200);
    RecordingSleeper sleeper;
    const auto result =
        sendWithRetry(fake, get("/v1/sync/pull"), testPolicy(), {}, sleeper.sleeper());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 503) << "the engine schedules a later run instead";
    EXPECT_EQ(*result->header("retry-after"), "3600");
    EXPECT_TRUE(sleeper.delays.empty());
}

TEST(RetryTest, RetryAfterReadsSecondsAndHttpDates) {
    constexpr std::int64_t kOct21st2015 = 1445412480000;  // Wed, 21 Oct 2015 07:28:00 GMT
    EXPECT_EQ(parseRetryAfter("120", 0), 120'000ms);
    EXPECT_EQ(parseRetryAfter("  5 ", 0), 5000ms);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", kOct21st2015 - 30'000), 30'000ms);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", kOct21st2015 + 5'000), 0ms);
    EXPECT_EQ(parseRetryAfter("99999999999999999999999", 0),
              milliseconds(365LL * 24 * 3600 * 1000));
    EXPECT_FALSE(parseRetryAfter("", 0));
    EXPECT_FALSE(parseRetryAfter("soon", 0));
}

TEST(RetryTest, MaxAttemptsIsRespected) {
    FakeTransport fake;
    fake.setHandler([](const HttpRequest&) { return HttpResponse{503, {}, {}}; });
    RecordingSleeper sleeper;
    RetryPolicy policy = testPolicy();
    policy.maxAttempts = 4;
    const auto result = sendWithRetry(fake, get("/v1/health"), policy, {}, sleeper.sleeper());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 503);
    EXPECT_EQ(fake.requestCount(), 4u);
    EXPECT_EQ(sleeper.delays.size(), 3u);

    FakeTransport broken;
    for (int i = 0; i < 10; ++i)
        broken.enqueueFailure(TransportErrorKind::reset);
    const auto failed = sendWithRetry(broken, get("/v1/health"), policy, {}, sleeper.sleeper());
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, "transport_reset");
    EXPECT_NE(failed.error().message.find("after 4 attempts"), std::string::npos);
    EXPECT_EQ(broken.requestCount(), 4u);
}

TEST(RetryTest, CancelInterruptsABackoffSleep) {
    FakeTransport fake;
    fake.enqueueStatus(503, {}, {{"retry-after", "30"}});
    fake.enqueueStatus(200);
    auto canceller = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(100ms);
        fake.cancel();
    });
    RetryPolicy policy = testPolicy();
    policy.maxRetryAfter = 60s;
    const auto start = Clock::now();
    const auto result = sendWithRetry(fake, get("/v1/sync/pull"), policy);  // the real sleep
    canceller.get();
    EXPECT_LT(Clock::now() - start, 2s) << "the backoff is 30 s";
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "cancelled");
    EXPECT_EQ(fake.requestCount(), 1u);
}

TEST(RetryTest, ACancelDuringAnInjectedSleepStopsFurtherAttempts) {
    FakeTransport fake;
    fake.enqueueFailure(TransportErrorKind::timeout);
    fake.enqueueStatus(200);
    const auto result = sendWithRetry(fake, get("/v1/sync/pull"), testPolicy(), {},
                                      [&](milliseconds) { fake.cancel(); });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "cancelled");
    EXPECT_EQ(fake.requestCount(), 1u);
}

TEST(RetryTest, APostIsRetriedOnlyWhenItCannotHaveBeenAppliedTwice) {
    HttpRequest push;
    push.method = "POST";
    push.path = "/v1/sync/push";
    push.body = "{}";

    FakeTransport lost;  // the server may have applied it: not repeated blindly
    lost.enqueueFailure(TransportErrorKind::reset, FakeTransport::FailurePoint::afterSend);
    lost.enqueueStatus(200);
    RecordingSleeper sleeper;
    EXPECT_FALSE(sendWithRetry(lost, push, testPolicy(), {}, sleeper.sleeper()));
    EXPECT_EQ(lost.requestCount(), 1u);

    FakeTransport busy;
    busy.enqueueStatus(503);
    busy.enqueueStatus(200);
    EXPECT_EQ(sendWithRetry(busy, push, testPolicy(), {}, sleeper.sleeper())->status, 503);
    EXPECT_EQ(busy.requestCount(), 1u);

    FakeTransport unreachable;  // never reached the server: safe for any request
    unreachable.enqueueFailure(TransportErrorKind::connect);
    unreachable.enqueueStatus(200);
    EXPECT_EQ(sendWithRetry(unreachable, push, testPolicy(), {}, sleeper.sleeper())->status, 200);
    EXPECT_EQ(unreachable.requestCount(), 2u);

    push.retrySafe = true;  // push is exactly-once by mutation number
    FakeTransport safe;
    safe.enqueueFailure(TransportErrorKind::reset, FakeTransport::FailurePoint::afterSend);
    safe.enqueueStatus(503);
    safe.enqueueStatus(200);
    EXPECT_EQ(sendWithRetry(safe, push, testPolicy(), {}, sleeper.sleeper())->status, 200);
    EXPECT_EQ(safe.requestCount(), 3u);
}

TEST(RetryTest, AStreamedBodyIsResentOnlyAfterARewind) {
    const std::string bytes = "0123456789";
    std::size_t offset = 0;
    HttpRequest put;
    put.method = "PUT";
    put.path = "/v1/blob";
    put.bodySize = static_cast<std::int64_t>(bytes.size());
    put.bodySource = [&](char* buffer, std::size_t max) {
        const std::size_t n = std::min(max, bytes.size() - offset);
        std::copy_n(bytes.data() + offset, n, buffer);
        offset += n;
        return n;
    };
    RecordingSleeper sleeper;

    FakeTransport withoutRewind;
    withoutRewind.enqueueFailure(TransportErrorKind::reset, FakeTransport::FailurePoint::afterSend);
    withoutRewind.enqueueStatus(200);
    EXPECT_FALSE(sendWithRetry(withoutRewind, put, testPolicy(), {}, sleeper.sleeper()));
    EXPECT_EQ(withoutRewind.requestCount(), 1u);

    offset = 0;
    put.rewindBody = [&] {
        offset = 0;
        return true;
    };
    FakeTransport withRewind;
    withRewind.enqueueFailure(TransportErrorKind::reset, FakeTransport::FailurePoint::afterSend);
    withRewind.setHandler([](const HttpRequest& r) { return HttpResponse{200, {}, r.body}; });
    const auto result = sendWithRetry(withRewind, put, testPolicy(), {}, sleeper.sleeper());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->body, bytes) << "the whole body again, not its tail";
    const auto exchanges = withRewind.exchanges();
    ASSERT_EQ(exchanges.size(), 2u);
    EXPECT_EQ(exchanges[0].request.body, bytes);
    EXPECT_EQ(exchanges[1].request.body, bytes);
}

}  // namespace
}  // namespace duban::sync
