#pragma once
// Refuses an upload that is not a JPEG, or whose header promises a pixel flood, from its first
// bytes — before the rest is stored. Only the header (at most kWindowBytes) is ever held in
// memory; the check runs as the bytes arrive, across PATCHes.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/media/photo.h"
#include "core/util/result.h"

namespace duban::server {

class JpegGate {
public:
    // A header (SOI up to the start of scan) longer than this is refused as corrupt: Duban's
    // own photos carry no metadata, and a camera's EXIF fits in one 64 KiB segment.
    static constexpr std::size_t kWindowBytes = 256 * 1024;

    // For an upload with `offset` bytes on disk, of which `stored` are the first
    // bytesNeeded(offset). From kWindowBytes on the header is settled: an earlier PATCH passed
    // it (a header may not end later).
    JpegGate(std::vector<std::uint8_t> stored, std::uint64_t offset,
             media::PhotoLimits limits = {});

    // Ok while the header is good or not complete yet; the refusal (photo_not_jpeg,
    // photo_too_many_pixels, photo_corrupt, …) once it is known to be bad.
    [[nodiscard]] Status feed(const char* data, std::size_t size);
    // For the whole file: a header still incomplete at the end is photo_truncated.
    [[nodiscard]] Status finish() const;
    [[nodiscard]] bool passed() const { return m_passed; }
    // How many leading bytes of an upload at `offset` the gate needs to see again from disk.
    [[nodiscard]] static std::size_t bytesNeeded(std::uint64_t offset);

private:
    [[nodiscard]] Status check();

    std::vector<std::uint8_t> m_header;
    media::PhotoLimits m_limits;
    bool m_passed = false;
};

}  // namespace duban::server
