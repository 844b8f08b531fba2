// Photo intake tests. Every fixture is generated here (TurboJPEG for pixels, exiv2 for EXIF) so no
// binary files live in the repository and each fixture shows how it was made.
#include "core/media/photo.h"

#include <gtest/gtest.h>
#include <turbojpeg.h>

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/media/jpeg_codec.h"
#include "core/media/pixel_ops.h"
#include "core/util/sha256.h"

namespace duban::media {
namespace {

using Bytes = std::vector<std::uint8_t>;
using detail::RgbImage;

struct TjDestroy {
    void operator()(void* handle) const noexcept { tjDestroy(handle); }
};
using TjHandle = std::unique_ptr<void, TjDestroy>;

struct TjFree {
    void operator()(unsigned char* buffer) const noexcept { tjFree(buffer); }
};

struct Rgb {
    int r = 0, g = 0, b = 0;
};

bool isRed(Rgb c) {
    return c.r > 170 && c.g < 100 && c.b < 100;
}
bool isBlue(Rgb c) {
    return c.b > 170 && c.r < 100 && c.g < 100;
}

void setPixel(RgbImage& image, int x, int y, Rgb c) {
    const auto i = (static_cast<std::size_t>(y) * image.width + x) * 3;
    image.pixels[i] = static_cast<std::uint8_t>(c.r);
    image.pixels[i + 1] = static_cast<std::uint8_t>(c.g);
    image.pixels[i + 2] = static_cast<std::uint8_t>(c.b);
}

Rgb pixelAt(const RgbImage& image, int x, int y) {
    const auto i = (static_cast<std::size_t>(y) * image.width + x) * 3;
    return {image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]};
}

// A green-ish gradient (never red or blue) with a red block in the stored top-left corner and a
// blue block in the stored top-right corner, each a quarter of the width and height. Two marks
// tell all eight orientations apart, including the mirrored ones.
RgbImage makeMarkedImage(int width, int height) {
    RgbImage image{width, height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3)};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            Rgb c{40 + 80 * x / width, 160, 60 + 80 * y / height};
            if (y < height / 4 && x < width / 4) {
                c = {230, 20, 20};
            } else if (y < height / 4 && x >= width - width / 4) {
                c = {20, 20, 230};
            }
            setPixel(image, x, y, c);
        }
    }
    return image;
}

Bytes encode(const RgbImage& image, int flags = 0, int subsampling = TJSAMP_444) {
    const TjHandle handle(tjInitCompress());
    unsigned char* raw = nullptr;
    unsigned long size = 0;
    const int rc = tjCompress2(handle.get(), image.pixels.data(), image.width, 0, image.height,
                               TJPF_RGB, &raw, &size, subsampling, 95, flags);
    const std::unique_ptr<unsigned char, TjFree> buffer(raw);
    EXPECT_EQ(rc, 0) << tjGetErrorStr2(handle.get());
    return Bytes(raw, raw + size);
}

RgbImage decode(const Bytes& jpeg) {
    const TjHandle handle(tjInitDecompress());
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    EXPECT_EQ(tjDecompressHeader3(handle.get(), jpeg.data(), jpeg.size(), &width, &height,
                                  &subsampling, &colorspace),
              0);
    RgbImage image{width, height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3)};
    EXPECT_EQ(tjDecompress2(handle.get(), jpeg.data(), jpeg.size(), image.pixels.data(), width, 0,
                            height, TJPF_RGB, 0),
              0)
        << tjGetErrorStr2(handle.get());
    return image;
}

Bytes markedJpeg(int width, int height, int flags = 0) {
    return encode(makeMarkedImage(width, height), flags);
}

Bytes withExif(const Bytes& jpeg, const std::function<void(Exiv2::ExifData&)>& fill) {
    auto image = Exiv2::ImageFactory::open(jpeg.data(), static_cast<long>(jpeg.size()));
    image->readMetadata();
    Exiv2::ExifData exif;
    fill(exif);
    image->setExifData(exif);
    image->writeMetadata();
    Exiv2::BasicIo& io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf data = io.read(static_cast<long>(io.size()));
    return Bytes(data.pData_, data.pData_ + data.size_);
}

