#include "server/blobs/tus_routes.h"

#include "core/util/base64.h"
#include "core/util/uuid.h"
#include "server/audit/audit_log.h"
#include "server/blobs/file_io.h"
#include "server/blobs/streaming_route.h"
#include "server/blobs/tus_headers.h"
#include "server/blobs/upload_completion.h"
#include "server/blobs/upload_expiry.h"
#include "server/http/api.h"
#include "server/http/header_text.h"

namespace duban::server {
namespace {

using nlohmann::json;

// A user's uploads still receiving bytes: enough for a long offline backlog of photos and their
// thumbnails, few enough that one account cannot reserve the disk.
constexpr int kMaxOpenUploadsPerUser = 200;

const std::string kUploadPath = "/v1/uploads";
const std::string kUploadIdPath = R"(/v1/uploads/([^/]+))";

void answerOptions(Response& response, const ServerConfig& config) {
    tus::setProtocolHeaders(response);
    response.setHeader("Tus-Version", std::string(tus::kVersion));
    response.setHeader("Tus-Extension", std::string(tus::kExtensions));
    response.setHeader("Tus-Max-Size", std::to_string(config.maxBlobBytes));
    response.setHeader("Tus-Checksum-Algorithm", std::string(tus::kChecksumAlgorithms));
    response.status = 204;
}

// The sha256 named by Upload-Metadata, or an "invalid" error saying what to send.
Result<std::string> declaredSha256(const Request& request) {
    if (!request.hasHeader("Upload-Metadata")) {
        return makeError("invalid",
                         "Upload-Metadata must name the photo's SHA-256: 'sha256 <base64 of the "
                         "lowercase hex digest>'.");
    }
    auto metadata = tus::parseMetadata(request.header("Upload-Metadata"));
    if (!metadata)
        return metadata.error();
    const auto it = metadata->find("sha256");
    if (it == metadata->end()) {
        return makeError("invalid",
                         "Upload-Metadata has no 'sha256' entry (base64 of the lowercase hex "
                         "digest of the whole file).");
    }
    const std::string sha256 = lowerAscii(it->second);
    if (!isSha256Hex(sha256)) {
        return makeError("invalid",
                         "Upload-Metadata 'sha256' must decode to 64 hex digits (a SHA-256).");
    }
    return sha256;
}

void createUpload(BlobServices& services, const Request& request, Response& response,
                  const Session& session, const Database& db) {
    tus::setProtocolHeaders(response);
    std::size_t bodyBytes = 0;
    if (hasBody(request)) {
        request.readBody([&bodyBytes](const char*, std::size_t size) {
            bodyBytes += size;
            return true;
        });
    }
    if (!tus::acceptsVersion(request, response))
        return;
    const ServerConfig& config = services.context.config;
    if (bodyBytes > 0) {
        return sendError(response, 400, "invalid",
                         "creation-with-upload is not supported: create the upload with an empty "
                         "body, then send the bytes with PATCH.");
    }
    if (request.hasHeader("Upload-Defer-Length")) {
        return sendError(response, 400, "invalid",
                         "Upload-Defer-Length is not supported; give Upload-Length.");
    }
    const auto length = tus::parseUnsigned(request.header("Upload-Length"));
    if (!length || *length == 0) {
        return sendError(response, 400, "invalid",
                         "Upload-Length must be the photo's size in bytes (a whole number above "
                         "zero).");
    }
    const auto sha256 = declaredSha256(request);
    if (!sha256)
        return sendError(response, 400, sha256.error().code, sha256.error().message);
    if (*length > config.maxBlobBytes) {
        appendAudit(
            db, services.context.clock,
            AuditEntry{session.actor.userId, session.deviceId, "upload", "blob:" + sha256.value(),
                       "payload_too_large", json{{"size", *length}}, request.remoteAddress});
        return sendError(response, 413, "payload_too_large",
                         "the photo is " + std::to_string(*length) + " bytes; at most " +
                             std::to_string(config.maxBlobBytes) + " are accepted.");
    }
    const std::int64_t now = services.context.clock.nowMs();
    removeExpiredUploads(services, db, now);
    if (countOpenUploads(db, session.actor.userId, now) >= kMaxOpenUploadsPerUser) {
        return sendError(response, 429, "too_many_uploads",
                         "you have " + std::to_string(kMaxOpenUploadsPerUser) +
                             " unfinished uploads; finish or delete some first.");
    }

    UploadRow row{UuidGenerator(services.context.clock).next(),
                  session.actor.userId,
                  session.deviceId,
                  sha256.value(),
                  *length,
                  0,
                  now,
                  now + config.uploadLifetimeMs};
    // The file first: a crash before the row leaves an orphan file that start-up removes; a row
    // never names a file that was not made.
    File::create(services.uploadFile(row.id));
    insertUpload(db, row);
    const std::string location = kUploadPath + "/" + row.id;
    response.setHeader("Location", location);
    response.setHeader("Upload-Expires", tus::httpDate(row.expiresAt));
    sendJson(response, 201,
             json{{"id", row.id},
                  {"location", location},
                  {"length", row.length},
                  {"offset", 0},
                  {"expires_at", tus::httpDate(row.expiresAt)}});
}

void headUpload(BlobServices& services, const Request& request, Response& response,
                const Session& session, const Database& db) {
    tus::setProtocolHeaders(response);
    if (request.method != "HEAD") {
        return sendError(response, 405, "method_not_allowed",
                         "an upload answers HEAD (its offset), PATCH and DELETE.");
    }
    if (!tus::acceptsVersion(request, response))
        return;
    auto row = findOwnUpload(services, db, session, request.pathParam(0), response, false);
    if (!row)
        return;
    if (needsCompletion(services, db, *row)) {
        // Only after a crash between storing the bytes and recording them.
        const auto guard = services.locks.tryLock(row->id);
        if (!guard) {
            return sendError(response, 423, "upload_busy",
                             "another request is finishing this upload; ask again shortly.");
        }
        if (Status done = completeUpload(services, db, *row, request.remoteAddress); !done) {
            return sendError(response, uploadRefusalStatus(done.error()), done.error().code,
                             done.error().message);
        }
    }
    tus::setUploadHeaders(response, *row);
    response.setHeader("Upload-Metadata", "sha256 " + base64(row->sha256));
    response.setHeader("Cache-Control", "no-store");
    response.status = 200;
}

void terminateUpload(BlobServices& services, const Request& request, Response& response,
                     const Session& session, const Database& db) {
    tus::setProtocolHeaders(response);
    drainBody(request);
    if (!tus::acceptsVersion(request, response))
        return;
    const auto upload = lockOwnUpload(services, db, session, request.pathParam(0), response);
    if (!upload)
        return;
    const UploadRow& row = upload->row;
    // A completed upload's blob stays: it is shared by everyone who uploaded those bytes.
    removeFile(services.uploadFile(row.id));
    deleteUploadRow(db, row.id);
    response.status = 204;
}

using UploadHandler = void (*)(BlobServices&, const Request&, Response&, const Session&,
                               const Database&);

SessionHandler withServices(const std::shared_ptr<BlobServices>& services, UploadHandler handler) {
    return [services, handler](const Request& request, Response& response, const Session& session,
                               const Database& db) {
        handler(*services, request, response, session, db);
    };
}

}  // namespace

namespace tus {

void setProtocolHeaders(Response& response) {
    response.setHeader("Tus-Resumable", std::string(kVersion));
}

bool acceptsVersion(const Request& request, Response& response) {
    if (request.header("Tus-Resumable") == kVersion)
        return true;
    response.setHeader("Tus-Version", std::string(kVersion));
    sendError(response, 412, "tus_version_unsupported",
              "send 'Tus-Resumable: 1.0.0'; this server speaks tus 1.0.0.");
    return false;
}

void setUploadHeaders(Response& response, const UploadRow& row) {
    response.setHeader("Upload-Offset", std::to_string(row.offset));
    response.setHeader("Upload-Length", std::to_string(row.length));
    response.setHeader("Upload-Expires", httpDate(row.expiresAt));
}

}  // namespace tus

std::optional<UploadRow> findOwnUpload(BlobServices& services, const Database& db,
                                       const Session& session, const std::string& id,
                                       Response& response, bool lockHeld) {
    const auto notFound = [&] {
        sendError(response, 404, "not_found",
                  "there is no such upload (it was never made, has finished expiring, or was "
                  "deleted); start a new one with POST /v1/uploads.");
        return std::nullopt;
    };
    if (!isUuid(id))
        return notFound();
    auto row = findUpload(db, id);
    if (!row || row->userId != session.actor.userId)
        return notFound();
    if (row->expiresAt <= services.context.clock.nowMs()) {
        const auto remove = [&] {
            removeFile(services.uploadFile(id));
            deleteUploadRow(db, id);
        };
        if (lockHeld) {
            remove();
        } else if (const auto guard = services.locks.tryLock(id)) {
            remove();
        }
        return notFound();
    }
    return row;
}

std::optional<LockedUpload> lockOwnUpload(BlobServices& services, const Database& db,
                                          const Session& session, const std::string& id,
                                          Response& response) {
    if (!findOwnUpload(services, db, session, id, response, false))
        return std::nullopt;
    auto guard = services.locks.tryLock(id);
    if (!guard) {
        sendError(response, 423, "upload_busy",
                  "another request is still using this upload (a previous connection may not "
                  "have timed out yet); retry shortly.");
        return std::nullopt;
    }
    // Read again under the lock: the request that held it may have moved the offset.
    auto row = findOwnUpload(services, db, session, id, response, true);
    if (!row)
        return std::nullopt;
    return LockedUpload{std::move(*guard), std::move(*row)};
}

void registerTusRoutes(Router& router, const std::shared_ptr<BlobServices>& services) {
    ServerContext& context = services->context;
    // Discovery needs no session: tus clients (and browsers' CORS preflight) ask before signing
    // anything.
    const auto options = [&config = context.config](const Request&, Response& response) {
        answerOptions(response, config);
    };
    router.options(kUploadPath, options);
    router.options(kUploadIdPath, options);
    // POST and DELETE take their (empty) bodies themselves, to say what is wrong with a body
    // they do not want.
    const RouteOptions body = streamingBody(context.config.maxChunkBytes);
    router.post(kUploadPath, streamingSessionRoute(context, withServices(services, createUpload)),
                body);
    router.get(kUploadIdPath, sessionRoute(context, withServices(services, headUpload)));
    router.del(kUploadIdPath,
               streamingSessionRoute(context, withServices(services, terminateUpload)), body);
    registerTusPatchRoute(router, services);
}

}  // namespace duban::server
