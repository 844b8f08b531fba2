#include "sync/sync_engine.h"
#include "core/util/log.h"

#include <nlohmann/json.hpp>

namespace duban::sync {

namespace {
const log::Category kLog{"duban.sync.engine"};
}  // namespace

SyncEngine::SyncEngine(LocalStore& store, HttpTransport& transport, SyncOptions options)
    : m_store(store), m_transport(transport), m_options(std::move(options)) {
    m_options.retry.clock = &m_store.clock();
}

Result<SyncReport> SyncEngine::syncOnce() {
    // A cancel belongs to the run it stopped; this one starts afresh.
    m_transport.resetCancel();
    SyncReport report;
    // Push first: the server then judges our edits against the state we saw, and the pull that
    // follows brings back their final versions (and anything they lost to).
    if (Status pushed = push(report); !pushed)
        return pushed.error();
    if (Status uploaded = upload(report); !uploaded)
        return uploaded.error();
    if (Status pulled = pull(report); !pulled)
        return pulled.error();
    return report;
}

Status SyncEngine::push(SyncReport& report) {
    try {
        return detail::pushOutbox(m_store.database(), m_store.clock(), m_transport, m_options,
                                  report, m_progress);
    } catch (const DatabaseError& e) {
        log::error(kLog, std::string("the local store failed during sync: ") + e.what());
        return makeError("store_failed",
                         std::string("sync could not write the local store: ") + e.what());
    }
}

Status SyncEngine::upload(SyncReport& report) {
    UploadOptions options;
    options.chunkBytes = m_options.chunkBytes;
    options.chunkChecksums = m_options.chunkChecksums;
    options.growBelow = m_options.chunkGrowBelow;
    options.retry = m_options.retry;
    PhotoUploader uploader(m_store, m_transport, options);
    uploader.setProgressCallback(m_options.uploadProgress);
    UploadReport uploads;
    const Status status = uploader.uploadPending(uploads);
    report.uploadedBlobs += uploads.uploaded;
    report.deduplicatedBlobs += uploads.deduplicated;
    report.failedBlobs += uploads.failed;
    report.uploadedBytes += uploads.bytesSent;
    return status;
}

Status SyncEngine::pull(SyncReport& report) {
    try {
        return detail::pullChanges(m_store.database(), m_transport, m_options, report, m_progress);
    } catch (const DatabaseError& e) {
        log::error(kLog, std::string("the local store failed during sync: ") + e.what());
        return makeError("store_failed",
                         std::string("sync could not write the local store: ") + e.what());
    }
}

PullPosition SyncEngine::pullPosition() const {
    return detail::storedPullPosition(m_store.database());
}

namespace detail {

Error responseError(const HttpResponse& response, std::string_view what) {
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_object()) {
        const auto& error = body["error"];
        return makeError(error.value("code", "http_" + std::to_string(response.status)),
                         std::string(what) + ": " + error.value("message", std::string()));
    }
    return makeError("http_" + std::to_string(response.status),
                     std::string(what) + ": the server answered " +
                         std::to_string(response.status) + "; try again later.");
}

}  // namespace detail
}  // namespace duban::sync
