#include "server/blobs/chunk_writer.h"

#include <system_error>

namespace duban::server {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;

}  // namespace

ChunkWriter::ChunkWriter(const File& file, std::uint64_t start, std::uint64_t maxBytes,
                         bool chunkLimit, std::optional<tus::ChunkChecksum> checksum, JpegGate gate)
    : m_file(file),
      m_start(start),
      m_maxBytes(maxBytes),
      m_chunkLimit(chunkLimit),
      m_checksum(std::move(checksum)),
      m_gate(std::move(gate)) {
    if (m_checksum)
        m_digest.emplace(m_checksum->algorithm);
    m_buffer.reserve(kBufferBytes);
}

void ChunkWriter::accept(const char* data, std::size_t size) {
    if (m_refusal)
        return;  // drain: read and drop the rest of a refused body
    m_received += size;
    if (m_received > m_maxBytes) {
        m_refusal = m_chunkLimit
                        ? makeError("payload_too_large",
                                    "a chunk may carry at most " + std::to_string(m_maxBytes) +
                                        " bytes; send the rest in further PATCH requests.")
                        : makeError("upload_length_exceeded",
                                    "the chunk goes past the Upload-Length given at creation.");
        return;
    }
    if (Status checked = m_gate.feed(data, size); !checked) {
        m_refusal = checked.error();
        m_contentRefused = true;
        return;
    }
    if (m_digest)
        m_digest->update(data, size);
    while (size > 0) {
        const std::size_t take = std::min(size, kBufferBytes - m_buffer.size());
        m_buffer.insert(m_buffer.end(), data, data + take);
        data += take;
        size -= take;
        if (m_buffer.size() == kBufferBytes) {
            try {
                flush();
            } catch (const std::system_error&) {
                // Disk full or failing: refuse the chunk but keep draining, so the connection
                // stays usable and the client gets a clear answer.
                m_refusal = makeError("storage_failed",
                                      "the server could not store the chunk; try again later.");
                m_buffer.clear();
                return;
            }
        }
    }
}

void ChunkWriter::flush() {
    if (m_buffer.empty())
        return;
    m_file.writeAt(m_buffer.data(), m_buffer.size(), m_start + m_written);
    m_written += m_buffer.size();
    m_buffer.clear();
}

void ChunkWriter::rollBack() {
    m_buffer.clear();
    m_file.truncate(m_start);
    m_file.sync();
    m_written = 0;
}

ChunkWriter::Outcome ChunkWriter::finish(bool bodyComplete) {
    if (m_refusal) {
        rollBack();
        return {m_start, m_refusal, m_contentRefused};
    }
    flush();
    if (m_checksum && !bodyComplete) {
        // A partial chunk cannot be checked against its checksum: keep none of it.
        rollBack();
        return {m_start, std::nullopt, false};
    }
    if (m_checksum && m_digest->finish() != m_checksum->digest) {
        rollBack();
        return {m_start,
                makeError("chunk_checksum_mismatch",
                          "the chunk does not match its Upload-Checksum (" + m_checksum->algorithm +
                              "); it was discarded — send it again from Upload-Offset."),
                false};
    }
    m_file.sync();
    return {m_start + m_written, std::nullopt, false};
}

}  // namespace duban::server