bool hasAnyExif(const Bytes& jpeg) {
    auto image = Exiv2::ImageFactory::open(jpeg.data(), static_cast<long>(jpeg.size()));
    image->readMetadata();
    return !image->exifData().empty();
}

// Offset of the first segment with this marker (at its 0xFF), walking segment lengths.
std::size_t segmentOffset(const Bytes& jpeg, std::uint8_t marker) {
    std::size_t pos = 2;
    while (pos + 4 <= jpeg.size() && jpeg[pos] == 0xFF) {
        if (jpeg[pos + 1] == marker) {
            return pos;
        }
        pos += 2 + static_cast<std::size_t>((jpeg[pos + 2] << 8) | jpeg[pos + 3]);
    }
    ADD_FAILURE() << "marker " << int(marker) << " not found";
    return 0;
}

std::size_t scanDataStart(const Bytes& jpeg) {
    const std::size_t sos = segmentOffset(jpeg, 0xDA);
    return sos + 2 + static_cast<std::size_t>((jpeg[sos + 2] << 8) | jpeg[sos + 3]);
}

void patchFrameSize(Bytes& jpeg, int width, int height) {
    const std::size_t sof = segmentOffset(jpeg, 0xC0);
    jpeg[sof + 5] = static_cast<std::uint8_t>(height >> 8);
    jpeg[sof + 6] = static_cast<std::uint8_t>(height & 0xFF);
    jpeg[sof + 7] = static_cast<std::uint8_t>(width >> 8);
    jpeg[sof + 8] = static_cast<std::uint8_t>(width & 0xFF);
}

template <class T>
std::string codeOf(const Result<T>& result) {
    return result.ok() ? "ok" : result.error().code;
}

// ---------------------------------------------------------------------------------------------
// Header

TEST(ReadJpegSize, ReadsFrameHeaderOnly) {
    const Bytes jpeg = markedJpeg(123, 77);
    const Result<ImageSize> size = readJpegSize(jpeg);
    ASSERT_TRUE(size.ok()) << size.error().message;
    EXPECT_EQ(size.value(), (ImageSize{123, 77}));

    // Nothing after the scan header is needed, which shows no pixel data is read; decoding the
    // same bytes fails.
    const Bytes headerOnly(jpeg.begin(), jpeg.begin() + scanDataStart(jpeg));
    const Result<ImageSize> fromHeader = readJpegSize(headerOnly);
    ASSERT_TRUE(fromHeader.ok()) << fromHeader.error().message;
    EXPECT_EQ(fromHeader.value(), (ImageSize{123, 77}));
    EXPECT_EQ(codeOf(processPhoto(headerOnly)), "photo_truncated");
}

TEST(ReadJpegSize, SkipsExifAndReadsProgressiveFrames) {
    const Bytes withMetadata = withExif(markedJpeg(64, 48), [](Exiv2::ExifData& exif) {
        exif["Exif.Image.Orientation"] = std::uint16_t{6};
    });
    ASSERT_GT(segmentOffset(withMetadata, 0xC0), segmentOffset(withMetadata, 0xE1));
    EXPECT_EQ(readJpegSize(withMetadata).value(), (ImageSize{64, 48}));

    const Bytes progressive = markedJpeg(40, 30, TJFLAG_PROGRESSIVE);
    EXPECT_EQ(readJpegSize(progressive).value(), (ImageSize{40, 30}));
    const Result<ProcessedPhoto> processed = processPhoto(progressive);
    ASSERT_TRUE(processed.ok()) << processed.error().message;
    EXPECT_EQ(processed->size, (ImageSize{40, 30}));
}

