#pragma once
// The device's queue of photo bytes to upload (table blob_upload, design.md §6). attachPhoto adds
// to it in the photo's transaction; the uploader in sync/ works through it. Each write is one
// statement (autocommit): the tus location is durable before the first byte is sent.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/database.h"

namespace duban {

enum class BlobKind { photo, thumbnail };
enum class BlobUploadState { pending, uploading, done, failed };

[[nodiscard]] std::string_view toString(BlobKind kind);
[[nodiscard]] std::string_view toString(BlobUploadState state);

struct BlobUpload {
    std::string sha256;
    BlobKind kind = BlobKind::photo;
    std::int64_t size = 0;
    BlobUploadState state = BlobUploadState::pending;
    std::optional<std::string> location;  // the tus upload, once created
    std::int64_t offset = 0;              // the last offset the server confirmed
    int attempts = 0;
    std::optional<std::string> errorCode;
    std::optional<std::string> errorMessage;
    std::string createdAt;
    std::string updatedAt;
};

// Queues a blob (call inside the photo's transaction). A blob already queued or done stays as it
// is; one that failed is queued again (the user attached it anew).
void queueBlobUpload(const Database& db, const std::string& sha256, BlobKind kind,
                     std::int64_t size, std::string_view now);
// Pending and uploading blobs, oldest first.
[[nodiscard]] std::vector<BlobUpload> waitingBlobUploads(const Database& db, int limit = 1000);
// What a sync panel or `duban-client status` shows: files still to send, and refused ones.
struct BlobUploadCounts {
    int waiting = 0;  // pending or uploading
    int failed = 0;
};
[[nodiscard]] BlobUploadCounts countBlobUploads(const Database& db);
// Refused blobs, newest refusal first (the user sees why).
[[nodiscard]] std::vector<BlobUpload> failedBlobUploads(const Database& db, int limit = 200);
[[nodiscard]] std::optional<BlobUpload> findBlobUpload(const Database& db, std::string_view sha256);

// The steps of an upload; each stamps updated_at.
void startBlobUploadAttempt(const Database& db, std::string_view sha256, std::string_view now);
void setBlobUploadLocation(const Database& db, std::string_view sha256,
                           const std::optional<std::string>& location, std::int64_t offset,
                           std::string_view now);
void setBlobUploadOffset(const Database& db, std::string_view sha256, std::int64_t offset,
                         std::string_view now);
void markBlobUploadDone(const Database& db, std::string_view sha256, std::string_view now);
// A refusal the user must see; the blob is not tried again by itself.
void markBlobUploadFailed(const Database& db, std::string_view sha256, std::string_view code,
                          std::string_view message, std::string_view now);
// A passing problem (network, busy server): kept for display, the blob stays waiting.
void noteBlobUploadError(const Database& db, std::string_view sha256, std::string_view code,
                         std::string_view message, std::string_view now);

}  // namespace duban
