#include "tests/support/test_photos.h"

#include <fstream>
#include <random>
#include <stdexcept>

#include "core/media/jpeg_codec.h"

namespace duban::test {

void writeNoiseJpeg(const std::filesystem::path& file, int width, int height, unsigned seed) {
    media::detail::RgbImage image{width, height, {}};
    image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    std::mt19937 random(seed);
    for (auto& p : image.pixels)
        p = static_cast<std::uint8_t>(random() & 0xFF);
    const std::vector<std::uint8_t> jpeg = media::detail::encodeJpeg(image, 95);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(jpeg.data()),
              static_cast<std::streamsize>(jpeg.size()));
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
}

}  // namespace duban::test
