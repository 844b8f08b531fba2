#include "sync/photo_upload.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <memory>
#include <optional>
#include <random>

#include "core/domain/dates.h"
#include "core/util/base64.h"
#include "core/util/file_descriptor.h"
#include "core/util/log.h"
#include "sync/sync_engine.h"

namespace duban::sync {

namespace {
const log::Category kLog{"duban.sync.photos"};

constexpr std::size_t kReadPiece = 64 * 1024;

std::optional<std::int64_t> headerNumber(const HttpResponse& response, std::string_view name) {
    const auto value = response.header(name);
    if (!value)
        return std::nullopt;
    std::int64_t number = 0;
    const char* end = value->data() + value->size();
    const auto [stop, problem] = std::from_chars(value->data(), end, number);
    if (problem != std::errc() || stop != end || number < 0)
        return std::nullopt;
    return number;
}

// The server answers with a path ("/v1/uploads/<id>"); a full URL is cut to its path, since
// requests name paths relative to the transport's base URL.
std::string locationPath(std::string location) {
    if (location.starts_with("https://") || location.starts_with("http://")) {
        const auto slash = location.find('/', location.find("//") + 2);
        location = slash == std::string::npos ? "/" : location.substr(slash);
    }
    return location;
}

// Answers that refuse the bytes themselves: sending them again cannot change the answer.
bool refusesContent(long status) {
    return status == 400 || status == 413 || status == 415 || status == 422;
}

HttpRequest tusRequest(std::string method, std::string path) {
    HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.headers = {{"Tus-Resumable", std::string(kTusVersion)}};
    return request;
}

// Reads bytes [start, start + length) of an open file, for a chunk's body and its checksum.
class FileRange {
public:
    FileRange(int fd, std::int64_t start, std::int64_t length)
        : m_fd(fd), m_start(start), m_length(length) {}

    // Fills at most `max` bytes; 0 at the end, kAbortBody when the file cannot be read.
    std::size_t read(char* buffer, std::size_t max) {
        const auto wanted = static_cast<std::size_t>(
            std::min<std::int64_t>(static_cast<std::int64_t>(max), m_length - m_position));
        if (wanted == 0)
            return 0;
        ssize_t n = -1;
        do {
            n = ::pread(m_fd, buffer, wanted, static_cast<off_t>(m_start + m_position));
        } while (n < 0 && errno == EINTR);
        if (n <= 0)
            return kAbortBody;  // an error, or the file shrank under us
        m_position += n;
        return static_cast<std::size_t>(n);
    }
    void rewind() { m_position = 0; }

private:
    int m_fd;
    std::int64_t m_start;
    std::int64_t m_length;
    std::int64_t m_position = 0;
};

// The base64 SHA-1 of a file range (tus checksum extension), or nullopt when unreadable.
std::optional<std::string> sha1Base64(int fd, std::int64_t start, std::int64_t length) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                          EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr) != 1)
        return std::nullopt;
    FileRange range(fd, start, length);
    std::array<char, kReadPiece> buffer{};
    for (;;) {
        const std::size_t n = range.read(buffer.data(), buffer.size());
        if (n == kAbortBody)
            return std::nullopt;
        if (n == 0)
            break;
        EVP_DigestUpdate(context.get(), buffer.data(), n);
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(context.get(), digest.data(), &size);
    return base64(std::string_view(reinterpret_cast<const char*>(digest.data()), size));
}

}  // namespace

// One uploadPending() call: the queue, the counters and the progress totals.
class PhotoUploader::Run {
public:
    Run(PhotoUploader& uploader, UploadReport& report)
        : m_db(uploader.m_store.database()),
          m_store(uploader.m_store),
          m_transport(uploader.m_transport),
          m_options(uploader.m_options),
          m_progress(uploader.m_progress),
          m_report(report),
          m_random(std::random_device{}()) {}

    Status all() {
        const std::vector<BlobUpload> waiting = waitingBlobUploads(m_db);
        for (const BlobUpload& row : waiting)
            m_overallTotal += row.size;
        for (const BlobUpload& row : waiting) {
            if (m_transport.isCancelled())
                return makeTransportError(TransportErrorKind::cancelled,
                                          "The upload was cancelled.");
            m_row = &row;
            startBlobUploadAttempt(m_db, row.sha256, nowIso());
            if (Status done = blob(); !done) {
                noteBlobUploadError(m_db, row.sha256, done.error().code, done.error().message,
                                    nowIso());
                return done;
            }
            m_overallDone += row.size;
        }
        return Ok{};
    }

private:
    std::string nowIso() const { return formatInstantUtc(m_store.clock().nowMs()); }

