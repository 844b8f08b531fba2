// POST /v1/sync/push and GET /v1/sync/pull (design.md §5): the HTTP edges. Bodies and parameters
// are read strictly here; a bad request is refused whole before anything is applied.
#include <algorithm>

#include "core/domain/sync_limits.h"
#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/sync/pull_query.h"
#include "server/sync/push_apply.h"

namespace duban::server {
namespace {

using nlohmann::json;

bool isBusy(const DatabaseError& e) {
    return (e.code() & 0xff) == SQLITE_BUSY || (e.code() & 0xff) == SQLITE_LOCKED;
}

void push(ServerContext& context, const Request& request, Response& response,
          const Session& session, const Database& db) {
    auto body = parseJsonObject(request, context.config.maxJsonBodyBytes);
    if (!body)
        return sendError(response, body.error());
    auto batch = readPushRequest(body.value(), context.config.maxPushMutations);
    if (!batch)
        return sendError(response, batch.error());
    if (batch->device != session.deviceId) {
        return sendError(response, 403, "forbidden",
                         "'device' is not the device this session signed in from; push each "
                         "device's changes with its own session.");
    }
    try {
        const auto applied = applyPush(
            PushEnvironment{db, session, context.clock, request.remoteAddress}, batch.value());
        if (!applied)
            return sendError(response, 409, applied.error().code, applied.error().message);
        sendJson(response, 200, applied.value());
    } catch (const DatabaseError& e) {
        if (!isBusy(e))
            throw;
        // Another writer held the database past the busy timeout: nothing was applied.
        response.setHeader("Retry-After", "1");
        sendError(response, 503, "busy", "the server is busy; send the same push again shortly.");
    }
}

// With ?wait=S and nothing visible after the cursor, the request parks until a change the caller
// may see is committed (or S runs out): each wake-up re-reads only what came after the last scan,
// and a changed scope is answered at once (the device must pull again from 0).
void pull(ServerContext& context, const Request& request, Response& response,
          const Session& session, const Database& db) {
    for (const auto& [name, value] : request.query) {
        if ((name != "after" && name != "limit" && name != "wait") ||
            request.queryCount(name) != 1) {
            return sendError(response, 400, "invalid",
                             "pull takes 'after', 'limit' and 'wait' once each; '" + name +
                                 "' is not understood.");
        }
    }
    const auto after = queryInteger(request, "after", 0, 0, INT64_MAX);
    if (!after)
        return sendError(response, after.error());
    const auto limit = queryInteger(request, "limit", context.config.defaultPullLimit, 1,
                                    context.config.maxPullLimit);
    if (!limit)
        return sendError(response, limit.error());
    const auto wait = queryInteger(request, "wait", 0, 0, kMaxPullWaitSeconds);
    if (!wait)
        return sendError(response, wait.error());
    const std::optional<Parking>& parked = request.parked;
    const std::int64_t from = parked ? std::max(after.value(), parked->beyond) : after.value();
    const PullPage page = readPullPage(db, session.actor, from, static_cast<int>(limit.value()));
    const bool scopeChanged = parked && parked->note != page.scope;
    if (page.changes.empty() && !scopeChanged && wait.value() > 0 && request.mayPark) {
        response.parking =
            Parking{parked ? parked->until
                           : std::chrono::steady_clock::now() + std::chrono::seconds(wait.value()),
                    page.next, page.scope};
        return;
    }
    sendJson(response, 200,
             json{{"changes", page.changes},
                  {"next", page.next},
                  {"more", page.more},
                  {"scope", page.scope}});
}

}  // namespace

void registerSyncRoutes(Router& router, ServerContext& context) {
    router.post("/v1/sync/push",
                sessionRoute(context, [&context](const auto& request, auto& response,
                                                 const Session& session, const Database& db) {
                    push(context, request, response, session, db);
                }));
    router.get("/v1/sync/pull",
               sessionRoute(context, [&context](const auto& request, auto& response,
                                                const Session& session, const Database& db) {
                   pull(context, request, response, session, db);
               }));
}

}  // namespace duban::server
