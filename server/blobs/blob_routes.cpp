// HEAD/GET /v1/blobs/<sha256> (design.md §6), and the wiring of the whole blob module: the tus
// upload endpoints, and the clean-up of what a crash or an expiry left behind.
#include <memory>

#include "server/blobs/blob_access.h"
#include "server/blobs/blob_services.h"
#include "server/blobs/file_io.h"
#include "server/blobs/tus_headers.h"
#include "server/blobs/tus_routes.h"
#include "server/blobs/upload_expiry.h"
#include "server/http/api.h"
#include "server/http/header_text.h"
#include "server/http/routes.h"

namespace duban::server {
namespace {

bool matchesEtag(std::string_view ifNoneMatch, std::string_view etag) {
    for (std::string_view tag : headerListItems(ifNoneMatch)) {
        if (tag.starts_with("W/"))
            tag.remove_prefix(2);  // weak comparison, as RFC 7232 asks for If-None-Match
        if (tag == "*" || tag == etag)
            return true;
    }
    return false;
}

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t length = 0;
};
enum class RangeKind { whole, part, unsatisfiable };

// One "bytes=a-b", "bytes=a-" or "bytes=-n" range. Several ranges, or a syntax this does not
// know, are ignored (the whole blob is sent), as RFC 7233 allows.
RangeKind parseRange(std::string_view header, std::uint64_t size, ByteRange& range) {
    header = trimHeaderSpace(header);
    if (!header.starts_with("bytes=") || header.find(',') != std::string_view::npos)
        return RangeKind::whole;
    const std::string_view spec = trimHeaderSpace(header.substr(6));
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos)
        return RangeKind::whole;
    const std::string_view firstText = spec.substr(0, dash);
    const std::string_view lastText = spec.substr(dash + 1);
    const auto first = tus::parseUnsigned(firstText);
    const auto last = tus::parseUnsigned(lastText);
    if (firstText.empty()) {
        if (!last)
            return RangeKind::whole;
        if (*last == 0)
            return RangeKind::unsatisfiable;
        range.length = std::min(*last, size);
        range.first = size - range.length;
        return RangeKind::part;
    }
    if (!first || (!lastText.empty() && (!last || *last < *first)))
        return RangeKind::whole;
    if (*first >= size)
        return RangeKind::unsatisfiable;
    const std::uint64_t end = lastText.empty() ? size - 1 : std::min(*last, size - 1);
    range.first = *first;
    range.length = end - *first + 1;
    return RangeKind::part;
}

void serveBlob(BlobServices& services, const Request& request, Response& response,
               const Session& session, const Database& db) {
    const std::string sha256 = request.pathParam(0);
    const auto absent = [&] {
        sendError(response, 404, "not_found",
                  "there is no such blob, or no record you may read names it.");
    };
    if (!mayReadBlob(db, session.actor, sha256))
        return absent();
    auto file = File::open(services.store.pathOf(sha256), false);
    if (!file) {
        services.context.log.error("blobs", "blob recorded but its file is missing",
                                   {{"sha256", sha256}});
        return absent();
    }
    const std::uint64_t size = file->size();
    const std::string etag = "\"" + sha256 + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Accept-Ranges", "bytes");
    // Content-addressed bytes never change; "private" because each read is access-checked.
    response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
    if (matchesEtag(request.header("If-None-Match"), etag)) {
        response.status = 304;
        return;
    }
    ByteRange range{0, size};
    response.status = 200;
    if (request.hasHeader("Range")) {
        // If-Range needs no check: a blob's only validator is its name, which never changes.
        switch (parseRange(request.header("Range"), size, range)) {
            case RangeKind::whole:
                range = {0, size};
                break;
            case RangeKind::part:
                response.status = 206;
                response.setHeader("Content-Range",
                                   "bytes " + std::to_string(range.first) + "-" +
                                       std::to_string(range.first + range.length - 1) + "/" +
                                       std::to_string(size));
                break;
            case RangeKind::unsatisfiable:
                response.setHeader("Content-Range", "bytes */" + std::to_string(size));
                return sendError(
                    response, 416, "range_not_satisfiable",
                    "the blob has " + std::to_string(size) + " bytes; ask for a range inside it.");
        }
    }
    if (range.length == 0)
        return;
    auto shared = std::make_shared<File>(std::move(*file));
    const std::uint64_t start = range.first;
    response.setStream(
        range.length, "image/jpeg",
        [shared, start](std::uint64_t offset, char* buffer, std::size_t capacity) -> std::size_t {
            try {
                return shared->readAt(buffer, capacity, start + offset);
            } catch (const std::exception&) {
                return 0;  // the response is cut short; the client sees a short body
            }
        });
}

}  // namespace

void registerBlobRoutes(Router& router, ServerContext& context) {
    auto services = std::make_shared<BlobServices>(context);
    {
        const auto lease = context.pool.acquire();
        removeOrphanUploadFiles(*services, lease.db());
        removeExpiredUploads(*services, lease.db(), context.clock.nowMs());
    }
    registerTusRoutes(router, services);

    // This handler answers Range itself (one range, checked against the size).
    router.get(R"(/v1/blobs/([0-9a-f]{64}))",
               sessionRoute(context, [services](const auto& request, auto& response,
                                                const Session& session, const Database& db) {
                   serveBlob(*services, request, response, session, db);
               }));
}

}  // namespace duban::server
