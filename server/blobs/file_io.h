#pragma once
// POSIX file handles for the blob store and uploads: positioned writes, fsync, and streaming reads
// through one fixed buffer, so no upload or blob is ever held in memory whole. I/O failures are
// exceptions (std::system_error) inside this module; the routes turn them into a logged 500.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace duban::server {

class File {
public:
    // Opens an existing file (read-write when `writable`); nullopt when it does not exist.
    [[nodiscard]] static std::optional<File> open(const std::filesystem::path& path, bool writable);
    // Creates a new, empty file; fails if it exists.
    static File create(const std::filesystem::path& path);

    File(File&& other) noexcept;
    File& operator=(File&& other) noexcept;
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    ~File();

    [[nodiscard]] std::uint64_t size() const;
    void truncate(std::uint64_t size) const;
    void writeAt(const void* data, std::size_t size, std::uint64_t offset) const;
    // Reads up to `size` bytes at `offset`; fewer only at the end of the file.
    [[nodiscard]] std::size_t readAt(void* data, std::size_t size, std::uint64_t offset) const;
    // Data and size durable before an offset that counts them is recorded.
    void sync() const;

private:
    File(int fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}
    int m_fd = -1;
    std::filesystem::path m_path;
};

// Makes a rename or a new file in `dir` durable.
void syncDirectory(const std::filesystem::path& dir);

// SHA-256 (lowercase hex) of the first `size` bytes of `file`, read through a fixed buffer;
// nullopt when the file is shorter.
[[nodiscard]] std::optional<std::string> sha256OfFile(const File& file, std::uint64_t size);

// Removes a file if it exists; a missing file is not an error.
void removeFile(const std::filesystem::path& path);

}  // namespace duban::server
