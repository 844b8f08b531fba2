#include "core/store/blob_uploads.h"

namespace duban {
namespace {

BlobUploadState parseState(std::string_view text) {
    if (text == "uploading")
        return BlobUploadState::uploading;
    if (text == "done")
        return BlobUploadState::done;
    if (text == "failed")
        return BlobUploadState::failed;
    return BlobUploadState::pending;
}

// The columns of both SELECTs below, in this order.
BlobUpload readRow(const Statement& s) {
    BlobUpload row;
    row.sha256 = s.text(0);
    row.kind = s.text(1) == "thumbnail" ? BlobKind::thumbnail : BlobKind::photo;
    row.size = s.int64(2);
    row.state = parseState(s.text(3));
    row.location = s.optionalText(4);
    row.offset = s.int64(5);
    row.attempts = s.integer(6);
    row.errorCode = s.optionalText(7);
    row.errorMessage = s.optionalText(8);
    row.createdAt = s.text(9);
    row.updatedAt = s.text(10);
    return row;
}

}  // namespace

std::string_view toString(BlobKind kind) {
    return kind == BlobKind::thumbnail ? "thumbnail" : "photo";
}

std::string_view toString(BlobUploadState state) {
    switch (state) {
        case BlobUploadState::pending:
            return "pending";
        case BlobUploadState::uploading:
            return "uploading";
        case BlobUploadState::done:
            return "done";
        case BlobUploadState::failed:
            return "failed";
    }
    return "pending";
}

void queueBlobUpload(const Database& db, const std::string& sha256, BlobKind kind,
                     std::int64_t size, std::string_view now) {
    db.prepare(R"sql(
        INSERT INTO blob_upload (sha256, kind, size, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
        ON CONFLICT (sha256) DO UPDATE SET state = 'pending', location = NULL, upload_offset = 0,
          error_code = NULL, error_message = NULL, created_at = ?4, updated_at = ?4
          WHERE state = 'failed')sql")
        .bindAll(sha256, toString(kind), size, now)
        .run();
}

std::vector<BlobUpload> waitingBlobUploads(const Database& db, int limit) {
    Statement s = db.prepare(R"sql(
        SELECT sha256, kind, size, state, location, upload_offset, attempts, error_code,
               error_message, created_at, updated_at
          FROM blob_upload WHERE state IN ('pending', 'uploading')
         ORDER BY created_at, rowid LIMIT ?)sql");
    s.bindAll(limit);
    std::vector<BlobUpload> rows;
    while (s.step())
        rows.push_back(readRow(s));
    return rows;
}

BlobUploadCounts countBlobUploads(const Database& db) {
    Statement s = db.prepare(
        "SELECT count(*) FILTER (WHERE state IN ('pending', 'uploading')), "
        "count(*) FILTER (WHERE state = 'failed') FROM blob_upload");
    s.step();
    return {s.integer(0), s.integer(1)};
}

std::vector<BlobUpload> failedBlobUploads(const Database& db, int limit) {
    // blob_upload_failed serves this (a partial index: refusals are few).
    Statement s = db.prepare(R"sql(
        SELECT sha256, kind, size, state, location, upload_offset, attempts, error_code,
               error_message, created_at, updated_at
          FROM blob_upload WHERE state = 'failed'
         ORDER BY updated_at DESC LIMIT ?)sql");
    s.bindAll(limit);
    std::vector<BlobUpload> rows;
    while (s.step())
        rows.push_back(readRow(s));
    return rows;
}

std::optional<BlobUpload> findBlobUpload(const Database& db, std::string_view sha256) {
    Statement s = db.prepare(R"sql(
        SELECT sha256, kind, size, state, location, upload_offset, attempts, error_code,
               error_message, created_at, updated_at
          FROM blob_upload WHERE sha256 = ?)sql");
    s.bindAll(sha256);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

void startBlobUploadAttempt(const Database& db, std::string_view sha256, std::string_view now) {
    db.prepare("UPDATE blob_upload SET attempts = attempts + 1, updated_at = ?2 WHERE sha256 = ?1")
        .bindAll(sha256, now)
        .run();
}

void setBlobUploadLocation(const Database& db, std::string_view sha256,
                           const std::optional<std::string>& location, std::int64_t offset,
                           std::string_view now) {
    db.prepare(R"sql(
        UPDATE blob_upload SET location = ?2, upload_offset = ?3, updated_at = ?4,
          state = CASE WHEN ?2 IS NULL THEN 'pending' ELSE 'uploading' END
         WHERE sha256 = ?1)sql")
        .bindAll(sha256, location, offset, now)
        .run();
}

void setBlobUploadOffset(const Database& db, std::string_view sha256, std::int64_t offset,
                         std::string_view now) {
    db.prepare("UPDATE blob_upload SET upload_offset = ?2, updated_at = ?3 WHERE sha256 = ?1")
        .bindAll(sha256, offset, now)
        .run();
}

void markBlobUploadDone(const Database& db, std::string_view sha256, std::string_view now) {
    db.prepare(R"sql(
        UPDATE blob_upload SET state = 'done', location = NULL, upload_offset = size,
          error_code = NULL, error_message = NULL, updated_at = ?2
         WHERE sha256 = ?1)sql")
        .bindAll(sha256, now)
        .run();
}

void markBlobUploadFailed(const Database& db, std::string_view sha256, std::string_view code,
                          std::string_view message, std::string_view now) {
    db.prepare(R"sql(
        UPDATE blob_upload SET state = 'failed', location = NULL, upload_offset = 0,
          error_code = ?2, error_message = ?3, updated_at = ?4
         WHERE sha256 = ?1)sql")
        .bindAll(sha256, code, message, now)
        .run();
}

void noteBlobUploadError(const Database& db, std::string_view sha256, std::string_view code,
                         std::string_view message, std::string_view now) {
    db.prepare(R"sql(
        UPDATE blob_upload SET error_code = ?2, error_message = ?3, updated_at = ?4
         WHERE sha256 = ?1)sql")
        .bindAll(sha256, code, message, now)
        .run();
}

}  // namespace duban