    // Ok when the blob is on the server or was refused (marked failed); an error ends the run.
    Status blob() {
        const BlobUpload& row = *m_row;
        HttpRequest lookup;
        lookup.method = "HEAD";
        lookup.path = "/v1/blobs/" + row.sha256;
        auto present = sendWithRetry(m_transport, lookup, m_options.retry);
        if (!present)
            return present.error();
        if (present->status == 200) {
            markBlobUploadDone(m_db, row.sha256, nowIso());
            ++m_report.deduplicated;
            report(row.size);
            return Ok{};
        }
        if (present->status != 404)
            return detail::responseError(present.value(), "the server refused to look up a photo");

        const std::filesystem::path path = m_store.blobPath(row.sha256);
        const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat info {};
        if (fd.get() < 0 || ::fstat(fd.get(), &info) != 0 || info.st_size != row.size) {
            return fail("blob_missing",
                        "The file of this photo is missing or damaged on this device (" +
                            path.string() + "); remove the photo and attach it again.");
        }
        return transfer(fd.get());
    }

    Status fail(const std::string& code, const std::string& message) {
        markBlobUploadFailed(m_db, m_row->sha256, code, message, nowIso());
        ++m_report.failed;
        return Ok{};
    }

    Status failWith(const HttpResponse& response) {
        const Error error = detail::responseError(response, "the server refused the photo");
        return fail(error.code, error.message);
    }

    // Resumes or creates the tus upload and sends the missing chunks. After any interruption
    // the offset is asked again (HEAD), then confirmed by an empty PATCH: the server answers a
    // PATCH only under the upload's lock, so a request still finishing a cut chunk makes it wait
    // (423) or correct the offset (409) — without a chunk's bytes being sent just to be drained.
    Status transfer(int fd) {
        const BlobUpload& row = *m_row;
        std::optional<std::string> location = row.location;
        std::int64_t offset = row.offset;
        bool askOffset = location.has_value();  // the stored offset may be behind the server's
        bool probe = false;                     // the next PATCH is empty: confirm `offset`
        std::int64_t chunk = m_options.chunkBytes;
        int stalls = 0;
        std::optional<Error> lastProblem;
        for (;;) {
            if (stalls > m_options.maxStalls) {
                return lastProblem ? *lastProblem
                                   : makeError("upload_stalled",
                                               "the photo upload made no progress; it resumes at "
                                               "the next sync.");
            }
            if (m_transport.isCancelled())
                return makeTransportError(TransportErrorKind::cancelled,
                                          "The upload was cancelled.");
            if (!location) {
                auto created = create();
                if (!created)
                    return created.error();
                if (created->status != 201)
                    return refusesContent(created->status)
                               ? failWith(created.value())
                               : detail::responseError(created.value(),
                                                       "the server refused a photo upload");
                const auto header = created->header("location");
                if (!header)
                    return makeError("sync_bad_response", "the upload answer had no Location.");
                location = locationPath(*header);
                offset = 0;
                // Durable before the first byte goes: a restart resumes this upload.
                setBlobUploadLocation(m_db, row.sha256, location, 0, nowIso());
                askOffset = false;
                probe = false;
            }
            if (askOffset) {
                auto head =
                    sendWithRetry(m_transport, tusRequest("HEAD", *location), m_options.retry);
                if (!head)
                    return head.error();
                const auto serverOffset = headerNumber(head.value(), "upload-offset");
                if (head->status == 200 && serverOffset && *serverOffset <= row.size &&
                    headerNumber(head.value(), "upload-length") == row.size) {
                    offset = *serverOffset;
                    setBlobUploadOffset(m_db, row.sha256, offset, nowIso());
                    askOffset = false;
                    probe = true;
                } else if (head->status == 404 || head->status == 410 || head->status == 200) {
                    location.reset();  // expired, removed, or not this blob: start over
                    setBlobUploadLocation(m_db, row.sha256, std::nullopt, 0, nowIso());
                    continue;
                } else {
                    return detail::responseError(head.value(),
                                                 "the server refused to resume a photo upload");
                }
            }

            const std::int64_t length = probe ? 0 : std::min(chunk, row.size - offset);
            const auto sent = std::chrono::steady_clock::now();
            auto answer = patch(fd, *location, offset, length);
            const bool fullAndFast =
                length == chunk && std::chrono::steady_clock::now() - sent < m_options.growBelow;
            if (!answer || answer->status != 204)
                chunk = m_options.chunkBytes;
            else if (fullAndFast && !m_options.chunkChecksums)
                chunk = std::min(chunk * 2, kMaxChunkBytes);
            if (!answer) {
                m_report.largestCutChunk = std::max(m_report.largestCutChunk, length);
                const Error& error = answer.error();
                if (transportErrorKind(error) == TransportErrorKind::cancelled ||
                    !isRetryableError(error))
                    return error;
                lastProblem = error;
                ++stalls;
                m_transport.sleepUnlessCancelled(m_options.retry.backoff(stalls, m_random));
                askOffset = true;  // some of the chunk may have arrived
                continue;
            }
            const HttpResponse& response = answer.value();
            const auto serverOffset = headerNumber(response, "upload-offset");
            if (response.status == 204) {
                if (!serverOffset || *serverOffset < offset + (probe ? 0 : 1) ||
                    *serverOffset > row.size)
                    return makeError("sync_bad_response",
                                     "the upload answer had no valid Upload-Offset.");
                if (*serverOffset > offset)
                    stalls = 0;
                offset = *serverOffset;
                probe = false;
                if (offset == row.size)
                    return finished();
                setBlobUploadOffset(m_db, row.sha256, offset, nowIso());
                continue;
            }
            lastProblem = detail::responseError(response, "the server did not take a chunk");
            ++stalls;
            switch (response.status) {
                case 409:  // our offset was stale; the server's was read under the lock
                    if (!serverOffset || *serverOffset > row.size) {
                        askOffset = true;
                        continue;
                    }
                    offset = *serverOffset;
                    probe = false;
                    setBlobUploadOffset(m_db, row.sha256, offset, nowIso());
                    continue;
                case 423:  // a cut request still holds the upload: wait, then confirm again
                    m_transport.sleepUnlessCancelled(m_options.busyWait);
                    probe = true;
                    continue;
                case 404:  // expired or removed: start over
                    location.reset();
                    setBlobUploadLocation(m_db, row.sha256, std::nullopt, 0, nowIso());
                    continue;
                case 460:
                    // A chunk damaged on the way is sent again; a whole file that does not
                    // match its name (the server dropped the upload) cannot be mended by sending.
                    if (lastProblem->code == "chunk_checksum_mismatch")
                        continue;
                    return failWith(response);
                default:
                    break;
            }
            if (refusesContent(response.status))
                return failWith(response);
            if (isRetryableStatus(response.status)) {
                m_transport.sleepUnlessCancelled(m_options.retry.backoff(stalls, m_random));
                askOffset = true;
                continue;
            }
            return *lastProblem;  // 401, 403 …: the session, not this photo
        }
    }