TEST(ReadJpegSize, RefusesNonJpeg) {
    const Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    const Result<ImageSize> fromPng = readJpegSize(png);
    EXPECT_EQ(codeOf(fromPng), "photo_not_jpeg");
    EXPECT_NE(fromPng.error().message.find("PNG"), std::string::npos);
    EXPECT_EQ(codeOf(readJpegSize(Bytes{})), "photo_not_jpeg");
    EXPECT_EQ(codeOf(readJpegSize(Bytes{0xFF, 0xD8})), "photo_not_jpeg");
    EXPECT_EQ(codeOf(readJpegSize(Bytes{'h', 'e', 'l', 'l', 'o'})), "photo_not_jpeg");
}

TEST(ReadJpegSize, RefusesTruncatedHeader) {
    const Bytes jpeg = markedJpeg(64, 48);
    const std::size_t sof = segmentOffset(jpeg, 0xC0);
    for (const std::size_t cut : {std::size_t{3}, std::size_t{4}, sof + 1, sof + 6,
                                  segmentOffset(jpeg, 0xC4) + 10, scanDataStart(jpeg) - 1}) {
        const Bytes truncated(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(cut));
        EXPECT_EQ(codeOf(readJpegSize(truncated)), "photo_truncated") << "cut at " << cut;
    }
}

TEST(ReadJpegSize, RefusesPixelFlood) {
    Bytes flood = markedJpeg(32, 32);
    patchFrameSize(flood, 65000, 65000);
    const Result<ImageSize> size = readJpegSize(flood);
    EXPECT_EQ(codeOf(size), "photo_too_many_pixels");
    EXPECT_NE(size.error().message.find("65000×65000"), std::string::npos) << size.error().message;
    EXPECT_NE(size.error().message.find("40 megapixel"), std::string::npos);
}

TEST(ReadJpegSize, PixelLimitIsInclusive) {
    const Bytes jpeg = markedJpeg(20, 10);
    PhotoLimits limits;
    limits.maxPixels = 200;
    EXPECT_TRUE(readJpegSize(jpeg, limits).ok());
    limits.maxPixels = 199;
    EXPECT_EQ(codeOf(readJpegSize(jpeg, limits)), "photo_too_many_pixels");
}

// ---------------------------------------------------------------------------------------------
// EXIF

TEST(ReadExif, ReadsTimeWithOffsetGpsAndOrientation) {
    const Bytes jpeg = withExif(markedJpeg(32, 32), [](Exiv2::ExifData& exif) {
        exif["Exif.Photo.DateTimeOriginal"] = "2022:05:24 10:11:12";
        exif["Exif.Photo.OffsetTimeOriginal"] = "+08:00";
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
        exif["Exif.GPSInfo.GPSLatitude"] = "22/1 30/1 3600/100";
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
        exif["Exif.GPSInfo.GPSLongitude"] = "114/1 10/1 0/1";
        exif["Exif.Image.Orientation"] = std::uint16_t{6};
    });
    const Result<ExifInfo> info = readExif(jpeg);
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->takenAt, "2022-05-24T10:11:12+08:00");
    ASSERT_TRUE(info->latitude && info->longitude);
    EXPECT_NEAR(*info->latitude, 22.51, 1e-9);
    EXPECT_NEAR(*info->longitude, 114.0 + 10.0 / 60.0, 1e-9);
    EXPECT_EQ(info->orientation, 6);
}

TEST(ReadExif, SouthAndWestAreNegativeAndNoOffsetMeansLocalTime) {
    const Bytes jpeg = withExif(markedJpeg(32, 32), [](Exiv2::ExifData& exif) {
        exif["Exif.Photo.DateTimeOriginal"] = "2021:12:31 23:59:58";
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "S";
        exif["Exif.GPSInfo.GPSLatitude"] = "33/1 51/1 2448/100";
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "W";
        exif["Exif.GPSInfo.GPSLongitude"] = "151/1 12/1 5508/100";
        exif["Exif.Image.Orientation"] = std::uint16_t{3};
    });
    const Result<ExifInfo> info = readExif(jpeg);
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->takenAt, "2021-12-31T23:59:58");
    ASSERT_TRUE(info->latitude && info->longitude);
    EXPECT_NEAR(*info->latitude, -33.8568, 1e-9);
    EXPECT_NEAR(*info->longitude, -(151.2 + 55.08 / 3600.0), 1e-9);
    EXPECT_EQ(info->orientation, 3);
}

