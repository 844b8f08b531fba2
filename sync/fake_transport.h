#pragma once
// A scriptable transport for fast unit tests of the sync engine. It answers from a queue of
// scripted steps, then from a handler (a fake server), records every request, and injects the
// failures a mobile network makes — including the one that matters most for exactly-once: a
// connection that breaks after the server acted, so the client must retry without knowing.
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sync/cancel_token.h"
#include "sync/http_transport.h"

namespace duban::sync {

class FakeTransport final : public HttpTransport {
public:
    enum class FailurePoint {
        beforeSend,  // the server never saw the request
        afterSend,   // the server handled it (the handler ran), the response was lost
    };
    // The fake server. It sees the request with its whole body in `body`, even a streamed one.
    using Handler = std::function<HttpResponse(const HttpRequest&)>;

    struct Exchange {
        HttpRequest request;  // body drained from bodySource; bodySource and rewindBody cleared
        bool reachedServer = false;
        std::optional<long> status{};            // the response the client got
        std::optional<std::string> errorCode{};  // or the error
    };

    // Answers every request no scripted step answers.
    void setHandler(Handler handler);
    // Scripted steps, used in order before the handler.
    void enqueue(HttpResponse response);
    void enqueueStatus(long status, std::string body = {}, Headers headers = {});
    void enqueueFailure(TransportErrorKind kind, FailurePoint point = FailurePoint::beforeSend);

    [[nodiscard]] std::vector<Exchange> exchanges() const;
    [[nodiscard]] std::size_t requestCount() const;

    // Without a step or a handler the answer is the error "fake_unscripted", so a test that
    // forgot to script a request fails loudly.
    Result<HttpResponse> send(const HttpRequest& request,
                              const ProgressCallback& progress = {}) override;
    void cancel() override { m_cancel.cancel(); }
    void resetCancel() override { m_cancel.reset(); }
    [[nodiscard]] bool isCancelled() const override { return m_cancel.isCancelled(); }
    bool sleepUnlessCancelled(std::chrono::milliseconds delay) override {
        return m_cancel.sleepFor(delay);
    }

private:
    struct Step {
        std::optional<HttpResponse> response;
        TransportErrorKind failure = TransportErrorKind::other;
        FailurePoint point = FailurePoint::beforeSend;
    };

    Result<HttpResponse> finish(std::size_t index, Result<HttpResponse> outcome);

    mutable std::mutex m_mutex;
    std::deque<Step> m_steps;
    Handler m_handler;
    std::vector<Exchange> m_exchanges;
    CancelToken m_cancel;
};

}  // namespace duban::sync
