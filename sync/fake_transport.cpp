#include "sync/fake_transport.h"

#include <algorithm>
#include <utility>

namespace duban::sync {
namespace {

Error injected(TransportErrorKind kind, FakeTransport::FailurePoint point) {
    const bool after = point == FakeTransport::FailurePoint::afterSend;
    return makeTransportError(kind, "injected " + std::string(transportErrorCode(kind)) +
                                        (after ? " after the server handled the request"
                                               : " before the request reached the server"));
}

// A 2xx body goes to the request's responseSink, as CurlTransport does it.
Result<HttpResponse> deliver(const HttpRequest& request, HttpResponse response) {
    if (!request.responseSink || response.status < 200 || response.status > 299)
        return response;
    const bool stored = request.responseSink(response.body);
    response.body.clear();
    if (!stored)
        return makeTransportError(TransportErrorKind::other,
                                  "The response body could not be stored.");
    return response;
}

Error cancelled() {
    return makeTransportError(TransportErrorKind::cancelled, "The request was cancelled.");
}

}  // namespace

void FakeTransport::setHandler(Handler handler) {
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
}

void FakeTransport::enqueue(HttpResponse response) {
    std::lock_guard lock(m_mutex);
    m_steps.push_back(Step{std::move(response)});
}

void FakeTransport::enqueueStatus(long status, std::string body, Headers headers) {
    enqueue(HttpResponse{status, std::move(headers), std::move(body)});
}

void FakeTransport::enqueueFailure(TransportErrorKind kind, FailurePoint point) {
    std::lock_guard lock(m_mutex);
    m_steps.push_back(Step{std::nullopt, kind, point});
}

std::vector<FakeTransport::Exchange> FakeTransport::exchanges() const {
    std::lock_guard lock(m_mutex);
    return m_exchanges;
}

std::size_t FakeTransport::requestCount() const {
    std::lock_guard lock(m_mutex);
    return m_exchanges.size();
}

Result<HttpResponse> FakeTransport::finish(std::size_t index, Result<HttpResponse> outcome) {
    std::lock_guard lock(m_mutex);
    Exchange& exchange = m_exchanges[index];
    if (outcome)
        exchange.status = outcome.value().status;
    else
        exchange.errorCode = outcome.error().code;
    return outcome;
}

Result<HttpResponse> FakeTransport::send(const HttpRequest& request,
                                         const ProgressCallback& progress) {
    HttpRequest copy = request;
    copy.bodySource = {};
    copy.rewindBody = {};
    copy.responseSink = {};
    std::size_t index = 0;
    {
        std::lock_guard lock(m_mutex);
        index = m_exchanges.size();
        m_exchanges.push_back(Exchange{copy});
    }
    if (m_cancel.isCancelled())
        return finish(index, cancelled());

    // Drains a streamed body the way libcurl would, so the engine's reader and its progress
    // reporting run in fast tests too.
    const auto report = [&](std::int64_t sent, std::int64_t total) {
        if (progress)
            progress(Progress{sent, total, 0, 0});
    };
    if (request.bodySource) {
        std::string buffer(64 * 1024, '\0');
        const std::int64_t total = std::max<std::int64_t>(request.bodySize, 0);
        for (;;) {
            const std::size_t filled = request.bodySource(buffer.data(), buffer.size());
            if (filled == kAbortBody || filled > buffer.size())
                return finish(index, makeTransportError(TransportErrorKind::other,
                                                        "The body of " + request.method + " " +
                                                            request.path + " could not be read."));
            if (filled == 0)
                break;
            copy.body.append(buffer.data(), filled);
            report(static_cast<std::int64_t>(copy.body.size()), total);
            if (m_cancel.isCancelled())
                return finish(index, cancelled());
        }
        std::lock_guard lock(m_mutex);
        m_exchanges[index].request.body = copy.body;
    } else if (!request.body.empty()) {
        const auto size = static_cast<std::int64_t>(request.body.size());
        report(size, size);
    }

    std::optional<Step> step;
    Handler handler;
    {
        std::lock_guard lock(m_mutex);
        if (!m_steps.empty()) {
            step = std::move(m_steps.front());
            m_steps.pop_front();
        }
        handler = m_handler;
    }
    if (step && step->response) {
        {
            std::lock_guard lock(m_mutex);
            m_exchanges[index].reachedServer = true;
        }
        return finish(index, deliver(request, std::move(*step->response)));
    }
    if (step && step->point == FailurePoint::beforeSend)
        return finish(index, injected(step->failure, step->point));
    if (!step && !handler)
        return finish(index, makeError("fake_unscripted", "No response was scripted for " +
                                                              request.method + " " + request.path +
                                                              "; enqueue one or set a handler."));
    {
        std::lock_guard lock(m_mutex);
        m_exchanges[index].reachedServer = true;
    }
    // Called without the lock: a handler may script more steps or cancel, as a server thread
    // racing the client would.
    HttpResponse response = handler ? handler(copy) : HttpResponse{};
    if (step)
        return finish(index, injected(step->failure, step->point));
    if (m_cancel.isCancelled())
        return finish(index, cancelled());
    if (progress && !response.body.empty()) {
        const auto sent = static_cast<std::int64_t>(copy.body.size());
        const auto received = static_cast<std::int64_t>(response.body.size());
        progress(Progress{sent, sent, received, received});
    }
    return finish(index, deliver(request, std::move(response)));
}

}  // namespace duban::sync