TEST(ReadExif, MissingExifIsEmptyNotAnError) {
    const Result<ExifInfo> info = readExif(markedJpeg(32, 32));
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_FALSE(info->takenAt);
    EXPECT_FALSE(info->latitude);
    EXPECT_FALSE(info->longitude);
    EXPECT_EQ(info->orientation, 1);
}

TEST(ReadExif, DropsImplausibleValues) {
    const Bytes jpeg = withExif(markedJpeg(32, 32), [](Exiv2::ExifData& exif) {
        exif["Exif.Photo.DateTimeOriginal"] = "0000:00:00 00:00:00";
        exif["Exif.Photo.OffsetTimeOriginal"] = "+08:00";
        exif["Exif.GPSInfo.GPSLatitude"] = "22/1 30/1 0/1";  // no N/S reference
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
        exif["Exif.GPSInfo.GPSLongitude"] = "114/1 0/1 0/1";
        exif["Exif.Image.Orientation"] = std::uint16_t{9};
    });
    const Result<ExifInfo> info = readExif(jpeg);
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_FALSE(info->takenAt);
    EXPECT_FALSE(info->latitude);
    EXPECT_FALSE(info->longitude);
    EXPECT_EQ(info->orientation, 1);
}

TEST(ReadExif, RefusesNonJpeg) {
    EXPECT_EQ(codeOf(readExif(Bytes{})), "photo_not_jpeg");
    EXPECT_EQ(codeOf(readExif(Bytes{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})),
              "photo_not_jpeg");
}

// ---------------------------------------------------------------------------------------------
// Pixel operations, on exact values

TEST(PixelOps, AppliesAllEightOrientations) {
    // Stored 3×2 image "abc/def"; expected upright images follow the EXIF definition of which
    // stored row and column are the visual top and left.
    RgbImage stored{3, 2, {}};
    for (const char c : std::string("abcdef")) {
        stored.pixels.insert(stored.pixels.end(), 3, static_cast<std::uint8_t>(c));
    }
    const std::vector<std::pair<int, std::string>> expected = {
        {1, "abc/def"},  {2, "cba/fed"},  {3, "fed/cba"},  {4, "def/abc"},
        {5, "ad/be/cf"}, {6, "da/eb/fc"}, {7, "fc/eb/da"}, {8, "cf/be/ad"},
    };
    for (const auto& [orientation, layout] : expected) {
        const RgbImage upright = detail::applyOrientation(stored, orientation);
        std::string actual;
        for (int y = 0; y < upright.height; ++y) {
            if (y > 0) {
                actual += '/';
            }
            for (int x = 0; x < upright.width; ++x) {
                actual += static_cast<char>(pixelAt(upright, x, y).r);
            }
        }
        EXPECT_EQ(actual, layout) << "orientation " << orientation;
    }
}

TEST(PixelOps, AreaResizeAveragesCoveredPixels) {
    RgbImage row{3, 1, {0, 0, 0, 90, 90, 90, 180, 180, 180}};
    const RgbImage halved = detail::resizeArea(row, {2, 1});
    // Output pixel 0 covers source [0, 1.5): (0 + 90 * 0.5) / 1.5 = 30; pixel 1: 150.
    EXPECT_EQ(pixelAt(halved, 0, 0).g, 30);
    EXPECT_EQ(pixelAt(halved, 1, 0).g, 150);

    RgbImage stripes{4, 4, {}};
    for (int i = 0; i < 16; ++i) {
        stripes.pixels.insert(stripes.pixels.end(), 3, i % 2 == 0 ? 0 : 255);
    }
    const RgbImage grey = detail::resizeArea(stripes, {2, 2});
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 2; ++x) {
            EXPECT_EQ(pixelAt(grey, x, y).b, 128);  // a nearest-neighbour shrink gives 0 or 255
        }
    }
}

