#pragma once
// The last step of an upload: the whole file's SHA-256 must be the one declared at creation and
// its header a JPEG's; only then are the bytes renamed into the blob store (or dropped when the
// blob is there already) and the blob recorded. A blob is never visible before this check.
#include <string>

#include "core/store/database.h"
#include "core/util/result.h"
#include "server/blobs/blob_services.h"
#include "server/blobs/upload_store.h"

namespace duban::server {

// Whether a complete upload still has to be verified and stored (its final PATCH, or a crash
// between storing the bytes and recording them).
[[nodiscard]] bool needsCompletion(const BlobServices& services, const Database& db,
                                   const UploadRow& row);

// Verifies and stores a complete upload; call with the upload's lock held. Refusals —
// checksum_mismatch, photo_* and upload_lost — remove the upload (file and row). Every outcome
// is audited (action "upload"). The completed row stays until it expires, so a client that lost
// the final response learns from HEAD that nothing is missing.
[[nodiscard]] Status completeUpload(BlobServices& services, const Database& db,
                                    const UploadRow& row, const std::string& remoteAddr);

// Removes an upload's file and row and audits why (a refusal of its content).
void dropUpload(BlobServices& services, const Database& db, const UploadRow& row,
                const Error& reason, const std::string& remoteAddr);

// The HTTP status of a completion or content refusal.
[[nodiscard]] int uploadRefusalStatus(const Error& error);

}  // namespace duban::server
