// The intake pipeline: cheap checks first (file size, header, pixel count), then EXIF, then one
// scaled decode per output, orientation, resize, encode, hash.
#include "core/media/photo.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "core/media/jpeg_codec.h"
#include "core/media/pixel_ops.h"
#include "core/util/sha256.h"

namespace duban::media {
namespace {

std::string formatFileSize(std::uint64_t bytes) {
    if (bytes < 1024) {
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    }
    const bool megabytes = bytes >= 1024 * 1024;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f",
                  static_cast<double>(bytes) / (megabytes ? 1024.0 * 1024.0 : 1024.0));
    std::string result = text;
    if (result.ends_with(".0")) {
        result.resize(result.size() - 2);
    }
    return result + (megabytes ? " MB" : " KB");
}

Error tooLarge(std::uint64_t bytes, const PhotoLimits& limits) {
    return makeError(std::string(kErrorTooLarge),
                     "The photo file is " + formatFileSize(bytes) + ", more than the " +
                         formatFileSize(limits.maxFileBytes) +
                         " limit; pick a smaller photo or export it at a lower quality.");
}

Error ioError(const std::filesystem::path& file, const std::string& what) {
    return makeError(std::string(kErrorIo), "Could not read the photo file " + file.string() +
                                                " (" + what +
                                                "); check that it exists and can be read.");
}

struct Rendition {
    std::vector<std::uint8_t> jpeg;
    ImageSize size;
};

// The last decode, so a small photo whose photo and thumbnail need the same DCT scale is decoded
// once.
struct Decoded {
    detail::ScalingFactor factor;
    detail::RgbImage image;
};

// The upright rendition with a long edge of at most longEdge.
Result<Rendition> render(std::span<const std::uint8_t> bytes, ImageSize stored, int orientation,
                         int longEdge, int quality, std::optional<Decoded>& decoded) {
    const detail::ScalingFactor factor = detail::pickScalingFactor(stored, longEdge);
    if (!decoded || decoded->factor != factor) {
        decoded.reset();  // free the previous decode before allocating the next one
        Result<detail::RgbImage> image = detail::decodeJpeg(bytes, stored, factor);
        if (!image) {
            return image.error();
        }
        decoded = Decoded{factor, std::move(image).value()};
    }
    // Resizing before orienting gives the same pixels and moves fewer of them.
    const detail::RgbImage resized =
        detail::resizeArea(decoded->image, detail::fitLongEdge(stored, longEdge));
    const detail::RgbImage upright = detail::applyOrientation(resized, orientation);
    return Rendition{detail::encodeJpeg(upright, quality), upright.size()};
}

}  // namespace

Result<ProcessedPhoto> processPhoto(std::span<const std::uint8_t> bytes,
                                    const PhotoLimits& limits) {
    if (bytes.size() > limits.maxFileBytes) {
        return tooLarge(bytes.size(), limits);
    }
    Result<ImageSize> stored = readJpegSize(bytes, limits);
    if (!stored) {
        return stored.error();
    }
    ProcessedPhoto photo;
    if (Result<ExifInfo> exif = readExif(bytes)) {
        photo.exif = std::move(exif).value();
    }

    std::optional<Decoded> decoded;
    Result<Rendition> full = render(bytes, stored.value(), photo.exif.orientation,
                                    limits.maxLongEdge, limits.quality, decoded);
    if (!full) {
        return full.error();
    }
    Result<Rendition> thumbnail =
        render(bytes, stored.value(), photo.exif.orientation, limits.thumbnailLongEdge,
               limits.thumbnailQuality, decoded);
    if (!thumbnail) {
        return thumbnail.error();
    }

    photo.jpeg = std::move(full->jpeg);
    photo.size = full->size;
    photo.sha256 = sha256Hex(std::span<const std::uint8_t>(photo.jpeg));
    photo.thumbnail = std::move(thumbnail->jpeg);
    photo.thumbnailSize = thumbnail->size;
    photo.thumbnailSha256 = sha256Hex(std::span<const std::uint8_t>(photo.thumbnail));
    return photo;
}

Result<ProcessedPhoto> processPhotoFile(const std::filesystem::path& file,
                                        const PhotoLimits& limits) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error) {
        return ioError(file, error.message());
    }
    if (size > limits.maxFileBytes) {
        return tooLarge(size, limits);  // refused without reading it
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return ioError(file, "it could not be opened");
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(bytes.size())) {
        return ioError(file, "it changed or could not be read completely");
    }
    return processPhoto(bytes, limits);
}

}  // namespace duban::media