TEST(PixelOps, FitLongEdgeKeepsAspectAndNeverEnlarges) {
    EXPECT_EQ(detail::fitLongEdge({4000, 3000}, 2048), (ImageSize{2048, 1536}));
    EXPECT_EQ(detail::fitLongEdge({3000, 1000}, 500), (ImageSize{500, 167}));
    EXPECT_EQ(detail::fitLongEdge({1000, 3000}, 500), (ImageSize{167, 500}));
    EXPECT_EQ(detail::fitLongEdge({100, 60}, 2048), (ImageSize{100, 60}));
    EXPECT_EQ(detail::fitLongEdge({10000, 1}, 100), (ImageSize{100, 1}));
}

TEST(PixelOps, PicksSmallestDctScaleThatStillCoversTheTarget) {
    using detail::pickScalingFactor;
    using detail::ScalingFactor;
    EXPECT_EQ(pickScalingFactor({4096, 3072}, 2048), (ScalingFactor{1, 2}));
    EXPECT_EQ(pickScalingFactor({4000, 3000}, 2048), (ScalingFactor{5, 8}));  // 2500 ≥ 2048 > 2000
    EXPECT_EQ(pickScalingFactor({3000, 4000}, 320), (ScalingFactor{1, 8}));
    EXPECT_EQ(pickScalingFactor({2600, 1300}, 2048), (ScalingFactor{7, 8}));
    EXPECT_EQ(pickScalingFactor({400, 200}, 100), (ScalingFactor{1, 4}));
    EXPECT_EQ(pickScalingFactor({1000, 800}, 2048), (ScalingFactor{1, 1}));
}

// ---------------------------------------------------------------------------------------------
// processPhoto

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

// Samples the middle of where a quarter-size corner mark lies.
Rgb cornerColour(const RgbImage& image, Corner corner) {
    const int dx = image.width / 8;
    const int dy = image.height / 8;
    const bool right = corner == Corner::TopRight || corner == Corner::BottomRight;
    const bool bottom = corner == Corner::BottomLeft || corner == Corner::BottomRight;
    return pixelAt(image, right ? image.width - 1 - dx : dx, bottom ? image.height - 1 - dy : dy);
}

struct OrientationCase {
    int orientation;
    Corner red;   // where the stored top-left ends up
    Corner blue;  // where the stored top-right ends up
};

class ProcessPhotoOrientation : public testing::TestWithParam<OrientationCase> {};

TEST_P(ProcessPhotoOrientation, MarksLandWhereExifSays) {
    const OrientationCase c = GetParam();
    const Bytes jpeg = withExif(markedJpeg(400, 200), [&](Exiv2::ExifData& exif) {
        exif["Exif.Image.Orientation"] = static_cast<std::uint16_t>(c.orientation);
    });
    PhotoLimits limits;
    limits.maxLongEdge = 100;
    limits.thumbnailLongEdge = 40;
    const Result<ProcessedPhoto> photo = processPhoto(jpeg, limits);
    ASSERT_TRUE(photo.ok()) << photo.error().message;

    const bool sideways = c.orientation >= 5;
    EXPECT_EQ(photo->size, sideways ? (ImageSize{50, 100}) : (ImageSize{100, 50}));
    EXPECT_EQ(photo->thumbnailSize, sideways ? (ImageSize{20, 40}) : (ImageSize{40, 20}));
    EXPECT_EQ(photo->exif.orientation, c.orientation);

    for (const Bytes* output : {&photo->jpeg, &photo->thumbnail}) {
        const RgbImage image = decode(*output);
        const ImageSize expectedSize = output == &photo->jpeg ? photo->size : photo->thumbnailSize;
        ASSERT_EQ(image.size(), expectedSize);
        for (const Corner corner :
             {Corner::TopLeft, Corner::TopRight, Corner::BottomLeft, Corner::BottomRight}) {
            const Rgb colour = cornerColour(image, corner);
            EXPECT_EQ(isRed(colour), corner == c.red)
                << "corner " << int(corner) << " in " << image.width << "×" << image.height;
            EXPECT_EQ(isBlue(colour), corner == c.blue)
                << "corner " << int(corner) << " in " << image.width << "×" << image.height;
        }
        EXPECT_FALSE(hasAnyExif(*output));
    }
}

