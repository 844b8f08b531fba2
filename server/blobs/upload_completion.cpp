#include "server/blobs/upload_completion.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

#include "core/domain/dates.h"
#include "server/audit/audit_log.h"
#include "server/blobs/file_io.h"
#include "server/blobs/jpeg_gate.h"
#include "server/http/api.h"

namespace duban::server {
namespace {

bool holds(const Database& db, const std::string& sha256, const std::string& userId) {
    Statement s = db.prepare("SELECT 1 FROM blob_holder WHERE sha256 = ? AND user_id = ?");
    s.bindAll(sha256, userId);
    return s.step();
}

Status checkContent(const File& file, const UploadRow& row) {
    const auto hash = sha256OfFile(file, row.length);
    if (!hash)
        return makeError("upload_lost", "the upload's bytes are incomplete on the server.");
    if (*hash != row.sha256) {
        return makeError("checksum_mismatch",
                         "the uploaded bytes have SHA-256 " + *hash + ", not the " + row.sha256 +
                             " declared at creation; the upload was discarded — start again.");
    }
    std::vector<char> header(
        static_cast<std::size_t>(std::min<std::uint64_t>(row.length, JpegGate::kWindowBytes)));
    const std::size_t got = file.readAt(header.data(), header.size(), 0);
    JpegGate gate({}, 0);
    if (Status fed = gate.feed(header.data(), got); !fed)
        return fed;
    return gate.finish();
}

void audit(const Database& db, const Clock& clock, const UploadRow& row, const std::string& result,
           nlohmann::json detail, const std::string& remoteAddr) {
    detail["upload_id"] = row.id;
    detail["size"] = row.length;
    appendAudit(db, clock,
                AuditEntry{row.userId, row.deviceId, "upload", "blob:" + row.sha256, result,
                           std::move(detail), remoteAddr});
}

}  // namespace

bool needsCompletion(const BlobServices& services, const Database& db, const UploadRow& row) {
    if (!row.complete())
        return false;
    std::error_code error;
    return std::filesystem::exists(services.uploadFile(row.id), error) ||
           !holds(db, row.sha256, row.userId);
}

void dropUpload(BlobServices& services, const Database& db, const UploadRow& row,
                const Error& reason, const std::string& remoteAddr) {
    removeFile(services.uploadFile(row.id));
    Transaction tx(db);
    deleteUploadRow(db, row.id);
    audit(db, services.context.clock, row, reason.code, {{"message", reason.message}}, remoteAddr);
    tx.commit();
    services.context.log.info("blobs", "upload refused",
                              {{"upload", row.id}, {"code", reason.code}});
}

Status completeUpload(BlobServices& services, const Database& db, const UploadRow& row,
                      const std::string& remoteAddr) {
    const std::filesystem::path path = services.uploadFile(row.id);
    bool storedNew = false;
    if (auto file = File::open(path, false)) {
        if (Status content = checkContent(*file, row); !content) {
            dropUpload(services, db, row, content.error(), remoteAddr);
            return content;
        }
        if (file->size() > row.length) {
            // Bytes past the declared length can only be a crash's leftovers; they are not part
            // of the verified blob.
            File::open(path, true)->truncate(row.length);
        }
        storedNew = services.store.adopt(path, row.sha256);
    } else if (!services.store.contains(row.sha256)) {
        const Error lost = makeError(
            "upload_lost", "the server no longer has this upload's bytes; start a new upload.");
        dropUpload(services, db, row, lost, remoteAddr);
        return lost;
    }
    // Otherwise an earlier completion stored the bytes and stopped before recording them.
    Transaction tx(db);
    const std::int64_t now = services.context.clock.nowMs();
    db.prepare("INSERT OR IGNORE INTO blob (sha256, size, created_at) VALUES (?, ?, ?)")
        .bindAll(row.sha256, static_cast<std::int64_t>(row.length), formatInstantUtc(now))
        .run();
    db.prepare("INSERT OR IGNORE INTO blob_holder (sha256, user_id, at) VALUES (?, ?, ?)")
        .bindAll(row.sha256, row.userId, now)
        .run();
    audit(db, services.context.clock, row, "ok", {{"stored", storedNew ? "new" : "existing"}},
          remoteAddr);
    tx.commit();
    services.context.log.info("blobs", "upload complete",
                              {{"upload", row.id}, {"sha256", row.sha256}, {"new", storedNew}});
    return Ok{};
}

int uploadRefusalStatus(const Error& error) {
    if (error.code == "checksum_mismatch" || error.code == "chunk_checksum_mismatch")
        return 460;  // tus checksum extension: Checksum Mismatch
    if (error.code == media::kErrorNotJpeg)
        return 415;
    if (error.code == "upload_lost")
        return 404;
    if (error.code == "payload_too_large")
        return 413;
    if (error.code == "upload_length_exceeded")
        return 400;
    return statusFor(error.code);
}

}  // namespace duban::server
