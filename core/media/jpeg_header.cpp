// Reads the frame size by walking the marker segments up to the first scan. Nothing is decoded, so
// a pixel flood (a tiny file claiming 65000×65000) is refused before any buffer is sized from it.
#include "core/media/jpeg_header.h"

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "core/media/photo.h"

namespace duban::media {
namespace {

constexpr std::uint8_t kMarkerPrefix = 0xFF;
constexpr std::uint8_t kSoi = 0xD8;
constexpr std::uint8_t kEoi = 0xD9;
constexpr std::uint8_t kSos = 0xDA;

// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool isFrameMarker(std::uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// TEM and RST0..7 carry no length field.
bool isStandaloneMarker(std::uint8_t marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

int readBigEndian16(std::span<const std::uint8_t> bytes, std::size_t pos) {
    return (bytes[pos] << 8) | bytes[pos + 1];
}

bool startsWith(std::span<const std::uint8_t> bytes, std::string_view prefix, std::size_t at = 0) {
    if (bytes.size() < at + prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (bytes[at + i] != static_cast<std::uint8_t>(prefix[i])) {
            return false;
        }
    }
    return true;
}

std::string formatMegapixels(std::uint64_t pixels) {
    const double megapixels = static_cast<double>(pixels) / 1e6;
    char text[32];
    if (pixels % 1'000'000 == 0) {
        std::snprintf(text, sizeof text, "%.0f", megapixels);
    } else {
        std::snprintf(text, sizeof text, "%.1f", megapixels);
    }
    return text;
}

Error truncatedHeader() {
    return makeError(std::string(kErrorTruncated),
                     "The photo is incomplete: the file ends inside its header, so it was probably "
                     "cut off while copying or uploading; send the photo again.");
}

Error corruptHeader(std::string_view what) {
    return makeError(std::string(kErrorCorrupt),
                     "The photo is damaged (" + std::string(what) +
                         "); take the photo again or pick another copy of it.");
}

}  // namespace

namespace detail {

bool hasJpegMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 3 && bytes[0] == kMarkerPrefix && bytes[1] == kSoi &&
           bytes[2] == kMarkerPrefix;
}

Error notJpegError(std::span<const std::uint8_t> bytes) {
    const std::string code(kErrorNotJpeg);
    if (bytes.empty()) {
        return makeError(code, "The photo file is empty (0 bytes); pick or take the photo again.");
    }
    std::string_view format;
    if (startsWith(bytes, "\x89PNG")) {
        format = "a PNG image";
    } else if (startsWith(bytes, "GIF8")) {
        format = "a GIF image";
    } else if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) {
        format = "a WebP image";
    } else if (startsWith(bytes, "ftyp", 4)) {
        format = "a HEIC/HEIF or video file";
    }
    if (!format.empty()) {
        return makeError(code, "The photo is " + std::string(format) +
                                   ", not a JPEG; export or share it as JPEG and try again.");
    }
    return makeError(
        code, "The file is not a JPEG photo; pick a JPEG (.jpg) photo or export it as JPEG.");
}

}  // namespace detail

Result<ImageSize> readJpegSize(std::span<const std::uint8_t> bytes, const PhotoLimits& limits) {
    if (!detail::hasJpegMagic(bytes)) {
        return detail::notJpegError(bytes);
    }
    std::optional<ImageSize> frame;
    std::size_t pos = 2;
    while (true) {
        if (pos >= bytes.size()) {
            return truncatedHeader();
        }
        if (bytes[pos] != kMarkerPrefix) {
            return corruptHeader("stray data between header segments");
        }
        while (pos < bytes.size() && bytes[pos] == kMarkerPrefix) {
            ++pos;  // fill bytes are allowed before any marker
        }
        if (pos >= bytes.size()) {
            return truncatedHeader();
        }
        const std::uint8_t marker = bytes[pos++];
        if (isStandaloneMarker(marker)) {
            continue;
        }
        if (marker == kSoi || marker == kEoi || marker == 0x00) {
            return corruptHeader("the header ends before any image data");
        }
        if (pos + 2 > bytes.size()) {
            return truncatedHeader();
        }
        const auto length = static_cast<std::size_t>(readBigEndian16(bytes, pos));
        if (length < 2) {
            return corruptHeader("a header segment has an impossible length");
        }
        if (pos + length > bytes.size()) {
            return truncatedHeader();
        }
        if (isFrameMarker(marker)) {
            if (frame) {
                return corruptHeader("it has two frame headers");
            }
            if (length < 8) {
                return corruptHeader("the frame header is too short");
            }
            const int precision = bytes[pos + 2];
            const int height = readBigEndian16(bytes, pos + 3);
            const int width = readBigEndian16(bytes, pos + 5);
            const int components = bytes[pos + 7];
            if (width == 0 || height == 0) {
                return corruptHeader("the frame header gives no width or height");
            }
            const auto pixels = static_cast<std::uint64_t>(width) * height;
            if (pixels > limits.maxPixels) {
                return makeError(std::string(kErrorTooManyPixels),
                                 "The photo is " + std::to_string(width) + "×" +
                                     std::to_string(height) + " pixels, more than the " +
                                     formatMegapixels(limits.maxPixels) +
                                     " megapixel limit; take or pick a smaller photo.");
            }
            if (components == 0 || length != 8 + 3 * static_cast<std::size_t>(components)) {
                return corruptHeader("the frame header does not match its colour components");
            }
            if (precision != 8) {
                return makeError(std::string(kErrorUnsupported),
                                 "The photo uses " + std::to_string(precision) +
                                     "-bit samples, which Duban cannot read; export it as an "
                                     "ordinary 8-bit JPEG and try again.");
            }
            frame = ImageSize{width, height};
        }
        if (marker == kSos) {
            if (!frame) {
                return corruptHeader("image data starts before the frame header");
            }
            return *frame;
        }
        pos += length;
    }
}

}  // namespace duban::media
