#pragma once
// A transport that hands everything to another one: tests derive from it to lose, cut or count
// requests on the way while cancellation keeps working as in the product.
#include "sync/http_transport.h"

namespace duban::test {

class ForwardingTransport : public sync::HttpTransport {
public:
    explicit ForwardingTransport(sync::HttpTransport& inner) : m_inner(inner) {}

    Result<sync::HttpResponse> send(const sync::HttpRequest& request,
                                    const sync::ProgressCallback& progress = {}) override {
        return m_inner.send(request, progress);
    }
    void cancel() override { m_inner.cancel(); }
    void resetCancel() override { m_inner.resetCancel(); }
    [[nodiscard]] bool isCancelled() const override { return m_inner.isCancelled(); }
    bool sleepUnlessCancelled(std::chrono::milliseconds delay) override {
        return m_inner.sleepUnlessCancelled(delay);
    }

protected:
    sync::HttpTransport& inner() { return m_inner; }

private:
    sync::HttpTransport& m_inner;
};

}  // namespace duban::test
