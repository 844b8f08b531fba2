#include "core/media/jpeg_codec.h"

#include <turbojpeg.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

namespace duban::media::detail {
namespace {

struct TjDestroy {
    void operator()(void* handle) const noexcept { tjDestroy(handle); }
};
using TjHandle = std::unique_ptr<void, TjDestroy>;

TjHandle makeHandle(tjhandle raw) {
    if (raw == nullptr) {
        throw std::bad_alloc();  // TurboJPEG only fails to create a handle when out of memory
    }
    return TjHandle(raw);
}

Error decodeError(tjhandle handle) {
    const std::string reason = tjGetErrorStr2(handle);
    // libjpeg reports running out of data as a warning and pads the rest of the image with grey;
    // a photo with a grey bottom is still a broken photo.
    if (reason.find("Premature end of JPEG file") != std::string::npos) {
        return makeError(std::string(kErrorTruncated),
                         "The photo is incomplete: its image data ends early, so it was probably "
                         "cut off while copying or uploading; send the photo again.");
    }
    return makeError(std::string(kErrorCorrupt),
                     "The photo is damaged and cannot be decoded (" + reason +
                         "); take the photo again or pick another copy of it.");
}

}  // namespace

ImageSize scaledSize(ImageSize stored, ScalingFactor factor) {
    const tjscalingfactor tj{factor.num, factor.denom};
    return {TJSCALED(stored.width, tj), TJSCALED(stored.height, tj)};
}

ScalingFactor pickScalingFactor(ImageSize stored, int targetLongEdge) {
    const int storedLong = std::max(stored.width, stored.height);
    const int wanted = std::clamp(targetLongEdge, 1, std::max(storedLong, 1));
    int count = 0;
    const tjscalingfactor* factors = tjGetScalingFactors(&count);
    ScalingFactor best;
    int bestLong = storedLong;
    for (int i = 0; factors != nullptr && i < count; ++i) {
        const ScalingFactor candidate{factors[i].num, factors[i].denom};
        if (candidate.num > candidate.denom) {
            continue;  // enlarging while decoding only wastes time
        }
        const ImageSize size = scaledSize(stored, candidate);
        const int candidateLong = std::max(size.width, size.height);
        if (candidateLong >= wanted && candidateLong < bestLong) {
            best = candidate;
            bestLong = candidateLong;
        }
    }
    return best;
}

Result<RgbImage> decodeJpeg(std::span<const std::uint8_t> bytes, ImageSize stored,
                            ScalingFactor factor) {
    const TjHandle handle = makeHandle(tjInitDecompress());
    const auto size = static_cast<unsigned long>(bytes.size());
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (tjDecompressHeader3(handle.get(), bytes.data(), size, &width, &height, &subsampling,
                            &colorspace) != 0) {
        return decodeError(handle.get());
    }
    if (width != stored.width || height != stored.height) {
        // The size was checked against the limits from our own header walk; decoding a different
        // frame would bypass that check.
        return makeError(std::string(kErrorCorrupt),
                         "The photo is damaged (its header gives two different sizes); take the "
                         "photo again or pick another copy of it.");
    }
    if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK) {
        return makeError(
            std::string(kErrorUnsupported),
            "The photo is a CMYK (print) JPEG, which Duban cannot read; export it as an "
            "RGB JPEG and try again.");
    }
    const ImageSize scaled = scaledSize(stored, factor);
    RgbImage image{scaled.width, scaled.height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(scaled.width) *
                                             static_cast<std::size_t>(scaled.height) * 3)};
    if (tjDecompress2(handle.get(), bytes.data(), size, image.pixels.data(), scaled.width, 0,
                      scaled.height, TJPF_RGB, TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0) {
        return decodeError(handle.get());
    }
    return image;
}

std::vector<std::uint8_t> encodeJpeg(const RgbImage& image, int quality) {
    const TjHandle handle = makeHandle(tjInitCompress());
    const unsigned long capacity = tjBufSize(image.width, image.height, TJSAMP_420);
    if (capacity == static_cast<unsigned long>(-1)) {
        throw std::runtime_error(std::string("JPEG encoding failed: ") + tjGetErrorStr2(nullptr));
    }
    // Compressing into our own buffer (NOREALLOC) avoids a TurboJPEG-owned allocation to free.
    std::vector<std::uint8_t> jpeg(capacity);
    unsigned char* output = jpeg.data();
    unsigned long jpegSize = capacity;
    if (tjCompress2(handle.get(), image.pixels.data(), image.width, 0, image.height, TJPF_RGB,
                    &output, &jpegSize, TJSAMP_420, std::clamp(quality, 1, 100),
                    TJFLAG_NOREALLOC | TJFLAG_ACCURATEDCT) != 0) {
        throw std::runtime_error(std::string("JPEG encoding failed: ") +
                                 tjGetErrorStr2(handle.get()));
    }
    jpeg.resize(jpegSize);
    return jpeg;
}

}  // namespace duban::media::detail
