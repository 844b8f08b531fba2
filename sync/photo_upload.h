#pragma once
// Photo bytes to the server by tus 1.0 (design.md §6, docs/api.md "Photos"). Works through the
// local store's blob_upload queue, oldest first: HEAD /v1/blobs/<sha256> first (already there:
// nothing is sent), else resume the stored tus upload from the server's Upload-Offset, else
// POST a new one — its location is stored before the first PATCH, so an upload resumes after the
// process restarts. Chunks stream from the blob file (memory O(buffer)). A cut re-sends at most
// the chunk in flight; by default not even that (see chunkChecksums). Chunks grow on a fast link
// (growBelow).
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "core/domain/sync_limits.h"
#include "core/store/blob_uploads.h"
#include "core/store/local_store.h"
#include "core/util/result.h"
#include "sync/http_transport.h"
#include "sync/retry_policy.h"

namespace duban::sync {

struct UploadOptions {
    std::int64_t chunkBytes = kFirstChunkBytes;  // bytes per PATCH; cut to kMaxChunkBytes
    // Send `Upload-Checksum: sha1 …` with each chunk. Off by default (D18): TLS already protects
    // the bytes on the way and the server checks the whole file's SHA-256 before the blob exists;
    // without a chunk checksum the server keeps the bytes of a cut chunk, so a resume re-sends
    // only what did not arrive instead of the whole chunk.
    bool chunkChecksums = false;
    // On a fast link the fixed cost of a PATCH (a request, a durable offset on both ends)
    // outweighs its bytes, so chunks grow: a full chunk confirmed in less than this doubles the
    // next, up to 8 MiB; a failed one starts again from chunkBytes. Not with chunk checksums,
    // where a cut re-sends the whole chunk it hit. Zero keeps every chunk at chunkBytes.
    std::chrono::milliseconds growBelow{250};
    RetryPolicy retry;  // for HEAD and POST, and the backoff after a failed PATCH
    // Requests in a row that move no byte forward (a broken link, a busy upload) before the run
    // gives up; the upload stays resumable.
    int maxStalls = 8;
    // How long to wait when the server still holds the upload for a previous, cut request (423).
    std::chrono::milliseconds busyWait{300};
};

struct UploadProgress {
    std::string sha256;
    BlobKind kind = BlobKind::photo;
    std::int64_t blobSent = 0;  // bytes of this blob the server has, plus those on the way
    std::int64_t blobTotal = 0;
    std::int64_t overallSent = 0;  // over the blobs this run found waiting
    std::int64_t overallTotal = 0;
};
// Called on the uploading thread, often; keep it quick. It may call the transport's cancel().
using UploadProgressCallback = std::function<void(const UploadProgress&)>;

struct UploadReport {
    int uploaded = 0;                  // blobs this run completed on the server
    int deduplicated = 0;              // already on the server (HEAD 200): nothing sent
    int failed = 0;                    // refused for their content: marked failed, the user is told
    std::int64_t bytesSent = 0;        // chunk bytes handed to the network, re-sent ones included
    std::int64_t largestCutChunk = 0;  // the largest chunk of a failed PATCH: what a cut may cost
};

class PhotoUploader {
public:
    PhotoUploader(LocalStore& store, HttpTransport& transport, UploadOptions options = {});

    void setProgressCallback(UploadProgressCallback callback) { m_progress = std::move(callback); }

    // Uploads every waiting blob. A blob the server refuses for its content (400, 413, 415, 422,
    // a whole-file checksum mismatch) or whose file is gone is marked failed with the server's
    // message, and the next one goes on. A transport error, cancel(), a refused session or a
    // server that stays busy ends the run with that error; what was confirmed stays stored, so
    // the next run resumes from the server's offset.
    [[nodiscard]] Status uploadPending(UploadReport& report);

private:
    class Run;

    LocalStore& m_store;
    HttpTransport& m_transport;
    UploadOptions m_options;
    UploadProgressCallback m_progress;
};

}  // namespace duban::sync
