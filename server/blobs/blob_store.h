#pragma once
// The content-addressed blob store: DATA/blobs/ab/cdef… named by the SHA-256 the server computed
// itself — never by anything a client sent. Files enter only by adopt(), after verification, so a
// file in the store is always the bytes its name says.
#include <filesystem>
#include <string_view>

namespace duban::server {

// Exactly 64 lowercase hex digits: the only form a blob name or path parameter may take.
[[nodiscard]] bool isSha256Hex(std::string_view text);

class BlobStore {
public:
    explicit BlobStore(std::filesystem::path root) : m_root(std::move(root)) {}

    // `sha256` must satisfy isSha256Hex.
    [[nodiscard]] std::filesystem::path pathOf(std::string_view sha256) const;
    [[nodiscard]] bool contains(std::string_view sha256) const;

    // Moves `verified` (whose SHA-256 is `sha256`) into the store by an atomic rename and makes
    // it durable. When the blob is stored already, `verified` is removed instead (dedup). Returns
    // whether new bytes were stored.
    bool adopt(const std::filesystem::path& verified, std::string_view sha256) const;

private:
    std::filesystem::path m_root;
};

}  // namespace duban::server