INSTANTIATE_TEST_SUITE_P(
    AllEight, ProcessPhotoOrientation,
    testing::Values(OrientationCase{1, Corner::TopLeft, Corner::TopRight},
                    OrientationCase{2, Corner::TopRight, Corner::TopLeft},
                    OrientationCase{3, Corner::BottomRight, Corner::BottomLeft},
                    OrientationCase{4, Corner::BottomLeft, Corner::BottomRight},
                    OrientationCase{5, Corner::TopLeft, Corner::BottomLeft},
                    OrientationCase{6, Corner::TopRight, Corner::BottomRight},
                    OrientationCase{7, Corner::BottomRight, Corner::TopRight},
                    OrientationCase{8, Corner::BottomLeft, Corner::TopLeft}),
    [](const testing::TestParamInfo<OrientationCase>& param) {
        return "Orientation" + std::to_string(param.param.orientation);
    });

TEST(ProcessPhoto, CapsLongEdgeAndKeepsAspectRatio) {
    // A panorama keeps the default-limit case fast: 2600×260 decodes at 7/8 and shrinks to 2048.
    const Result<ProcessedPhoto> wide = processPhoto(markedJpeg(2600, 260));
    ASSERT_TRUE(wide.ok()) << wide.error().message;
    EXPECT_EQ(wide->size, (ImageSize{2048, 205}));
    EXPECT_EQ(wide->thumbnailSize, (ImageSize{320, 32}));
    EXPECT_EQ(decode(wide->jpeg).size(), wide->size);
    EXPECT_EQ(decode(wide->thumbnail).size(), wide->thumbnailSize);

    PhotoLimits limits;
    limits.maxLongEdge = 500;
    limits.thumbnailLongEdge = 90;
    const Result<ProcessedPhoto> tall = processPhoto(markedJpeg(1000, 3000), limits);
    ASSERT_TRUE(tall.ok()) << tall.error().message;
    EXPECT_EQ(tall->size, (ImageSize{167, 500}));
    EXPECT_EQ(tall->thumbnailSize, (ImageSize{30, 90}));
    EXPECT_TRUE(isRed(cornerColour(decode(tall->jpeg), Corner::TopLeft)));
}

TEST(ProcessPhoto, SmallPhotoIsNotEnlarged) {
    const Result<ProcessedPhoto> photo = processPhoto(markedJpeg(100, 60));
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    EXPECT_EQ(photo->size, (ImageSize{100, 60}));
    EXPECT_EQ(photo->thumbnailSize, (ImageSize{100, 60}));
}

TEST(ProcessPhoto, OutputCarriesNoExifButRecordKeepsIt) {
    const Bytes jpeg = withExif(markedJpeg(120, 80), [](Exiv2::ExifData& exif) {
        exif["Exif.Photo.DateTimeOriginal"] = "2022:05:24 10:11:12";
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "S";
        exif["Exif.GPSInfo.GPSLatitude"] = "10/1 0/1 0/1";
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "W";
        exif["Exif.GPSInfo.GPSLongitude"] = "20/1 0/1 0/1";
        exif["Exif.Image.Orientation"] = std::uint16_t{6};
    });
    ASSERT_TRUE(hasAnyExif(jpeg));
    const Result<ProcessedPhoto> photo = processPhoto(jpeg);
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    EXPECT_EQ(photo->size, (ImageSize{80, 120}));
    EXPECT_EQ(photo->exif.takenAt, "2022-05-24T10:11:12");
    EXPECT_EQ(photo->exif.latitude, -10.0);
    EXPECT_EQ(photo->exif.longitude, -20.0);
    for (const Bytes* output : {&photo->jpeg, &photo->thumbnail}) {
        EXPECT_FALSE(hasAnyExif(*output));
        const Result<ExifInfo> again = readExif(*output);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(again->orientation, 1);
        EXPECT_FALSE(again->takenAt);
        EXPECT_FALSE(again->latitude);
    }
}

