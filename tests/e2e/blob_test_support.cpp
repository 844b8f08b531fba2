#include "tests/e2e/blob_test_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <sys/socket.h>
#include <turbojpeg.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

namespace duban::test {
namespace {

struct TjDestroy {
    void operator()(void* handle) const { tjDestroy(handle); }
};
struct TjFree {
    void operator()(unsigned char* buffer) const { tjFree(buffer); }
};

std::string encodeRgb(const std::vector<unsigned char>& pixels, int width, int height) {
    const std::unique_ptr<void, TjDestroy> handle(tjInitCompress());
    unsigned char* raw = nullptr;
    unsigned long size = 0;
    const int rc = tjCompress2(handle.get(), pixels.data(), width, 0, height, TJPF_RGB, &raw, &size,
                               TJSAMP_444, 92, 0);
    const std::unique_ptr<unsigned char, TjFree> buffer(raw);
    if (rc != 0)
        throw std::runtime_error(std::string("tjCompress2: ") + tjGetErrorStr2(handle.get()));
    return std::string(reinterpret_cast<const char*>(raw), size);
}

std::string digest(const EVP_MD* md, std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), out.data(), &length, md, nullptr);
    return std::string(reinterpret_cast<const char*>(out.data()), length);
}

std::map<std::string, std::string> withTus(std::map<std::string, std::string> headers) {
    headers.emplace("Tus-Resumable", "1.0.0");
    return headers;
}

}  // namespace

std::string noiseJpeg(int width, int height, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    for (auto& p : pixels)
        p = static_cast<unsigned char>(random() & 0xFF);
    return encodeRgb(pixels, width, height);
}

std::string jpegClaiming(int width, int height) {
    std::string jpeg = encodeRgb(std::vector<unsigned char>(32 * 32 * 3, 128), 32, 32);
    const std::size_t sof = jpeg.find("\xFF\xC0");
    if (sof == std::string::npos)
        throw std::runtime_error("no SOF0 in the fixture");
    // FF C0, length (2), precision (1), height (2), width (2)
    jpeg[sof + 5] = static_cast<char>(height >> 8);
    jpeg[sof + 6] = static_cast<char>(height & 0xFF);
    jpeg[sof + 7] = static_cast<char>(width >> 8);
    jpeg[sof + 8] = static_cast<char>(width & 0xFF);
    return jpeg;
}

std::string base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                       reinterpret_cast<const unsigned char*>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string sha1Raw(std::string_view bytes) {
    return digest(EVP_sha1(), bytes);
}

std::string sha256Raw(std::string_view bytes) {
    return digest(EVP_sha256(), bytes);
}

std::string sha256Of(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char c : sha256Raw(bytes)) {
        hex.push_back(kHex[c >> 4]);
        hex.push_back(kHex[c & 0x0F]);
    }
    return hex;
}

HttpResponse Tus::create(std::size_t length, const std::string& sha256,
                         std::map<std::string, std::string> extra) const {
    extra.emplace("Upload-Length", std::to_string(length));
    extra.emplace("Upload-Metadata",
                  "sha256 " + base64(sha256) + ",filename " + base64("../../etc/passwd"));
    return m_http.request("POST", "/v1/uploads", "", withTus(std::move(extra)));
}

HttpResponse Tus::patch(const std::string& location, std::size_t offset, std::string_view bytes,
                        std::map<std::string, std::string> extra) const {
    extra.emplace("Content-Type", "application/offset+octet-stream");
    extra.emplace("Upload-Offset", std::to_string(offset));
    return m_http.request("PATCH", location, std::string(bytes), withTus(std::move(extra)));
}

HttpResponse Tus::head(const std::string& location) const {
    return m_http.request("HEAD", location, "", withTus({}));
}

HttpResponse Tus::remove(const std::string& location) const {
    return m_http.request("DELETE", location, "", withTus({}));
}

