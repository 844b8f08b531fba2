#include "server/blobs/upload_expiry.h"

#include <string>
#include <vector>

#include "core/util/uuid.h"
#include "server/blobs/file_io.h"

namespace duban::server {

int removeExpiredUploads(BlobServices& services, const Database& db, std::int64_t nowMs,
                         int limit) {
    std::vector<std::string> expired;
    {
        Statement s =
            db.prepare("SELECT id FROM upload WHERE expires_at <= ? ORDER BY expires_at LIMIT ?");
        s.bindAll(nowMs, limit);
        while (s.step())
            expired.push_back(s.text(0));
    }
    int removed = 0;
    for (const std::string& id : expired) {
        const auto guard = services.locks.tryLock(id);
        if (!guard)
            continue;  // a PATCH is finishing it; the next sweep will see it again
        removeFile(services.uploadFile(id));
        deleteUploadRow(db, id);
        ++removed;
    }
    if (removed > 0)
        services.context.log.info("blobs", "expired uploads removed", {{"count", removed}});
    return removed;
}

int removeOrphanUploadFiles(const BlobServices& services, const Database& db) {
    std::error_code error;
    std::filesystem::directory_iterator it(services.uploadDir, error);
    if (error)
        return 0;
    int removed = 0;
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        bool known = false;
        if (isUuid(name)) {
            Statement s = db.prepare("SELECT 1 FROM upload WHERE id = ?");
            s.bindAll(name);
            known = s.step();
        }
        if (!known && entry.is_regular_file()) {
            removeFile(entry.path());
            ++removed;
        }
    }
    if (removed > 0)
        services.context.log.info("blobs", "orphan upload files removed", {{"count", removed}});
    return removed;
}

}  // namespace duban::server
