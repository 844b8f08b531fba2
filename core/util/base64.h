#pragma once
// Base64 (RFC 4648) for what the server and the device both write: password hashes, tokens,
// tus Upload-Metadata and Upload-Checksum.
#include <optional>
#include <string>
#include <string_view>

namespace duban {

// Standard alphabet, with padding.
[[nodiscard]] std::string base64(std::string_view bytes);
// URL- and filename-safe alphabet, without padding (tokens).
[[nodiscard]] std::string base64Url(std::string_view bytes);
// Standard base64 with or without padding; nullopt for any other character or length.
[[nodiscard]] std::optional<std::string> decodeBase64(std::string_view text);

}  // namespace duban