HttpResponse Tus::upload(std::string_view bytes, std::size_t chunk, std::string* location,
                         const std::string& declaredSha256) const {
    const HttpResponse created =
        create(bytes.size(), declaredSha256.empty() ? sha256Of(bytes) : declaredSha256);
    if (created.status != 201)
        return created;
    const std::string where = created.headers.at("location");
    if (location != nullptr)
        *location = where;
    HttpResponse last;
    for (std::size_t offset = 0; offset < bytes.size(); offset += chunk) {
        last = patch(where, offset, bytes.substr(offset, chunk));
        if (last.status != 204)
            return last;
    }
    return last;
}

RawTls::RawTls(int port, const std::filesystem::path& caFile) {
    m_ctx = SSL_CTX_new(TLS_client_method());
    if (m_ctx == nullptr || SSL_CTX_load_verify_locations(m_ctx, caFile.c_str(), nullptr) != 1)
        throw std::runtime_error("RawTls: cannot load the CA");
    SSL_CTX_set_verify(m_ctx, SSL_VERIFY_PEER, nullptr);
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("RawTls: cannot connect");
    m_ssl = SSL_new(m_ctx);
    SSL_set_fd(m_ssl, m_fd);
    SSL_set_tlsext_host_name(m_ssl, "localhost");
    SSL_set1_host(m_ssl, "localhost");
    if (SSL_connect(m_ssl) != 1)
        throw std::runtime_error("RawTls: the TLS handshake failed");
}

RawTls::~RawTls() {
    if (m_ssl != nullptr)
        SSL_free(m_ssl);
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_ctx != nullptr)
        SSL_CTX_free(m_ctx);
}

void RawTls::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const int n = SSL_write(m_ssl, bytes.data(), static_cast<int>(bytes.size()));
        if (n <= 0)
            throw std::runtime_error("RawTls: write failed");
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

bool RawTls::answered() const {
    // Peeks without blocking: readable bytes on the socket may be only TLS 1.3 session tickets.
    const int flags = ::fcntl(m_fd, F_GETFL);
    ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
    char byte = 0;
    const int n = SSL_peek(m_ssl, &byte, 1);
    const int error = n > 0 ? SSL_ERROR_NONE : SSL_get_error(m_ssl, n);
    ::fcntl(m_fd, F_SETFL, flags);
    return n > 0 || (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE);
}

void RawTls::shutdownWrite() {
    ::shutdown(m_fd, SHUT_WR);
}

bool RawTls::fill() {
    std::array<char, 16 * 1024> buffer{};
    const int n = SSL_read(m_ssl, buffer.data(), static_cast<int>(buffer.size()));
    if (n <= 0)
        return false;
    m_pending.append(buffer.data(), static_cast<std::size_t>(n));
    return true;
}

RawTls::Response RawTls::readResponse(bool toHead) {
    Response response;
    std::size_t end = 0;
    while ((end = m_pending.find("\r\n\r\n")) == std::string::npos) {
        if (!fill())
            return response;
    }
    const std::string head = m_pending.substr(0, end);
    m_pending.erase(0, end + 4);
    response.status = std::stoi(head.substr(head.find(' ') + 1, 3));
    std::size_t lineStart = head.find("\r\n");
    while (lineStart != std::string::npos) {
        const std::size_t next = head.find("\r\n", lineStart + 2);
        const std::string line = head.substr(
            lineStart + 2, next == std::string::npos ? std::string::npos : next - lineStart - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (char& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            response.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        }
        lineStart = next;
    }
    const std::size_t length = !toHead && response.headers.contains("content-length")
                                   ? std::stoul(response.headers["content-length"])
                                   : 0;
    while (m_pending.size() < length) {
        if (!fill())
            break;
    }
    response.body = m_pending.substr(0, length);
    m_pending.erase(0, std::min(length, m_pending.size()));
    return response;
}

std::string RawTls::readToEnd() {
    while (fill()) {
    }
    // TLS may end before TCP does (a server answers a cut request with an alert at once, and
    // closes only when its handler is done): wait for the close itself.
    std::array<char, 4096> buffer{};
    while (::recv(m_fd, buffer.data(), buffer.size(), 0) > 0) {
    }
    return std::exchange(m_pending, {});
}

}  // namespace duban::test
