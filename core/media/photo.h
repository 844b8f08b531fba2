#pragma once
// Photo intake: every photo that enters Duban goes through processPhoto, which refuses hostile or
// broken input before spending memory on it, bakes the EXIF orientation into the pixels, caps the
// size and strips all metadata (time and place go into the record, not into the stored file).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace duban::media {

// Stable error codes (Error::code) returned by this module.
inline constexpr std::string_view kErrorNotJpeg = "photo_not_jpeg";
inline constexpr std::string_view kErrorTruncated = "photo_truncated";
inline constexpr std::string_view kErrorCorrupt = "photo_corrupt";
inline constexpr std::string_view kErrorUnsupported = "photo_unsupported";
inline constexpr std::string_view kErrorTooManyPixels = "photo_too_many_pixels";
inline constexpr std::string_view kErrorTooLarge = "photo_too_large";
inline constexpr std::string_view kErrorIo = "photo_io";

struct ImageSize {
    int width = 0;
    int height = 0;
    friend bool operator==(const ImageSize&, const ImageSize&) = default;
};

struct PhotoLimits {
    int maxLongEdge = 2048;                // long edge cap of the re-encoded photo
    int thumbnailLongEdge = 320;           // long edge cap of the thumbnail
    std::uint64_t maxPixels = 40'000'000;  // refused before any decode (pixel flood)
    std::size_t maxFileBytes = 30 * 1024 * 1024;
    int quality = 85;
    int thumbnailQuality = 80;
};

struct ExifInfo {
    // ISO 8601 local time "2022-05-24T10:11:12", with "+08:00" appended when the camera recorded
    // OffsetTimeOriginal.
    std::optional<std::string> takenAt;
    // Decimal degrees, south and west negative. Both are set or neither.
    std::optional<double> latitude;
    std::optional<double> longitude;
    int orientation = 1;  // EXIF 1..8; anything else reads as 1
};

struct ProcessedPhoto {
    std::vector<std::uint8_t> jpeg;  // upright, no metadata
    ImageSize size;
    std::string sha256;
    std::vector<std::uint8_t> thumbnail;
    ImageSize thumbnailSize;
    std::string thumbnailSha256;
    ExifInfo exif;  // as read from the input; orientation is already applied to the pixels
};

// Reads the stored (not yet oriented) width and height from the frame header without decoding.
// Refuses non-JPEG input, truncated or malformed headers and more than limits.maxPixels pixels.
[[nodiscard]] Result<ImageSize> readJpegSize(std::span<const std::uint8_t> bytes,
                                             const PhotoLimits& limits = {});

// Missing or unreadable EXIF is not an error: the info is then empty. Non-JPEG input is refused.
[[nodiscard]] Result<ExifInfo> readExif(std::span<const std::uint8_t> bytes);

[[nodiscard]] Result<ProcessedPhoto> processPhoto(std::span<const std::uint8_t> bytes,
                                                  const PhotoLimits& limits = {});
[[nodiscard]] Result<ProcessedPhoto> processPhotoFile(const std::filesystem::path& file,
                                                      const PhotoLimits& limits = {});

}  // namespace duban::media
