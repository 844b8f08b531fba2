#pragma once
// Streams one PATCH body into an upload's file through a fixed 64 KiB buffer: memory stays
// O(buffer + JPEG header) however large the chunk. It never stops the read itself — a refused
// body is still drained, so the connection stays in step for the next request.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/util/result.h"
#include "server/blobs/file_io.h"
#include "server/blobs/jpeg_gate.h"
#include "server/blobs/tus_headers.h"

namespace duban::server {

class ChunkWriter {
public:
    // Writes at `start` of `file`; accepts at most `maxBytes` (the smaller of the chunk limit and
    // what is left of the upload; `chunkLimit` tells which one bounds it).
    ChunkWriter(const File& file, std::uint64_t start, std::uint64_t maxBytes, bool chunkLimit,
                std::optional<tus::ChunkChecksum> checksum, JpegGate gate);

    void accept(const char* data, std::size_t size);

    struct Outcome {
        std::uint64_t offset = 0;     // durable end of the upload's bytes after this PATCH
        std::optional<Error> error;   // why the chunk (or the whole upload) is refused
        bool contentRefused = false;  // the bytes are not an acceptable photo: drop the upload
    };
    // `bodyComplete`: the whole body arrived (false after a cut connection or a timeout). A
    // chunk with Upload-Checksum is kept only whole and matching; without one, every byte that
    // arrived is kept, so a resumed upload re-sends only what is missing.
    [[nodiscard]] Outcome finish(bool bodyComplete);

private:
    void flush();
    void rollBack();

    const File& m_file;
    std::uint64_t m_start;
    std::uint64_t m_maxBytes;
    bool m_chunkLimit;
    std::optional<tus::ChunkChecksum> m_checksum;
    std::optional<tus::ChunkDigest> m_digest;
    JpegGate m_gate;
    std::vector<char> m_buffer;
    std::uint64_t m_received = 0;
    std::uint64_t m_written = 0;
    std::optional<Error> m_refusal;
    bool m_contentRefused = false;
};

}  // namespace duban::server
