#include "server/blobs/tus_headers.h"

#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <ctime>
#include <stdexcept>

#include "core/util/base64.h"
#include "server/http/header_text.h"

namespace duban::server::tus {
namespace {

const EVP_MD* digestFor(std::string_view algorithm) {
    if (algorithm == "sha1")
        return EVP_sha1();
    if (algorithm == "sha256")
        return EVP_sha256();
    return nullptr;
}

}  // namespace

std::optional<std::uint64_t> parseUnsigned(std::string_view text) {
    if (text.empty() || text.size() > 19)
        return std::nullopt;
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

Result<std::map<std::string, std::string>> parseMetadata(std::string_view header) {
    std::map<std::string, std::string> values;
    for (const std::string_view pair : headerListItems(header)) {
        if (pair.empty())
            return makeError("invalid", "Upload-Metadata has an empty entry.");
        const std::size_t space = pair.find(' ');
        const std::string key(pair.substr(0, space));
        if (key.empty() || key.find_first_of(",\t") != std::string::npos)
            return makeError("invalid", "Upload-Metadata has an entry without a key.");
        std::string value;
        if (space != std::string_view::npos) {
            auto decoded = decodeBase64(trimHeaderSpace(pair.substr(space + 1)));
            if (!decoded) {
                return makeError("invalid",
                                 "Upload-Metadata value of '" + key + "' is not base64.");
            }
            value = std::move(*decoded);
        }
        if (!values.emplace(key, std::move(value)).second)
            return makeError("invalid", "Upload-Metadata names '" + key + "' twice.");
    }
    return values;
}

Result<ChunkChecksum> parseChecksum(std::string_view header) {
    header = trimHeaderSpace(header);
    const std::size_t space = header.find(' ');
    if (space == std::string_view::npos) {
        return makeError("invalid",
                         "Upload-Checksum must be '<algorithm> <base64 digest>', e.g. 'sha1 …'.");
    }
    ChunkChecksum checksum{std::string(header.substr(0, space)), {}};
    const EVP_MD* md = digestFor(checksum.algorithm);
    if (md == nullptr) {
        return makeError("checksum_algorithm_unsupported",
                         "Upload-Checksum algorithm '" + checksum.algorithm +
                             "' is not supported; use sha1 or sha256.");
    }
    auto digest = decodeBase64(trimHeaderSpace(header.substr(space + 1)));
    if (!digest || digest->size() != static_cast<std::size_t>(EVP_MD_get_size(md))) {
        return makeError(
            "invalid", "Upload-Checksum digest is not a base64 " + checksum.algorithm + " digest.");
    }
    checksum.digest = std::move(*digest);
    return checksum;
}

struct ChunkDigest::Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

ChunkDigest::ChunkDigest(std::string_view algorithm) : m_context(std::make_unique<Context>()) {
    const EVP_MD* md = digestFor(algorithm);
    if (md == nullptr || m_context->ctx == nullptr ||
        EVP_DigestInit_ex(m_context->ctx, md, nullptr) != 1) {
        throw std::runtime_error("digest " + std::string(algorithm) + " is not available");
    }
}

ChunkDigest::~ChunkDigest() = default;

void ChunkDigest::update(const char* data, std::size_t size) {
    EVP_DigestUpdate(m_context->ctx, data, size);
}

std::string ChunkDigest::finish() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, digest.data(), &length);
    return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string httpDate(std::int64_t unixMs) {
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                      "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 40> text{};
    std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                  kDays[static_cast<std::size_t>(utc.tm_wday)], utc.tm_mday,
                  kMonths[static_cast<std::size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour,
                  utc.tm_min, utc.tm_sec);
    return text.data();
}

}  // namespace duban::server::tus
