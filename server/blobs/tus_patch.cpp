// PATCH /v1/uploads/<id>: appends one chunk at the upload's offset, streamed to disk.
#include <algorithm>
#include <vector>

#include "server/blobs/chunk_writer.h"
#include "server/blobs/file_io.h"
#include "server/blobs/jpeg_gate.h"
#include "server/blobs/streaming_route.h"
#include "server/blobs/tus_headers.h"
#include "server/blobs/tus_routes.h"
#include "server/blobs/upload_completion.h"
#include "server/http/api.h"

namespace duban::server {
namespace {

struct PatchHeaders {
    std::uint64_t offset = 0;
    std::optional<std::uint64_t> contentLength;  // absent for a chunked body
    std::optional<tus::ChunkChecksum> checksum;
};

// The request's tus headers, or the refusal to send (after the body is drained).
Result<PatchHeaders> readHeaders(const Request& request, const ServerConfig& config) {
    std::string type = request.header("Content-Type");
    type = type.substr(0, type.find(';'));
    if (type != tus::kChunkContentType) {
        return makeError("unsupported_media_type",
                         "a PATCH body must be sent as 'Content-Type: "
                         "application/offset+octet-stream'.");
    }
    PatchHeaders headers;
    const auto offset = tus::parseUnsigned(request.header("Upload-Offset"));
    if (!offset) {
        return makeError("invalid",
                         "Upload-Offset must give the byte offset this chunk starts at (ask HEAD "
                         "for it).");
    }
    headers.offset = *offset;
    if (request.hasHeader("Upload-Checksum")) {
        auto checksum = tus::parseChecksum(request.header("Upload-Checksum"));
        if (!checksum)
            return checksum.error();
        headers.checksum = std::move(checksum).value();
    }
    if (request.hasHeader("Content-Length")) {
        headers.contentLength = tus::parseUnsigned(request.header("Content-Length"));
        if (!headers.contentLength)
            return makeError("invalid", "Content-Length is not a number.");
        if (*headers.contentLength > config.maxChunkBytes) {
            return makeError("payload_too_large",
                             "a chunk may carry at most " + std::to_string(config.maxChunkBytes) +
                                 " bytes; send the rest in further PATCH requests.");
        }
    }
    return headers;
}

int headerRefusalStatus(const Error& error) {
    if (error.code == "checksum_algorithm_unsupported")
        return 400;
    return statusFor(error.code);
}

void patchUpload(BlobServices& services, const Request& request, Response& response,
                 const Session& session, const Database& db) {
    tus::setProtocolHeaders(response);
    const auto refuse = [&](int status, const Error& error) {
        drainBody(request);
        sendError(response, status, error.code, error.message);
    };
    if (!tus::acceptsVersion(request, response))
        return drainBody(request);
    const ServerConfig& config = services.context.config;
    const auto headers = readHeaders(request, config);
    if (!headers)
        return refuse(headerRefusalStatus(headers.error()), headers.error());

    const std::string id = request.pathParam(0);
    auto upload = lockOwnUpload(services, db, session, id, response);
    if (!upload)
        return drainBody(request);
    UploadRow& row = upload->row;
    if (headers->offset != row.offset) {
        response.setHeader("Upload-Offset", std::to_string(row.offset));
        return refuse(
            409, makeError("conflict", "Upload-Offset is " + std::to_string(headers->offset) +
                                           " but the server has " + std::to_string(row.offset) +
                                           " bytes; resume from the server's offset."));
    }
    const std::uint64_t left = row.length - row.offset;
    const bool body = hasBody(request);
    if ((headers->contentLength && *headers->contentLength > left) || (body && left == 0)) {
        return refuse(400, makeError("upload_length_exceeded",
                                     "the chunk goes past the Upload-Length given at creation (" +
                                         std::to_string(left) + " bytes are missing)."));
    }

    if (left == 0) {
        // Nothing is missing: an empty PATCH after the final response was lost, or after a
        // crash between storing the bytes and recording them.
        if (needsCompletion(services, db, row)) {
            if (Status done = completeUpload(services, db, row, request.remoteAddress); !done) {
                return sendError(response, uploadRefusalStatus(done.error()), done.error().code,
                                 done.error().message);
            }
        }
        tus::setUploadHeaders(response, row);
        response.status = 204;
        return;
    }

    std::optional<File> file = File::open(services.uploadFile(id), true);
    if (!file && row.offset == 0)
        file = File::create(services.uploadFile(id));
    if (!file) {
        drainBody(request);
        const Error lost = makeError("upload_lost",
                                     "the server no longer has this upload's bytes; start a new "
                                     "upload.");
        dropUpload(services, db, row, lost, request.remoteAddress);
        return sendError(response, 404, lost.code, lost.message);
    }
    const std::uint64_t onDisk = file->size();
    if (onDisk < row.offset) {
        // The disk lost bytes the row counts (restored backup, failing disk): say what is there.
        setUploadOffset(db, id, onDisk);
        response.setHeader("Upload-Offset", std::to_string(onDisk));
        return refuse(409, makeError("conflict", "the server has only " + std::to_string(onDisk) +
                                                     " bytes of this upload; resume from there."));
    }
    if (onDisk > row.offset)
        file->truncate(row.offset);  // a crash's unrecorded leftovers

    std::vector<std::uint8_t> stored(JpegGate::bytesNeeded(row.offset));
    stored.resize(file->readAt(stored.data(), stored.size(), 0));
    const std::uint64_t maxBytes = std::min<std::uint64_t>(config.maxChunkBytes, left);
    ChunkWriter writer(*file, row.offset, maxBytes, config.maxChunkBytes < left, headers->checksum,
                       JpegGate(std::move(stored), row.offset));
    bool bodyComplete = true;
    if (body) {
        bodyComplete = request.readBody([&writer](const char* data, std::size_t size) {
            writer.accept(data, size);
            return true;
        });
    }
    const ChunkWriter::Outcome outcome = writer.finish(bodyComplete);
    if (outcome.error && outcome.contentRefused) {
        dropUpload(services, db, row, *outcome.error, request.remoteAddress);
        return sendError(response, uploadRefusalStatus(*outcome.error), outcome.error->code,
                         outcome.error->message);
    }
    if (outcome.offset != row.offset) {
        setUploadOffset(db, id, outcome.offset);
        row.offset = outcome.offset;
    }
    tus::setUploadHeaders(response, row);
    if (outcome.error) {
        return sendError(response, uploadRefusalStatus(*outcome.error), outcome.error->code,
                         outcome.error->message);
    }
    if (!bodyComplete) {
        return sendError(response, 400, "incomplete_body",
                         "the body ended early; the bytes that arrived were kept (see "
                         "Upload-Offset) — resume from there.");
    }
    if (needsCompletion(services, db, row)) {
        if (Status done = completeUpload(services, db, row, request.remoteAddress); !done) {
            return sendError(response, uploadRefusalStatus(done.error()), done.error().code,
                             done.error().message);
        }
    }
    response.status = 204;
}

}  // namespace

void registerTusPatchRoute(Router& router, const std::shared_ptr<BlobServices>& services) {
    router.patch(R"(/v1/uploads/([^/]+))",
                 streamingSessionRoute(services->context,
                                       [services](const Request& request, Response& response,
                                                  const Session& session, const Database& db) {
                                           patchUpload(*services, request, response, session, db);
                                       }),
                 streamingBody(services->context.config.maxChunkBytes));
}

}  // namespace duban::server
