#include "server/blobs/blob_store.h"

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "server/blobs/file_io.h"

namespace duban::server {

bool isSha256Hex(std::string_view text) {
    if (text.size() != 64)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

std::filesystem::path BlobStore::pathOf(std::string_view sha256) const {
    // Two-character fan-out keeps directories small with millions of photos.
    return m_root / std::string(sha256.substr(0, 2)) / std::string(sha256.substr(2));
}

bool BlobStore::contains(std::string_view sha256) const {
    std::error_code error;
    return std::filesystem::is_regular_file(pathOf(sha256), error);
}

bool BlobStore::adopt(const std::filesystem::path& verified, std::string_view sha256) const {
    const std::filesystem::path target = pathOf(sha256);
    const std::filesystem::path dir = target.parent_path();
    if (contains(sha256)) {
        removeFile(verified);
        return false;
    }
    const bool newDir = std::filesystem::create_directories(dir);
    if (newDir)
        syncDirectory(m_root);
    if (std::rename(verified.c_str(), target.c_str()) != 0) {
        if (errno != EXDEV)
            throw std::system_error(errno, std::generic_category(),
                                    "cannot store blob " + target.string());
        // The blob store is on another file system (a shared mount when scaled out): copy to a
        // temporary name beside the target, make it durable, then rename it into place.
        const std::filesystem::path temporary = dir / (".incoming-" + verified.filename().string());
        std::filesystem::copy_file(verified, temporary,
                                   std::filesystem::copy_options::overwrite_existing);
        if (auto copy = File::open(temporary, true))
            copy->sync();
        std::filesystem::rename(temporary, target);
        removeFile(verified);
    }
    syncDirectory(dir);
    return true;
}

}  // namespace duban::server
