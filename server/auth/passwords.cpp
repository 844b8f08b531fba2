#include "server/auth/passwords.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/util/base64.h"
#include "core/util/utf8.h"

namespace duban::server {
namespace {

constexpr std::uint64_t kR = 8;
constexpr std::uint64_t kP = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string randomBytes(std::size_t count) {
    std::string bytes(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
        throw std::runtime_error("the system random generator failed");
    }
    return bytes;
}

std::string scrypt(std::string_view password, std::string_view salt, std::uint64_t n,
                   std::uint64_t r, std::uint64_t p) {
    std::string key(kHashBytes, '\0');
    const std::uint64_t maxMemory = 128 * r * n * p + 64 * 1024 * 1024;
    if (EVP_PBE_scrypt(password.data(), password.size(),
                       reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n, r, p,
                       maxMemory, reinterpret_cast<unsigned char*>(key.data()), key.size()) != 1) {
        throw std::runtime_error("scrypt failed (out of memory?)");
    }
    return key;
}

}  // namespace

std::string randomToken(std::size_t bytes) {
    return base64Url(randomBytes(bytes));
}

std::string hashPassword(std::string_view password, std::uint64_t n) {
    const std::string salt = randomBytes(kSaltBytes);
    std::ostringstream out;
    out << "scrypt$" << n << '$' << kR << '$' << kP << '$' << base64(salt) << '$'
        << base64(scrypt(password, salt, n, kR, kP));
    return out.str();
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in{std::string(stored)};
    while (std::getline(in, part, '$'))
        parts.push_back(part);
    if (parts.size() != 6 || parts[0] != "scrypt")
        return false;
    try {
        const std::uint64_t n = std::stoull(parts[1]);
        const std::uint64_t r = std::stoull(parts[2]);
        const std::uint64_t p = std::stoull(parts[3]);
        if (n < 2 || n > (1u << 22) || r == 0 || r > 32 || p == 0 || p > 16)
            return false;
        const std::string expected = decodeBase64(parts[5]).value_or("");
        const std::string actual = scrypt(password, decodeBase64(parts[4]).value_or(""), n, r, p);
        return expected.size() == actual.size() &&
               CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
    } catch (const std::exception&) {
        return false;
    }
}

std::string passwordProblem(std::string_view password) {
    if (utf8Length(password) < 10)
        return "a password needs at least 10 characters.";
    if (password.size() > 1024)
        return "a password may not be longer than 1024 bytes.";
    return {};
}

}  // namespace duban::server
