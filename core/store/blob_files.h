#pragma once
// A device's photo bytes (design.md §6): content-addressed files next to the local store,
// `<folder of store.db>/blobs/<first 2 hex>/<sha256>`. A file is written to a temporary name,
// fsync'd, checked against its SHA-256 and only then renamed into place (and the folder fsync'd),
// so a file under a blob's name always holds exactly those bytes: an existing file is a done one.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/util/result.h"
#include "core/util/sha256.h"

namespace duban {

// 64 lowercase hex digits: the only names a blob file may have (never a path from input).
[[nodiscard]] bool isSha256Hex(std::string_view text);

// Where the blob's bytes live below `blobsFolder`; empty for a name that is not a SHA-256.
[[nodiscard]] std::filesystem::path blobFilePath(const std::filesystem::path& blobsFolder,
                                                 std::string_view sha256);

// Streams one blob into place. Nothing appears under the blob's name unless commit() succeeds;
// the temporary file goes away with the writer otherwise.
class BlobFileWriter {
public:
    // Errors: "blob_io" when the folder or the temporary file cannot be made.
    [[nodiscard]] static Result<std::unique_ptr<BlobFileWriter>> create(
        const std::filesystem::path& blobsFolder, std::string sha256);
    ~BlobFileWriter();
    BlobFileWriter(const BlobFileWriter&) = delete;
    BlobFileWriter& operator=(const BlobFileWriter&) = delete;

    [[nodiscard]] Status append(std::span<const std::uint8_t> bytes);
    [[nodiscard]] std::int64_t written() const { return m_written; }
    // fsync, compare the SHA-256 of what was written with the name ("blob_corrupt" when they
    // differ), rename into place, fsync the folder.
    [[nodiscard]] Status commit();

private:
    BlobFileWriter(std::filesystem::path target, std::filesystem::path temporary, int fd,
                   std::string sha256);

    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    int m_fd;
    std::string m_sha256;
    Sha256 m_hash;
    std::int64_t m_written = 0;
    bool m_committed = false;
};

// Writes `bytes` as the blob `sha256` unless that file exists already (content-addressed: it then
// holds the same bytes).
[[nodiscard]] Status writeBlobFile(const std::filesystem::path& blobsFolder,
                                   const std::string& sha256, std::span<const std::uint8_t> bytes);

}  // namespace duban
