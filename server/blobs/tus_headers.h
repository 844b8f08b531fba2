#pragma once
// The header grammar of tus 1.0.0 (https://tus.io/protocols/resumable-upload): numbers,
// Upload-Metadata (comma-separated "key base64value" pairs), Upload-Checksum ("algorithm
// base64digest"), and the HTTP dates of Upload-Expires. Parsers are strict: a malformed header
// is refused, never guessed at.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/sync_limits.h"
#include "core/util/result.h"

namespace duban::server::tus {

inline constexpr std::string_view kVersion = kTusVersion;
inline constexpr std::string_view kExtensions = "creation,checksum,termination,expiration";
inline constexpr std::string_view kChecksumAlgorithms = "sha1,sha256";
inline constexpr std::string_view kChunkContentType = "application/offset+octet-stream";

// A non-negative decimal without sign, spaces or leading "+"; nullopt otherwise (or overflow).
[[nodiscard]] std::optional<std::uint64_t> parseUnsigned(std::string_view text);

// Keys map to their decoded values (empty for a key without a value). "invalid" when a pair is
// malformed, a value is not base64 or a key repeats.
[[nodiscard]] Result<std::map<std::string, std::string>> parseMetadata(std::string_view header);

struct ChunkChecksum {
    std::string algorithm;  // "sha1" or "sha256"
    std::string digest;     // raw bytes
};
// "checksum_algorithm_unsupported" for an algorithm other than sha1/sha256, "invalid" when the
// header is malformed or the digest has the wrong length for its algorithm.
[[nodiscard]] Result<ChunkChecksum> parseChecksum(std::string_view header);

// Incremental digest of one chunk for Upload-Checksum.
class ChunkDigest {
public:
    explicit ChunkDigest(std::string_view algorithm);
    ~ChunkDigest();
    ChunkDigest(const ChunkDigest&) = delete;
    ChunkDigest& operator=(const ChunkDigest&) = delete;

    void update(const char* data, std::size_t size);
    [[nodiscard]] std::string finish();  // raw bytes

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

// RFC 7231 IMF-fixdate, e.g. "Wed, 25 Jun 2014 16:00:00 GMT" (independent of the C locale).
[[nodiscard]] std::string httpDate(std::int64_t unixMs);

}  // namespace duban::server::tus
