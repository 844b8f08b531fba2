#pragma once
// Password hashing with scrypt from OpenSSL (OWASP: N=2^17, r=8, p=1). The stored form carries
// its parameters — "scrypt$N$r$p$salt$hash" (base64) — so the cost can rise without breaking old
// hashes.
#include <cstdint>
#include <string>
#include <string_view>

namespace duban::server {

[[nodiscard]] std::string hashPassword(std::string_view password, std::uint64_t n = 1u << 17);
// Constant-time comparison; false for a malformed stored hash.
[[nodiscard]] bool verifyPassword(std::string_view password, std::string_view stored);
// What a password must be: at least 10 characters. Empty when fine, else the reason.
[[nodiscard]] std::string passwordProblem(std::string_view password);

// `bytes` random bytes from the system generator as base64url without padding.
[[nodiscard]] std::string randomToken(std::size_t bytes = 32);

}  // namespace duban::server
