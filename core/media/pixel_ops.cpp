#include "core/media/pixel_ops.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace duban::media::detail {
namespace {

constexpr int kChannels = 3;

// For output index i: source indices [first[i], first[i] + count[i]) with weights starting at
// weights[offset[i]], summing to 1. Flat arrays keep the inner loop free of indirection.
struct Taps {
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::size_t> offset;
    std::vector<float> weights;
};

Taps buildTaps(int sourceLength, int targetLength) {
    Taps taps;
    const double scale = static_cast<double>(sourceLength) / targetLength;
    for (int i = 0; i < targetLength; ++i) {
        const double begin = i * scale;
        const double end = std::min((i + 1) * scale, static_cast<double>(sourceLength));
        const int first = std::min(static_cast<int>(std::floor(begin)), sourceLength - 1);
        const int last = std::clamp(static_cast<int>(std::ceil(end)) - 1, first, sourceLength - 1);
        taps.first.push_back(first);
        taps.count.push_back(last - first + 1);
        taps.offset.push_back(taps.weights.size());
        double total = 0;
        for (int s = first; s <= last; ++s) {
            const double covered =
                std::max(std::min(end, s + 1.0) - std::max(begin, static_cast<double>(s)), 0.0);
            taps.weights.push_back(static_cast<float>(covered));
            total += covered;
        }
        const auto from = taps.weights.begin() + static_cast<std::ptrdiff_t>(taps.offset.back());
        if (total <= 0) {
            std::fill(from, taps.weights.end(), 0.0f);
            *from = 1.0f;
            continue;
        }
        std::for_each(from, taps.weights.end(),
                      [total](float& weight) { weight = static_cast<float>(weight / total); });
    }
    return taps;
}

void resampleRow(const std::uint8_t* source, const Taps& columns, float* out) {
    const auto width = columns.first.size();
    for (std::size_t x = 0; x < width; ++x) {
        const std::uint8_t* pixel = source + static_cast<std::size_t>(columns.first[x]) * kChannels;
        const float* weight = columns.weights.data() + columns.offset[x];
        float r = 0, g = 0, b = 0;
        for (int t = 0; t < columns.count[x]; ++t, pixel += kChannels) {
            r += weight[t] * pixel[0];
            g += weight[t] * pixel[1];
            b += weight[t] * pixel[2];
        }
        out[x * kChannels] = r;
        out[x * kChannels + 1] = g;
        out[x * kChannels + 2] = b;
    }
}

}  // namespace

ImageSize fitLongEdge(ImageSize size, int longEdge) {
    longEdge = std::max(longEdge, 1);
    const int currentLong = std::max(size.width, size.height);
    if (currentLong <= longEdge) {
        return size;
    }
    const auto scaleShort = [&](int edge) {
        const auto scaled = (static_cast<std::int64_t>(edge) * longEdge * 2 + currentLong) /
                            (2 * static_cast<std::int64_t>(currentLong));
        return std::max(1, static_cast<int>(scaled));
    };
    if (size.width >= size.height) {
        return {longEdge, scaleShort(size.height)};
    }
    return {scaleShort(size.width), longEdge};
}

RgbImage resizeArea(const RgbImage& source, ImageSize target) {
    if (target == source.size()) {
        return source;
    }
    const Taps columns = buildTaps(source.width, target.width);
    const Taps rows = buildTaps(source.height, target.height);
    const auto rowValues = static_cast<std::size_t>(target.width) * kChannels;
    const auto sourceStride = static_cast<std::size_t>(source.width) * kChannels;

    RgbImage result{target.width, target.height,
                    std::vector<std::uint8_t>(rowValues * static_cast<std::size_t>(target.height))};
    // One output row at a time keeps scratch memory at a few rows instead of a float image. The
    // source row shared by two neighbouring output rows is resampled once.
    std::vector<float> accumulated(rowValues);
    std::vector<float> resampled(rowValues);
    int resampledRow = -1;
    for (int y = 0; y < target.height; ++y) {
        std::fill(accumulated.begin(), accumulated.end(), 0.0f);
        const float* weight = rows.weights.data() + rows.offset[static_cast<std::size_t>(y)];
        const int first = rows.first[static_cast<std::size_t>(y)];
        for (int t = 0; t < rows.count[static_cast<std::size_t>(y)]; ++t) {
            if (first + t != resampledRow) {
                resampledRow = first + t;
                resampleRow(
                    source.pixels.data() + static_cast<std::size_t>(resampledRow) * sourceStride,
                    columns, resampled.data());
            }
            for (std::size_t i = 0; i < rowValues; ++i) {
                accumulated[i] += weight[t] * resampled[i];
            }
        }
        std::uint8_t* out = result.pixels.data() + static_cast<std::size_t>(y) * rowValues;
        for (std::size_t i = 0; i < rowValues; ++i) {
            out[i] = static_cast<std::uint8_t>(std::clamp(accumulated[i] + 0.5f, 0.0f, 255.0f));
        }
    }
    return result;
}

RgbImage applyOrientation(const RgbImage& source, int orientation) {
    // Output pixel (x, y) is read from source (originX + x*ax + y*bx, originY + x*ay + y*by): the
    // EXIF definitions of which stored row and column are the visual top and left, as linear maps.
    struct Axes {
        int ax, ay, bx, by;
    };
    static constexpr Axes kAxes[8] = {
        {1, 0, 0, 1},    // 1: upright
        {-1, 0, 0, 1},   // 2: mirrored left-right
        {-1, 0, 0, -1},  // 3: rotated 180°
        {1, 0, 0, -1},   // 4: mirrored top-bottom
        {0, 1, 1, 0},    // 5: transposed
        {0, -1, 1, 0},   // 6: needs 90° clockwise
        {0, -1, -1, 0},  // 7: transversed
        {0, 1, -1, 0},   // 8: needs 90° anticlockwise
    };
    if (orientation < 2 || orientation > 8) {
        return source;
    }
    const auto [ax, ay, bx, by] = kAxes[orientation - 1];
    const int w = source.width;
    const int h = source.height;
    const int originX = (ax < 0 || bx < 0) ? w - 1 : 0;
    const int originY = (ay < 0 || by < 0) ? h - 1 : 0;
    const bool swapped = orientation >= 5;
    RgbImage result{swapped ? h : w, swapped ? w : h,
                    std::vector<std::uint8_t>(source.pixels.size())};
    const std::ptrdiff_t stepX = (ax + static_cast<std::ptrdiff_t>(ay) * w) * kChannels;
    const std::ptrdiff_t stepY = (bx + static_cast<std::ptrdiff_t>(by) * w) * kChannels;
    // Offsets, not pointers: stepping past the last row must not form an out-of-range pointer.
    std::ptrdiff_t rowStart = (originX + static_cast<std::ptrdiff_t>(originY) * w) * kChannels;
    std::uint8_t* out = result.pixels.data();
    for (int y = 0; y < result.height; ++y, rowStart += stepY) {
        std::ptrdiff_t in = rowStart;
        for (int x = 0; x < result.width; ++x, in += stepX) {
            const std::uint8_t* pixel = source.pixels.data() + in;
            *out++ = pixel[0];
            *out++ = pixel[1];
            *out++ = pixel[2];
        }
    }
    return result;
}

}  // namespace duban::media::detail
