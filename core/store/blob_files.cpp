#include "core/store/blob_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <vector>

#include "core/util/file_descriptor.h"

namespace duban {
namespace {

Error ioError(const std::string& what, int error) {
    return makeError("blob_io", what + " (" + std::strerror(error) +
                                    "); check that the device has free space and that the "
                                    "store's folder is writable.");
}

bool fsyncFolder(const std::filesystem::path& folder) {
    const FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

}  // namespace

bool isSha256Hex(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::filesystem::path blobFilePath(const std::filesystem::path& blobsFolder,
                                   std::string_view sha256) {
    if (!isSha256Hex(sha256))
        return {};
    return blobsFolder / std::string(sha256.substr(0, 2)) / std::string(sha256);
}

Result<std::unique_ptr<BlobFileWriter>> BlobFileWriter::create(
    const std::filesystem::path& blobsFolder, std::string sha256) {
    const std::filesystem::path target = blobFilePath(blobsFolder, sha256);
    if (target.empty())
        return makeError("invalid", "\"" + sha256 + "\" is not a SHA-256 (64 lowercase hex).");
    std::error_code error;
    std::filesystem::create_directories(target.parent_path(), error);
    if (error)
        return ioError("cannot make the folder " + target.parent_path().string(), error.value());
    std::string pattern = (target.parent_path() / ("." + sha256 + ".XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0)
        return ioError("cannot make a temporary file in " + target.parent_path().string(), errno);
    return std::unique_ptr<BlobFileWriter>(
        new BlobFileWriter(target, std::filesystem::path(name.data()), fd, std::move(sha256)));
}

BlobFileWriter::BlobFileWriter(std::filesystem::path target, std::filesystem::path temporary,
                               int fd, std::string sha256)
    : m_target(std::move(target)),
      m_temporary(std::move(temporary)),
      m_fd(fd),
      m_sha256(std::move(sha256)) {}

BlobFileWriter::~BlobFileWriter() {
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed) {
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
    }
}

Status BlobFileWriter::append(std::span<const std::uint8_t> bytes) {
    m_hash.update(bytes);
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return ioError("cannot write " + m_temporary.string(), n < 0 ? errno : EIO);
        bytes = bytes.subspan(static_cast<std::size_t>(n));
        m_written += n;
    }
    return Ok{};
}

Status BlobFileWriter::commit() {
    if (::fsync(m_fd) != 0)
        return ioError("cannot flush " + m_temporary.string() + " to disk", errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return ioError("cannot close " + m_temporary.string(), errno);
    const std::string actual = m_hash.finishHex();
    if (actual != m_sha256) {
        return makeError("blob_corrupt", "the bytes received for blob " + m_sha256 +
                                             " have the SHA-256 " + actual +
                                             "; they were thrown away. Try again.");
    }
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0)
        return ioError("cannot rename " + m_temporary.string(), errno);
    m_committed = true;
    // The blob's folder, and the folder above it, which may have just gained it.
    if (!fsyncFolder(m_target.parent_path()) || !fsyncFolder(m_target.parent_path().parent_path()))
        return ioError("cannot flush the folder " + m_target.parent_path().string(), errno);
    return Ok{};
}

Status writeBlobFile(const std::filesystem::path& blobsFolder, const std::string& sha256,
                     std::span<const std::uint8_t> bytes) {
    std::error_code error;
    if (std::filesystem::exists(blobFilePath(blobsFolder, sha256), error))
        return Ok{};
    auto writer = BlobFileWriter::create(blobsFolder, sha256);
    if (!writer)
        return writer.error();
    if (Status appended = writer.value()->append(bytes); !appended)
        return appended;
    return writer.value()->commit();
}

}  // namespace duban
