#pragma once
// tus expiration: an upload not finished within uploadLifetimeMs is removed with its file, so
// abandoned uploads do not fill the disk. Runs when the server starts and on every new upload;
// HEAD and PATCH also treat an expired upload as gone.
#include <cstdint>

#include "core/store/database.h"
#include "server/blobs/blob_services.h"

namespace duban::server {

// Removes up to `limit` expired uploads (file and row), skipping any a request holds right now.
// Returns how many were removed.
int removeExpiredUploads(BlobServices& services, const Database& db, std::int64_t nowMs,
                         int limit = 200);

// Removes files in the upload folder that no upload row names: left by a crash between creating
// an upload's file and recording it. Run at start, before requests arrive.
int removeOrphanUploadFiles(const BlobServices& services, const Database& db);

}  // namespace duban::server
