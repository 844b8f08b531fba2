#pragma once
// What the blob and upload endpoints share: the server context, the blob store, the upload
// folder and the per-upload locks. Built once by registerBlobRoutes.
#include <filesystem>
#include <string>
#include <string_view>

#include "server/app/server_context.h"
#include "server/blobs/blob_store.h"
#include "server/blobs/upload_store.h"

namespace duban::server {

struct BlobServices {
    explicit BlobServices(ServerContext& serverContext)
        : context(serverContext),
          store(serverContext.config.blobDir()),
          uploadDir(serverContext.config.uploadDir()) {}

    // An upload's file, named by its server-made id (validated as a UUID before it gets here).
    [[nodiscard]] std::filesystem::path uploadFile(std::string_view id) const {
        return uploadDir / std::string(id);
    }

    ServerContext& context;
    BlobStore store;
    std::filesystem::path uploadDir;
    UploadLocks locks;
};

}  // namespace duban::server
