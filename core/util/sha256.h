#pragma once
// SHA-256 (OpenSSL) as lowercase hex: blobs are addressed by it.
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace duban {

[[nodiscard]] std::string sha256Hex(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string sha256Hex(std::string_view text);

// Incremental hashing for streams larger than memory.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::span<const std::uint8_t> bytes);
    [[nodiscard]] std::string finishHex();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

}  // namespace duban
