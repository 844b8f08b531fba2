#pragma once
// Internal: operations on decoded RGB pixels (resizing and EXIF orientation). Small and dependency
// free so it can be tested on exact pixel values, without JPEG loss in the way.
#include <cstdint>
#include <vector>

#include "core/media/photo.h"

namespace duban::media::detail {

// Packed 8-bit RGB, rows top to bottom, no padding.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    [[nodiscard]] ImageSize size() const { return {width, height}; }
};

// The largest size with a long edge of at most longEdge and the same aspect ratio; never enlarges.
[[nodiscard]] ImageSize fitLongEdge(ImageSize size, int longEdge);

// Area-averaging resize meant for shrinking (each output pixel is the mean of the source area it
// covers, so fine detail turns into its average colour instead of aliasing).
[[nodiscard]] RgbImage resizeArea(const RgbImage& source, ImageSize target);

// Turns stored pixels upright according to an EXIF orientation (1..8; anything else is 1).
// Orientations 5..8 swap width and height.
[[nodiscard]] RgbImage applyOrientation(const RgbImage& source, int orientation);

}  // namespace duban::media::detail
