#include "qml/app/sync_worker.h"

#include "core/store/blob_uploads.h"
#include "core/store/inbox.h"
#include "core/store/pending_uploads.h"
#include "qml/app/error_text.h"
#include "qml/app/log_categories.h"
#include "sync/blob_cache.h"
#include "sync/http_transport.h"

namespace duban::app {

SyncWorker::SyncWorker(std::unique_ptr<LocalStore> store,
                       std::unique_ptr<sync::CurlTransport> transport, sync::SyncOptions options)
    : m_store(std::move(store)), m_transport(std::move(transport)) {
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_transport, std::move(options));
}

SyncWorker::~SyncWorker() = default;

SyncWorker::Outcome SyncWorker::runOnce(const std::function<void(const char*, double)>& progress) {
    m_engine->setProgressCallback([&](const sync::SyncProgress& p) {
        const bool pushing = p.phase == sync::SyncPhase::push;
        progress(pushing ? "push" : "pull",
                 pushing && p.total > 0 ? static_cast<double>(p.done) / p.total : -1.0);
    });
    Outcome outcome;
    const auto report = m_engine->syncOnce();
    outcome.ok = static_cast<bool>(report);
    if (!report) {
        outcome.error = userErrorText(report.error(), ErrorScene::sync).toStdString();
        outcome.offline =
            sync::transportErrorKind(report.error()) == sync::TransportErrorKind::connect ||
            sync::transportErrorKind(report.error()) == sync::TransportErrorKind::timeout;
    }
    outcome.counts = counts();
    if (outcome.ok)
        outcome.position = m_engine->pullPosition();
    return outcome;
}

Result<std::filesystem::path> SyncWorker::fetchBlob(const std::string& sha256) {
    sync::BlobCache cache(*m_store, *m_transport);
    return cache.fetchBlob(sha256);
}

DeviceCounts SyncWorker::counts() const {
    DeviceCounts counts;
    try {
        const Database& db = m_store->database();
        counts.pending = m_store->pendingCount();
        const PendingUploads waiting = countPendingUploads(db);
        counts.waitingRecords = waiting.records;
        counts.waitingPhotos = waiting.photos;
        counts.inboxOpen = openInboxCount(db);
        const BlobUploadCounts blobs = countBlobUploads(db);
        counts.photoFilesWaiting = blobs.waiting;
        counts.photoFilesFailed = blobs.failed;
    } catch (const DatabaseError& e) {
        // Counts are for display; the next run reads them again.
        qCWarning(lcSync, "reading the device's counts failed: %s", e.what());
    }
    return counts;
}

}  // namespace duban::app
