#pragma once
// Internal: TurboJPEG decode (with DCT scaling) and encode.
#include <cstdint>
#include <span>
#include <vector>

#include "core/media/photo.h"
#include "core/media/pixel_ops.h"
#include "core/util/result.h"

namespace duban::media::detail {

struct ScalingFactor {
    int num = 1;
    int denom = 1;
    friend bool operator==(const ScalingFactor&, const ScalingFactor&) = default;
};

// The DCT scaling factor (at most 1) that decodes to the smallest size whose long edge is still at
// least min(targetLongEdge, stored long edge): decoding less is much faster, and resizing after it
// never has to enlarge.
[[nodiscard]] ScalingFactor pickScalingFactor(ImageSize stored, int targetLongEdge);
[[nodiscard]] ImageSize scaledSize(ImageSize stored, ScalingFactor factor);

// Decodes to RGB at the given scale. Warnings count as failures: a truncated file is
// "photo_truncated", any other damage "photo_corrupt", CMYK "photo_unsupported".
[[nodiscard]] Result<RgbImage> decodeJpeg(std::span<const std::uint8_t> bytes, ImageSize stored,
                                          ScalingFactor factor);

// Baseline 4:2:0 JPEG without metadata. Throws std::runtime_error if TurboJPEG fails, which only
// happens when it runs out of memory or on a bug here: it is not a property of the input photo.
[[nodiscard]] std::vector<std::uint8_t> encodeJpeg(const RgbImage& image, int quality);

}  // namespace duban::media::detail
