#pragma once
// Upload rows (table `upload`) and the in-process locks that let one request at a time change an
// upload. An upload's file is DATA/uploads/<id>, named by the server-made id only; its row's
// `offset` counts only bytes that are already fsync'd, so HEAD always tells the truth.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/store/database.h"

namespace duban::server {

struct UploadRow {
    std::string id;
    std::string userId;
    std::string deviceId;
    std::string sha256;  // declared by the client at creation; checked at completion
    std::uint64_t length = 0;
    std::uint64_t offset = 0;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;

    [[nodiscard]] bool complete() const { return offset == length; }
};

[[nodiscard]] std::optional<UploadRow> findUpload(const Database& db, std::string_view id);
void insertUpload(const Database& db, const UploadRow& row);
void setUploadOffset(const Database& db, std::string_view id, std::uint64_t offset);
void deleteUploadRow(const Database& db, std::string_view id);
// Uploads of `userId` still receiving bytes and not expired.
[[nodiscard]] int countOpenUploads(const Database& db, std::string_view userId, std::int64_t nowMs);

// One request at a time per upload: a second PATCH (a client retrying while the server still
// reads the first one's dead connection) gets 423 Locked, which tus clients retry. The locks live
// in this process; instances behind a load balancer need the client's requests for one upload to
// reach one instance (or a shared lock), see docs/decisions.md.
class UploadLocks {
public:
    class Guard {
    public:
        Guard(UploadLocks& locks, std::string id) : m_locks(&locks), m_id(std::move(id)) {}
        Guard(Guard&& other) noexcept
            : m_locks(std::exchange(other.m_locks, nullptr)), m_id(std::move(other.m_id)) {}
        Guard(const Guard&) = delete;
        Guard& operator=(const Guard&) = delete;
        Guard& operator=(Guard&&) = delete;
        ~Guard() {
            if (m_locks != nullptr)
                m_locks->release(m_id);
        }

    private:
        UploadLocks* m_locks;
        std::string m_id;
    };

    // nullopt when another request holds the upload.
    [[nodiscard]] std::optional<Guard> tryLock(const std::string& id);

private:
    void release(const std::string& id);

    std::mutex m_mutex;
    std::set<std::string> m_held;
};

}  // namespace duban::server
