#pragma once
// The tus 1.0.0 endpoints under /v1/uploads (core, creation, checksum, termination,
// expiration) and what their handlers share.
#include <memory>
#include <optional>
#include <string>

#include "server/auth/session.h"
#include "server/blobs/blob_services.h"

namespace duban::server {

void registerTusRoutes(Router& router, const std::shared_ptr<BlobServices>& services);
void registerTusPatchRoute(Router& router, const std::shared_ptr<BlobServices>& services);

namespace tus {

// Tus-Resumable on every response of the protocol.
void setProtocolHeaders(Response& response);
// False after answering 412 (with Tus-Version) when the request does not speak tus 1.0.0.
[[nodiscard]] bool acceptsVersion(const Request& request, Response& response);
// Upload-Offset, Upload-Length, Upload-Expires.
void setUploadHeaders(Response& response, const UploadRow& row);

}  // namespace tus

// The caller's own, unexpired upload `id`; otherwise answers 404 and returns nullopt. Uploads of
// other users are 404 too: their existence is not revealed. An expired upload found here is
// removed when `lockHeld` (or its lock is free).
[[nodiscard]] std::optional<UploadRow> findOwnUpload(BlobServices& services, const Database& db,
                                                     const Session& session, const std::string& id,
                                                     Response& response, bool lockHeld);

struct LockedUpload {
    UploadLocks::Guard guard;
    UploadRow row;
};
// The caller's own upload, held for this request; otherwise answers 404 (as findOwnUpload) or
// 423 Locked (another request holds it — tus clients retry) and returns nullopt. Ownership is
// checked before the lock, so a 423 tells nothing to anyone else.
[[nodiscard]] std::optional<LockedUpload> lockOwnUpload(BlobServices& services, const Database& db,
                                                        const Session& session,
                                                        const std::string& id, Response& response);

}  // namespace duban::server
