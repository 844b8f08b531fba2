#pragma once
// Internal: the magic-byte check shared by the header reader and the EXIF reader, so both refuse
// non-JPEG input with the same code and message.
#include <cstdint>
#include <span>

#include "core/util/result.h"

namespace duban::media::detail {

[[nodiscard]] bool hasJpegMagic(std::span<const std::uint8_t> bytes);
// Names the format when it is a common one (PNG, HEIC, ...) so the message can say what to do.
[[nodiscard]] Error notJpegError(std::span<const std::uint8_t> bytes);

}  // namespace duban::media::detail
