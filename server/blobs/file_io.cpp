#include "server/blobs/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>
#include <utility>

#include "core/util/sha256.h"

namespace duban::server {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

constexpr std::size_t kBufferBytes = 64 * 1024;

}  // namespace

std::optional<File> File::open(const std::filesystem::path& path, bool writable) {
    const int fd = ::open(path.c_str(), (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        fail("cannot open", path);
    }
    return File(fd, path);
}

File File::create(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        fail("cannot create", path);
    return File(fd, path);
}

File::File(File&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)) {}

File& File::operator=(File&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

File::~File() {
    if (m_fd >= 0)
        ::close(m_fd);
}

std::uint64_t File::size() const {
    struct stat info {};
    if (::fstat(m_fd, &info) != 0)
        fail("cannot stat", m_path);
    return static_cast<std::uint64_t>(info.st_size);
}

void File::truncate(std::uint64_t size) const {
    if (::ftruncate(m_fd, static_cast<off_t>(size)) != 0)
        fail("cannot truncate", m_path);
}

void File::writeAt(const void* data, std::size_t size, std::uint64_t offset) const {
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::pwrite(m_fd, bytes, size, static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("cannot write", m_path);
        }
        bytes += n;
        size -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
}

std::size_t File::readAt(void* data, std::size_t size, std::uint64_t offset) const {
    auto* bytes = static_cast<char*>(data);
    std::size_t total = 0;
    while (total < size) {
        const ssize_t n =
            ::pread(m_fd, bytes + total, size - total, static_cast<off_t>(offset + total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("cannot read", m_path);
        }
        if (n == 0)
            break;
        total += static_cast<std::size_t>(n);
    }
    return total;
}

void File::sync() const {
    if (::fsync(m_fd) != 0)
        fail("cannot sync", m_path);
}

void syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open directory", dir);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        fail("cannot sync directory", dir);
}

std::optional<std::string> sha256OfFile(const File& file, std::uint64_t size) {
    Sha256 hash;
    std::array<std::uint8_t, kBufferBytes> buffer{};
    std::uint64_t done = 0;
    while (done < size) {
        const std::size_t want =
            static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), size - done));
        const std::size_t got = file.readAt(buffer.data(), want, done);
        if (got == 0)
            return std::nullopt;
        hash.update(std::span(buffer.data(), got));
        done += got;
    }
    return hash.finishHex();
}

void removeFile(const std::filesystem::path& path) {
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error)
        throw std::system_error(error, "cannot remove " + path.string());
}

}  // namespace duban::server