TEST(ProcessPhoto, Sha256MatchesBytesAndIsStable) {
    const Bytes jpeg = markedJpeg(300, 200);
    const Result<ProcessedPhoto> photo = processPhoto(jpeg, PhotoLimits{.thumbnailLongEdge = 64});
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    EXPECT_EQ(photo->sha256, sha256Hex(std::span<const std::uint8_t>(photo->jpeg)));
    EXPECT_EQ(photo->thumbnailSha256, sha256Hex(std::span<const std::uint8_t>(photo->thumbnail)));
    EXPECT_EQ(photo->sha256.size(), 64U);
    EXPECT_NE(photo->sha256, photo->thumbnailSha256);
    // Blobs are addressed by hash, so the same input must give the same bytes.
    const Result<ProcessedPhoto> again = processPhoto(jpeg, PhotoLimits{.thumbnailLongEdge = 64});
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->sha256, photo->sha256);
    EXPECT_EQ(again->thumbnailSha256, photo->thumbnailSha256);
}

TEST(ProcessPhoto, RefusesTruncatedScan) {
    const Bytes jpeg = markedJpeg(256, 192);
    const std::size_t scan = scanDataStart(jpeg);
    const std::size_t scanLength = jpeg.size() - 2 - scan;
    for (const std::size_t cut : {scan + 1, scan + scanLength / 10, scan + scanLength / 2,
                                  scan + scanLength * 9 / 10, jpeg.size() - 2, jpeg.size() - 1}) {
        const Bytes truncated(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(cut));
        const Result<ProcessedPhoto> photo = processPhoto(truncated);
        EXPECT_EQ(codeOf(photo), "photo_truncated") << "cut at " << cut << " of " << jpeg.size();
        if (!photo.ok()) {
            EXPECT_NE(photo.error().message.find("again"), std::string::npos);
        }
    }
}

TEST(ProcessPhoto, RefusesCorruptData) {
    const Bytes jpeg = markedJpeg(256, 192);

    Bytes garbageInScan = jpeg;
    const std::size_t scan = scanDataStart(jpeg);
    std::uint32_t seed = 12345;
    for (std::size_t i = 0; i < 64; ++i) {
        seed = seed * 1103515245U + 12345U;
        garbageInScan[scan + (jpeg.size() - scan) / 3 + i] = static_cast<std::uint8_t>(seed >> 16);
    }
    EXPECT_EQ(codeOf(processPhoto(garbageInScan)), "photo_corrupt");

    Bytes bogusHuffmanTable = jpeg;
    const std::size_t dht = segmentOffset(jpeg, 0xC4);
    std::fill_n(bogusHuffmanTable.begin() + static_cast<std::ptrdiff_t>(dht + 5), 16, 0xFF);
    EXPECT_EQ(codeOf(processPhoto(bogusHuffmanTable)), "photo_corrupt");

    Bytes zeroWidth = jpeg;
    patchFrameSize(zeroWidth, 0, 192);
    EXPECT_EQ(codeOf(processPhoto(zeroWidth)), "photo_corrupt");

    Bytes noFrameHeader = jpeg;
    noFrameHeader[segmentOffset(jpeg, 0xC0) + 1] = 0xEF;  // SOF0 becomes an APP15 segment
    EXPECT_EQ(codeOf(processPhoto(noFrameHeader)), "photo_corrupt");

    Bytes badComponentCount = jpeg;
    badComponentCount[segmentOffset(jpeg, 0xC0) + 9] = 2;
    EXPECT_EQ(codeOf(processPhoto(badComponentCount)), "photo_corrupt");
}

