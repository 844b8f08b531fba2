#include "server/blobs/upload_store.h"

namespace duban::server {

std::optional<UploadRow> findUpload(const Database& db, std::string_view id) {
    Statement s = db.prepare(R"sql(
        SELECT id, user_id, device_id, sha256, length, offset, created_at, expires_at
          FROM upload WHERE id = ?)sql");
    s.bindAll(id);
    if (!s.step())
        return std::nullopt;
    return UploadRow{s.text(0),
                     s.text(1),
                     s.text(2),
                     s.text(3),
                     static_cast<std::uint64_t>(s.int64(4)),
                     static_cast<std::uint64_t>(s.int64(5)),
                     s.int64(6),
                     s.int64(7)};
}

void insertUpload(const Database& db, const UploadRow& row) {
    db.prepare(R"sql(
        INSERT INTO upload (id, user_id, device_id, sha256, length, offset, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql")
        .bindAll(row.id, row.userId, row.deviceId, row.sha256,
                 static_cast<std::int64_t>(row.length), static_cast<std::int64_t>(row.offset),
                 row.createdAt, row.expiresAt)
        .run();
}

void setUploadOffset(const Database& db, std::string_view id, std::uint64_t offset) {
    db.prepare("UPDATE upload SET offset = ? WHERE id = ?")
        .bindAll(static_cast<std::int64_t>(offset), id)
        .run();
}

void deleteUploadRow(const Database& db, std::string_view id) {
    db.prepare("DELETE FROM upload WHERE id = ?").bindAll(id).run();
}

int countOpenUploads(const Database& db, std::string_view userId, std::int64_t nowMs) {
    Statement s = db.prepare(
        "SELECT count(*) FROM upload WHERE user_id = ? AND expires_at > ? AND offset < length");
    s.bindAll(userId, nowMs);
    s.step();
    return s.integer(0);
}

std::optional<UploadLocks::Guard> UploadLocks::tryLock(const std::string& id) {
    const std::lock_guard lock(m_mutex);
    if (!m_held.insert(id).second)
        return std::nullopt;
    return std::optional<Guard>(std::in_place, *this, id);
}

void UploadLocks::release(const std::string& id) {
    const std::lock_guard lock(m_mutex);
    m_held.erase(id);
}

}  // namespace duban::server
