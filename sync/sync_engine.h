#pragma once
// The client sync engine (design.md §5): pushes the local outbox, uploads waiting photo bytes
// (§6, photo_upload.h), then pulls the server's changes into the local store. Exactly-once rests on
// the server (a mutation number is applied once) and on one rule here: an outbox entry leaves the
// device only in the transaction that stores its result. A run that stops half-way (network gone,
// app killed) leaves a state the next run continues from; nothing is lost and nothing applies
// twice.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "core/domain/sync_limits.h"
#include "core/store/local_store.h"
#include "core/util/result.h"
#include "sync/change_watch.h"
#include "sync/http_transport.h"
#include "sync/photo_upload.h"
#include "sync/retry_policy.h"

namespace duban::sync {

struct SyncOptions {
    std::string deviceId;  // the device id the transport's token was issued for
    // The servers' maxima (core/domain/sync_limits.h): fewer round trips and durable commits
    // (docs/performance.md).
    int batchSize = kMaxPushMutations;                // mutations per push
    int pullLimit = kMaxPullLimit;                    // changes per pull page
    std::size_t maxPushBytes = kPushBodyBudgetBytes;  // a push body stays under this
    RetryPolicy retry;
    std::int64_t chunkBytes = kFirstChunkBytes;     // photo bytes per tus PATCH
    bool chunkChecksums = false;                    // Upload-Checksum per chunk (UploadOptions)
    std::chrono::milliseconds chunkGrowBelow{250};  // chunks grow on a fast link (UploadOptions)
    UploadProgressCallback uploadProgress;          // per blob and overall
};

struct SyncReport {
    int pushed = 0;      // outbox entries whose result was stored
    int applied = 0;     // applied or merged (their new version stored locally)
    int merged = 0;      // applied, with a field lost to a later edit (a conflict follows)
    int duplicates = 0;  // already applied by an earlier, interrupted run
    int rejected = 0;    // moved to the inbox
    int conflicts = 0;   // conflict records pulled into the inbox
    int pulled = 0;      // changes applied from pull pages (tombstones included)
    int skipped = 0;     // pulled changes not applied: the record has local unsent edits
    int dropped = 0;     // local copies removed after a scope change
    bool scopeChanged = false;
    int uploadedBlobs = 0;           // photos and thumbnails whose bytes this run completed
    int deduplicatedBlobs = 0;       // already on the server: nothing sent
    int failedBlobs = 0;             // refused by the server (the user sees why)
    std::int64_t uploadedBytes = 0;  // photo bytes sent, re-sent ones included
};

enum class SyncPhase { push, pull };

// Where a run is, for a progress bar: records pushed of those queued when the run started;
// changes pulled so far (the server does not say how many remain, so `total` is 0 then).
struct SyncProgress {
    SyncPhase phase = SyncPhase::push;
    int done = 0;
    int total = 0;
};
// Called on the thread running syncOnce(), after each stored batch or page; keep it quick.
using SyncProgressCallback = std::function<void(const SyncProgress&)>;

// One engine per store connection, run on one thread at a time (the app's sync worker, with its
// own LocalStore on the same file as the UI's). cancel() may come from any thread.
class SyncEngine {
public:
    SyncEngine(LocalStore& store, HttpTransport& transport, SyncOptions options);

    // Set before a run starts.
    void setProgressCallback(SyncProgressCallback callback) { m_progress = std::move(callback); }
    // Stops the run in progress at once (the request in flight, a retry's wait, every later
    // request): it returns "cancelled", having kept everything stored before. The next
    // syncOnce() starts afresh.
    void cancel() { m_transport.cancel(); }

    // Push, upload photos, then pull. An error (transport, server refusal, local store) ends the
    // run; what was stored before it stays stored, so calling again resumes.
    [[nodiscard]] Result<SyncReport> syncOnce();
    [[nodiscard]] Status push(SyncReport& report);
    [[nodiscard]] Status pull(SyncReport& report);
    // The photo bytes waiting in the store (after push: the server then knows the photo records,
    // so a blob another user already uploaded is visible to HEAD and is not sent again).
    [[nodiscard]] Status upload(SyncReport& report);
    // Where the stored pull stands (after a run: what a change watch starts from).
    [[nodiscard]] PullPosition pullPosition() const;

private:
    LocalStore& m_store;
    HttpTransport& m_transport;
    SyncOptions m_options;
    SyncProgressCallback m_progress;
};

namespace detail {
// Implemented in push.cpp and pull.cpp.
// `clock` stamps what moves to the inbox.
Status pushOutbox(const Database& db, const Clock& clock, HttpTransport& transport,
                  const SyncOptions& options, SyncReport& report,
                  const SyncProgressCallback& progress);
Status pullChanges(const Database& db, HttpTransport& transport, const SyncOptions& options,
                   SyncReport& report, const SyncProgressCallback& progress);
PullPosition storedPullPosition(const Database& db);
// The server's error body as an Error ("http_<status>" when the body says nothing).
Error responseError(const HttpResponse& response, std::string_view what);
}  // namespace detail

}  // namespace duban::sync
