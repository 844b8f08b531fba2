#include "sync/blob_cache.h"

#include <random>
#include <span>
#include <system_error>

#include "core/store/blob_files.h"
#include "sync/sync_engine.h"

namespace duban::sync {

BlobCache::BlobCache(LocalStore& store, HttpTransport& transport, RetryPolicy retry)
    : m_store(store), m_transport(transport), m_retry(std::move(retry)) {}

Result<std::filesystem::path> BlobCache::fetchBlob(const std::string& sha256) {
    const std::filesystem::path target = m_store.blobPath(sha256);
    if (target.empty())
        return makeError("invalid", "\"" + sha256 + "\" is not a SHA-256 (64 lowercase hex).");
    std::error_code error;
    if (std::filesystem::exists(target, error))
        return target;  // content-addressed: a file under this name holds exactly these bytes

    std::mt19937_64 random(m_retry.seed ? *m_retry.seed : std::random_device{}());
    const int attempts = std::max(m_retry.maxAttempts, 1);
    for (int attempt = 1;; ++attempt) {
        // A fresh temporary file per attempt: a cut download never leaves half a blob behind.
        auto writer = BlobFileWriter::create(m_store.blobsFolder(), sha256);
        if (!writer)
            return writer.error();
        Status stored = Ok{};
        HttpRequest request;
        request.path = "/v1/blobs/" + sha256;
        request.responseSink = [&](std::string_view bytes) {
            stored = writer.value()->append(
                std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
            return stored.ok();
        };
        auto response = m_transport.send(request);
        if (!stored)
            return stored.error();
        const bool again = attempt < attempts && (response ? isRetryableStatus(response->status)
                                                           : isRetryableError(response.error()));
        if (again) {
            if (!m_transport.sleepUnlessCancelled(m_retry.backoff(attempt, random)))
                return makeTransportError(TransportErrorKind::cancelled,
                                          "The download was cancelled.");
            continue;
        }
        if (!response)
            return response.error();
        if (response->status == 404) {
            return makeError("blob_not_available",
                             "This photo is not on the server yet (the device that took it has "
                             "not uploaded it), or it is not visible to you; try again after the "
                             "next sync.");
        }
        if (response->status != 200)
            return detail::responseError(response.value(), "the server did not send the photo");
        if (Status committed = writer.value()->commit(); !committed)
            return committed.error();
        return target;
    }
}

}  // namespace duban::sync