TEST(ProcessPhoto, AcceptsGreyscaleAndRefusesCmykAndTwelveBit) {
    const Bytes grey = encode(makeMarkedImage(64, 32), 0, TJSAMP_GRAY);
    const Result<ProcessedPhoto> greyPhoto = processPhoto(grey);
    ASSERT_TRUE(greyPhoto.ok()) << greyPhoto.error().message;
    EXPECT_EQ(greyPhoto->size, (ImageSize{64, 32}));

    const RgbImage source = makeMarkedImage(32, 32);
    std::vector<std::uint8_t> cmyk;
    for (std::size_t i = 0; i < source.pixels.size(); i += 3) {
        cmyk.insert(cmyk.end(), {source.pixels[i], source.pixels[i + 1], source.pixels[i + 2], 0});
    }
    const TjHandle handle(tjInitCompress());
    unsigned char* raw = nullptr;
    unsigned long size = 0;
    ASSERT_EQ(tjCompress2(handle.get(), cmyk.data(), 32, 0, 32, TJPF_CMYK, &raw, &size, TJSAMP_444,
                          90, 0),
              0);
    const std::unique_ptr<unsigned char, TjFree> buffer(raw);
    EXPECT_EQ(codeOf(processPhoto(Bytes(raw, raw + size))), "photo_unsupported");

    Bytes twelveBit = markedJpeg(32, 32);
    twelveBit[segmentOffset(twelveBit, 0xC0) + 4] = 12;
    EXPECT_EQ(codeOf(processPhoto(twelveBit)), "photo_unsupported");
}

TEST(ProcessPhoto, RefusesNonJpeg) {
    EXPECT_EQ(codeOf(processPhoto(Bytes{})), "photo_not_jpeg");
    EXPECT_EQ(codeOf(processPhoto(Bytes{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0})),
              "photo_not_jpeg");
}

TEST(ProcessPhoto, RefusesPixelFloodBeforeDecoding) {
    // Only the header claims 65000×65000; the scan holds 32×32 pixels. Had a decode been tried,
    // it would have sized a buffer from the header and then failed as truncated or corrupt.
    Bytes flood = markedJpeg(32, 32);
    patchFrameSize(flood, 65000, 65000);
    const Result<ProcessedPhoto> photo = processPhoto(flood);
    EXPECT_EQ(codeOf(photo), "photo_too_many_pixels");

    PhotoLimits limits;
    limits.maxPixels = 31 * 32;
    EXPECT_EQ(codeOf(processPhoto(markedJpeg(32, 32), limits)), "photo_too_many_pixels");
}

TEST(ProcessPhoto, RefusesTooLargeFile) {
    const Bytes jpeg = markedJpeg(64, 64);
    PhotoLimits limits;
    limits.maxFileBytes = jpeg.size() - 1;
    const Result<ProcessedPhoto> photo = processPhoto(jpeg, limits);
    EXPECT_EQ(codeOf(photo), "photo_too_large");
    limits.maxFileBytes = jpeg.size();
    EXPECT_TRUE(processPhoto(jpeg, limits).ok());
}

// ---------------------------------------------------------------------------------------------
// processPhotoFile

class ProcessPhotoFile : public testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::path(testing::TempDir()) /
                ("duban_media_test_" +
                 std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::filesystem::path write(const std::string& name, const Bytes& bytes) {
        const std::filesystem::path file = m_dir / name;
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
        return file;
    }

    std::filesystem::path m_dir;
};

TEST_F(ProcessPhotoFile, ProcessesFileContents) {
    const Bytes jpeg = markedJpeg(80, 40);
    const Result<ProcessedPhoto> photo = processPhotoFile(write("photo.jpg", jpeg));
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    EXPECT_EQ(photo->size, (ImageSize{80, 40}));
    EXPECT_EQ(photo->sha256, processPhoto(jpeg)->sha256);
}

TEST_F(ProcessPhotoFile, MissingFileOrDirectoryIsIoError) {
    EXPECT_EQ(codeOf(processPhotoFile(m_dir / "missing.jpg")), "photo_io");
    EXPECT_EQ(codeOf(processPhotoFile(m_dir)), "photo_io");
}

TEST_F(ProcessPhotoFile, TooLargeFileIsRefused) {
    const std::filesystem::path file = write("big.jpg", markedJpeg(64, 64));
    PhotoLimits limits;
    limits.maxFileBytes = 100;
    const Result<ProcessedPhoto> photo = processPhotoFile(file, limits);
    EXPECT_EQ(codeOf(photo), "photo_too_large");
}

}  // namespace
}  // namespace duban::media
