#pragma once
// Photos and thumbnails on demand (design.md §6): a blob is fetched the first time it is shown (a
// thumbnail in a list, a photo when opened), streamed to a temporary file, checked against its
// SHA-256 and only then put where the local store keeps blobs; from then on it is read from
// there without asking the server. Blobs this device attached are there from the start.
#include <filesystem>
#include <string>

#include "core/store/local_store.h"
#include "core/util/result.h"
#include "sync/http_transport.h"
#include "sync/retry_policy.h"

namespace duban::sync {

class BlobCache {
public:
    BlobCache(LocalStore& store, HttpTransport& transport, RetryPolicy retry = {});

    // The local file holding the blob, downloading it first when needed. Errors: "invalid" (not
    // a SHA-256), "blob_not_available" (the server does not have it yet, or not for this user),
    // "blob_corrupt" (the bytes received do not match: nothing is kept), "blob_io", the
    // transport's codes, and the server's refusals.
    [[nodiscard]] Result<std::filesystem::path> fetchBlob(const std::string& sha256);

private:
    LocalStore& m_store;
    HttpTransport& m_transport;
    RetryPolicy m_retry;
};

}  // namespace duban::sync