    Status finished() {
        markBlobUploadDone(m_db, m_row->sha256, nowIso());
        ++m_report.uploaded;
        report(m_row->size);
        return Ok{};
    }

    Result<HttpResponse> create() {
        HttpRequest request = tusRequest("POST", "/v1/uploads");
        const std::string name = m_row->sha256 + ".jpg";
        request.headers.emplace_back("Upload-Length", std::to_string(m_row->size));
        request.headers.emplace_back(
            "Upload-Metadata", "sha256 " + base64(m_row->sha256) + ",filename " + base64(name));
        // A repeat after a lost answer makes a second, unused upload that expires in a day.
        request.retrySafe = true;
        return sendWithRetry(m_transport, request, m_options.retry);
    }

    // One PATCH of `length` bytes at `offset`, streamed from the file. Sent once: after a cut,
    // HEAD says what arrived (a blind resend would be refused with 409 or 423 anyway).
    Result<HttpResponse> patch(int fd, const std::string& location, std::int64_t offset,
                               std::int64_t length) {
        HttpRequest request = tusRequest("PATCH", location);
        request.headers.emplace_back("Content-Type", "application/offset+octet-stream");
        request.headers.emplace_back("Upload-Offset", std::to_string(offset));
        if (m_options.chunkChecksums && length > 0) {
            const auto sha1 = sha1Base64(fd, offset, length);
            if (!sha1)
                return makeError("blob_missing", "the photo file could not be read.");
            request.headers.emplace_back("Upload-Checksum", "sha1 " + *sha1);
        }
        auto range = std::make_shared<FileRange>(fd, offset, length);
        request.bodySource = [this, range](char* buffer, std::size_t max) {
            const std::size_t n = range->read(buffer, max);
            if (n != kAbortBody)
                m_report.bytesSent += static_cast<std::int64_t>(n);
            return n;
        };
        request.bodySize = length;
        request.rewindBody = [range] {
            range->rewind();
            return true;
        };
        return m_transport.send(request, [this, offset](const Progress& progress) {
            report(offset + progress.sentBytes);
        });
    }

    void report(std::int64_t blobSent) {
        if (!m_progress)
            return;
        blobSent = std::min(blobSent, m_row->size);
        m_progress(UploadProgress{m_row->sha256, m_row->kind, blobSent, m_row->size,
                                  m_overallDone + blobSent, m_overallTotal});
    }

    const Database& m_db;
    LocalStore& m_store;
    HttpTransport& m_transport;
    const UploadOptions& m_options;
    const UploadProgressCallback& m_progress;
    UploadReport& m_report;
    std::mt19937_64 m_random;
    const BlobUpload* m_row = nullptr;
    std::int64_t m_overallDone = 0;
    std::int64_t m_overallTotal = 0;
};

PhotoUploader::PhotoUploader(LocalStore& store, HttpTransport& transport, UploadOptions options)
    : m_store(store), m_transport(transport), m_options(std::move(options)) {
    m_options.retry.clock = &m_store.clock();
    if (m_options.chunkBytes <= 0)
        m_options.chunkBytes = kFirstChunkBytes;
    m_options.chunkBytes = std::min(m_options.chunkBytes, kMaxChunkBytes);
}

Status PhotoUploader::uploadPending(UploadReport& report) {
    try {
        Run run(*this, report);
        return run.all();
    } catch (const DatabaseError& e) {
        log::error(kLog, std::string("the local store failed during photo upload: ") + e.what());
        return makeError("store_failed",
                         std::string("the upload could not write the local store: ") + e.what());
    }
}

}  // namespace duban::sync
