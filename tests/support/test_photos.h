#pragma once
// Photo fixtures made at test time with the product's own JPEG encoder.
#include <filesystem>

namespace duban::test {

// Writes a JPEG of random pixels (incompressible, so it stays large after Duban re-encodes it),
// different for each seed. 2048 × 1536 makes a photo of about 2–3 MB.
void writeNoiseJpeg(const std::filesystem::path& file, int width, int height, unsigned seed);

}  // namespace duban::test
