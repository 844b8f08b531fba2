#include "server/blobs/jpeg_gate.h"

#include <algorithm>
#include <array>

namespace duban::server {
namespace {

constexpr std::array<std::uint8_t, 3> kMagic{0xFF, 0xD8, 0xFF};

}  // namespace

JpegGate::JpegGate(std::vector<std::uint8_t> stored, std::uint64_t offset,
                   media::PhotoLimits limits)
    : m_header(std::move(stored)), m_limits(limits), m_passed(offset >= kWindowBytes) {
    if (m_passed) {
        m_header = {};
        return;
    }
    // Bytes already stored passed this gate when they arrived; re-checking them only settles
    // whether the header is complete.
    if (!m_header.empty())
        (void)check();
}

std::size_t JpegGate::bytesNeeded(std::uint64_t offset) {
    return offset >= kWindowBytes ? 0 : static_cast<std::size_t>(offset);
}

Status JpegGate::feed(const char* data, std::size_t size) {
    if (m_passed || size == 0)
        return Ok{};
    const std::size_t take = std::min(size, kWindowBytes - m_header.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
    m_header.insert(m_header.end(), bytes, bytes + take);
    return check();
}

Status JpegGate::check() {
    if (m_passed)
        return Ok{};
    const std::size_t known = std::min(m_header.size(), kMagic.size());
    if (!std::equal(m_header.begin(), m_header.begin() + static_cast<std::ptrdiff_t>(known),
                    kMagic.begin())) {
        return makeError(std::string(media::kErrorNotJpeg),
                         "The upload is not a JPEG photo (it does not start with FF D8 FF); "
                         "Duban stores photos as JPEG only.");
    }
    if (m_header.size() < kMagic.size())
        return Ok{};
    const auto size = media::readJpegSize(m_header, m_limits);
    if (size) {
        m_passed = true;
        m_header = {};
        return Ok{};
    }
    if (size.error().code != media::kErrorTruncated)
        return size.error();
    if (m_header.size() >= kWindowBytes) {
        return makeError(std::string(media::kErrorCorrupt),
                         "The JPEG header is longer than 256 KiB; re-encode the photo without "
                         "large metadata and upload it again.");
    }
    return Ok{};
}

Status JpegGate::finish() const {
    if (m_passed)
        return Ok{};
    return makeError(std::string(media::kErrorTruncated),
                     "The upload ends inside the JPEG header; it is not a whole photo.");
}

}  // namespace duban::server
