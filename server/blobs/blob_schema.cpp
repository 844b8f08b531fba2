#include "server/blobs/blob_schema.h"

namespace duban::server {

std::string_view blobTablesSql() {
    // blob_holder: a user who uploaded the bytes (and so proved to have them) may see the blob
    // before any photo record names it — a device checks HEAD /v1/blobs/<sha256> after an
    // interrupted upload. The photo indexes make the per-request scope check an index lookup.
    return R"sql(
CREATE TABLE blob_holder (
  sha256 TEXT NOT NULL,
  user_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (sha256, user_id)
) WITHOUT ROWID;
CREATE INDEX photo_by_sha256 ON photo(sha256);
CREATE INDEX photo_by_thumbnail ON photo(thumbnail_sha256);
CREATE INDEX upload_by_user ON upload(user_id, expires_at);
)sql";
}

}  // namespace duban::server
