// POST /v1/auth/login, POST /v1/auth/logout, POST /v1/auth/password, GET /v1/me.
#include "core/domain/dates.h"
#include "core/util/uuid.h"
#include "server/audit/audit_log.h"
#include "server/auth/accounts.h"
#include "server/http/api.h"
#include "server/http/routes.h"

namespace duban::server {

using nlohmann::json;

namespace {

Result<LoginRequest> readLogin(const Request& request, const ServerConfig& config) {
    auto body = parseJsonObject(request, config.maxJsonBodyBytes);
    if (!body)
        return body.error();
    if (auto s = onlyFields(body.value(), {"username", "password", "device_id", "device_name"}); !s)
        return s.error();
    auto username = requireString(body.value(), "username", 64);
    auto password = requireString(body.value(), "password", 1024);
    auto device = requireString(body.value(), "device_id", 36);
    auto deviceName = optionalString(body.value(), "device_name", 100);
    if (auto error = firstError(username, password, device, deviceName))
        return *error;
    if (!isUuid(device.value()))
        return makeError("invalid", "'device_id' must be a UUID (lowercase, with dashes).");
    return LoginRequest{username.value(), password.value(), device.value(),
                        deviceName.value().value_or("")};
}

}  // namespace

void registerAuthRoutes(Router& router, ServerContext& context) {
    router.post(
        "/v1/auth/login",
        publicRoute(context, [&context](const auto& request, auto& response, const Database& db) {
            const std::int64_t now = context.clock.nowMs();
            if (!context.throttle.allow(request.remoteAddress, now)) {
                response.setHeader("Retry-After", "60");
                sendError(response, 429, "rate_limited",
                          "too many sign-in attempts from this address; wait a minute.");
                return;
            }
            const auto login = readLogin(request, context.config);
            if (!login) {
                sendError(response, login.error());
                return;
            }
            Transaction tx(db);
            const auto grant = duban::server::login(db, login.value(), context.config, now);
            const auto userId = findUserId(db, login->username);
            appendAudit(
                db, context.clock,
                AuditEntry{userId, login->deviceId, "login", "user:" + login->username,
                           grant ? "ok" : grant.error().code,
                           json{{"device_name", login->deviceName}}, request.remoteAddress});
            tx.commit();
            if (!grant) {
                sendError(response, grant.error());
                return;
            }
            sendJson(response, 200,
                     json{{"token", grant->token},
                          {"expires_at", formatInstantUtc(grant->expiresAtMs)},
                          {"user", userJson(db, grant->userId)}});
        }));

    router.post(
        "/v1/auth/logout", sessionRoute(context, [&context](const auto& request, auto& response,
                                                            const Session& s, const Database& db) {
            Transaction tx(db);
            db.prepare("UPDATE token SET revoked_at = ? WHERE hash = ?")
                .bindAll(context.clock.nowMs(), s.tokenHash)
                .run();
            appendAudit(db, context.clock,
                        AuditEntry{s.actor.userId, s.deviceId, "logout", "user:" + s.username, "ok",
                                   json::object(), request.remoteAddress});
            tx.commit();
            sendJson(response, 200, json{{"ok", true}});
        }));

    router.post(
        "/v1/auth/password",
        sessionRoute(context, [&context](const auto& request, auto& response, const Session& s,
                                         const Database& db) {
            auto body = parseJsonObject(request, context.config.maxJsonBodyBytes);
            if (!body)
                return sendError(response, body.error());
            if (auto ok = onlyFields(body.value(), {"current_password", "new_password"}); !ok) {
                return sendError(response, ok.error());
            }
            auto current = requireString(body.value(), "current_password", 1024);
            auto next = requireString(body.value(), "new_password", 1024);
            if (!current)
                return sendError(response, current.error());
            if (!next)
                return sendError(response, next.error());
            Transaction tx(db);
            const Status changed = changePassword(db, s.actor.userId, current.value(), next.value(),
                                                  context.config, context.clock.nowMs());
            if (changed) {
                // Other devices sign in again with the new password; this one keeps its session.
                db.prepare(
                      "UPDATE token SET revoked_at = ? WHERE user_id = ? AND hash <> ? AND "
                      "revoked_at IS NULL")
                    .bindAll(context.clock.nowMs(), s.actor.userId, s.tokenHash)
                    .run();
            }
            appendAudit(db, context.clock,
                        AuditEntry{s.actor.userId, s.deviceId, "password_change",
                                   "user:" + s.username, changed ? "ok" : changed.error().code,
                                   json::object(), request.remoteAddress});
            tx.commit();
            if (!changed)
                return sendError(response, changed.error());
            sendJson(response, 200, json{{"ok", true}});
        }));

    router.get("/v1/me", sessionRoute(context, [](const auto&, auto& response, const Session& s,
                                                  const Database& db) {
                   json me = userJson(db, s.actor.userId);
                   me["device_id"] = s.deviceId;
                   me["scope"] = scopeFingerprint(db, s.actor);
                   sendJson(response, 200, me);
               }));
}

}  // namespace duban::server
