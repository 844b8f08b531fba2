// /v1/admin/users and /v1/admin/units: administrators manage accounts and units. Every change is
// audited as a permission change.
#include "server/audit/audit_log.h"
#include "server/auth/accounts.h"
#include "server/db/change_log.h"
#include "server/http/api.h"
#include "server/http/routes.h"

namespace duban::server {

using nlohmann::json;

namespace {

bool requireAdmin(const Session& s, Response& response) {
    if (s.actor.role == Role::admin)
        return true;
    sendError(response, 403, "forbidden", "only administrators manage accounts and units.");
    return false;
}

Result<std::vector<std::string>> stringArray(const json& body, const char* field) {
    std::vector<std::string> out;
    if (!body.contains(field) || body[field].is_null())
        return out;
    if (!body[field].is_array())
        return makeError("invalid", std::string("'") + field + "' must be an array of strings.");
    for (const auto& v : body[field]) {
        if (!v.is_string())
            return makeError("invalid",
                             std::string("'") + field + "' must be an array of strings.");
        out.push_back(v.get<std::string>());
    }
    return out;
}

Result<NewAccount> readNewAccount(const json& body) {
    if (auto s = onlyFields(body, {"username", "display_name", "role", "unit", "phone", "password",
                                   "supervised_units"});
        !s) {
        return s.error();
    }
    NewAccount a;
    auto username = requireString(body, "username", 64);
    auto displayName = requireString(body, "display_name", 400);
    auto role = requireString(body, "role", 20);
    auto unit = requireString(body, "unit", 200);
    auto password = requireString(body, "password", 1024);
    auto phone = optionalString(body, "phone", 40);
    auto supervised = stringArray(body, "supervised_units");
    if (auto error = firstError(username, displayName, role, unit, password, phone, supervised))
        return *error;
    const auto parsedRole = parseEnum<Role>(role.value());
    if (!parsedRole)
        return makeError("invalid", "'role' must be field, enterprise, supervisor or admin.");
    return NewAccount{username.value(),  displayName.value(),        *parsedRole,
                      unit.value(),      phone.value().value_or(""), password.value(),
                      supervised.value()};
}

Result<AccountChange> readAccountChange(const json& body) {
    if (auto s = onlyFields(
            body, {"role", "unit", "disabled", "password", "display_name", "supervised_units"});
        !s) {
        return s.error();
    }
    AccountChange c;
    if (body.contains("role")) {
        const auto role = body["role"].is_string()
                              ? parseEnum<Role>(body["role"].get<std::string>())
                              : std::nullopt;
        if (!role)
            return makeError("invalid", "'role' must be field, enterprise, supervisor or admin.");
        c.role = role;
    }
    if (body.contains("disabled")) {
        if (!body["disabled"].is_boolean())
            return makeError("invalid", "'disabled' must be true or false.");
        c.disabled = body["disabled"].get<bool>();
    }
    auto unit = optionalString(body, "unit", 200);
    auto password = optionalString(body, "password", 1024);
    auto displayName = optionalString(body, "display_name", 400);
    if (!unit)
        return unit.error();
    if (!password)
        return password.error();
    if (!displayName)
        return displayName.error();
    c.unit = unit.value();
    c.password = password.value();
    c.displayName = displayName.value();
    if (body.contains("supervised_units")) {
        auto supervised = stringArray(body, "supervised_units");
        if (!supervised)
            return supervised.error();
        c.supervisedUnits = supervised.value();
    }
    return c;
}

}  // namespace

void registerAdminRoutes(Router& router, ServerContext& context) {
    router.get(
        "/v1/admin/users", sessionRoute(context, [](const auto& request, auto& response,
                                                    const Session& s, const Database& db) {
            if (!requireAdmin(s, response))
                return;
            const auto offset = queryInteger(request, "offset", 0, 0, 1'000'000);
            const auto limit = queryInteger(request, "limit", 100, 1, 500);
            if (!offset)
                return sendError(response, offset.error());
            if (!limit)
                return sendError(response, limit.error());
            sendJson(response, 200, json{{"users", usersJson(db, limit.value(), offset.value())}});
        }));

    router.post(
        "/v1/admin/users", sessionRoute(context, [&context](const auto& request, auto& response,
                                                            const Session& s, const Database& db) {
            if (!requireAdmin(s, response))
                return;
            auto body = parseJsonObject(request, context.config.maxJsonBodyBytes);
            if (!body)
                return sendError(response, body.error());
            auto account = readNewAccount(body.value());
            if (!account)
                return sendError(response, account.error());
            UuidGenerator ids(context.clock);
            Transaction tx(db);
            const auto created =
                createAccount(db, ids, account.value(), context.config, context.clock.nowMs());
            appendAudit(
                db, context.clock,
                AuditEntry{s.actor.userId, s.deviceId, "user_create", "user:" + account->username,
                           created ? "ok" : created.error().code,
                           json{{"role", toString(account->role)}, {"unit", account->unit}},
                           request.remoteAddress});
            tx.commit();
            if (!created)
                return sendError(response, created.error());
            sendJson(response, 201, userJson(db, created.value()));
        }));

    router.patch(
        R"(/v1/admin/users/([0-9a-z._-]+))",
        sessionRoute(context, [&context](const auto& request, auto& response, const Session& s,
                                         const Database& db) {
            if (!requireAdmin(s, response))
                return;
            auto body = parseJsonObject(request, context.config.maxJsonBodyBytes);
            if (!body)
                return sendError(response, body.error());
            auto change = readAccountChange(body.value());
            if (!change)
                return sendError(response, change.error());
            const std::string who = request.pathParam(0);
            Transaction tx(db);
            const auto userId = findUserId(db, who);
            if (!userId)
                return sendError(response, 404, "not_found", "no such user.");
            const auto changed =
                changeAccount(db, *userId, change.value(), context.config, context.clock.nowMs());
            if (!changed)
                return sendError(response, changed.error());  // rolls back
            appendAudit(db, context.clock,
                        AuditEntry{s.actor.userId, s.deviceId, "user_update", "user:" + *userId,
                                   "ok", changed.value(), request.remoteAddress});
            tx.commit();
            sendJson(response, 200, userJson(db, *userId));
        }));

    router.get(
        "/v1/admin/units", sessionRoute(context, [](const auto&, auto& response, const Session& s,
                                                    const Database& db) {
            if (!requireAdmin(s, response))
                return;
            Statement units = db.prepare(R"sql(
            SELECT u.id, u.name, u.kind, u.parent_id, (SELECT json_group_array(alias) FROM unit_alias WHERE unit_id = u.id)
              FROM unit u ORDER BY u.kind, u.name)sql");
            json list = json::array();
            while (units.step()) {
                list.push_back({{"id", units.text(0)},
                                {"name", units.text(1)},
                                {"kind", units.text(2)},
                                {"parent_id", units.optionalText(3) ? json(*units.optionalText(3))
                                                                    : json(nullptr)},
                                {"aliases", json::parse(units.text(4))}});
            }
            sendJson(response, 200, json{{"units", list}});
        }));

    router.post(
        "/v1/admin/units", sessionRoute(context, [&context](const auto& request, auto& response,
                                                            const Session& s, const Database& db) {
            if (!requireAdmin(s, response))
                return;
            auto body = parseJsonObject(request, context.config.maxJsonBodyBytes);
            if (!body)
                return sendError(response, body.error());
            if (auto ok = onlyFields(body.value(), {"name", "kind", "parent", "aliases"}); !ok)
                return sendError(response, ok.error());
            auto name = requireString(body.value(), "name", 200);
            auto kind = requireString(body.value(), "kind", 40);
            auto parent = optionalString(body.value(), "parent", 200);
            auto aliases = stringArray(body.value(), "aliases");
            if (auto error = firstError(name, kind, parent, aliases))
                return sendError(response, *error);
            const auto unitKind = parseEnum<UnitKind>(kind.value());
            if (!unitKind) {
                return sendError(response, 400, "invalid",
                                 "'kind' must be department, township, enterprise, "
                                 "platform_company, utility or group.");
            }
            Transaction tx(db);
            if (findUnitId(db, name.value()))
                return sendError(response, 409, "exists", "a unit with that name exists.");
            std::optional<std::string> parentId;
            if (parent.value()) {
                parentId = findUnitId(db, *parent.value());
                if (!parentId)
                    return sendError(response, 400, "invalid", "unknown parent unit.");
            }
            for (const auto& alias : aliases.value()) {
                if (findUnitId(db, alias))
                    return sendError(response, 409, "exists",
                                     "the alias '" + alias + "' is taken.");
            }
            const std::string id = UuidGenerator(context.clock).next();
            db.prepare(
                  "INSERT INTO unit (id, name, kind, parent_id, version) VALUES (?, ?, ?, ?, 1)")
                .bindAll(id, name.value(), kind.value(), parentId)
                .run();
            for (const auto& alias : aliases.value()) {
                db.prepare("INSERT INTO unit_alias (alias, unit_id) VALUES (?, ?)")
                    .bindAll(alias, id)
                    .run();
            }
            recordChanged(db, "unit", id, ChangeScope{}, 1);
            appendAudit(db, context.clock,
                        AuditEntry{s.actor.userId, s.deviceId, "unit_create", "unit:" + id, "ok",
                                   json{{"name", name.value()}, {"kind", kind.value()}},
                                   request.remoteAddress});
            tx.commit();
            sendJson(response, 201,
                     json{{"id", id}, {"name", name.value()}, {"kind", kind.value()}});
        }));
}

void registerAuditRoutes(Router& router, ServerContext& context) {
    router.get("/v1/audit", sessionRoute(context, [](const auto& request, auto& response,
                                                     const Session& s, const Database& db) {
                   if (s.actor.role != Role::supervisor && s.actor.role != Role::admin) {
                       return sendError(response, 403, "forbidden",
                                        "the audit log is for supervisors and administrators.");
                   }
                   const auto after = queryInteger(request, "after", 0, 0, INT64_MAX);
                   const auto limit = queryInteger(request, "limit", 100, 1, 1000);
                   if (!after)
                       return sendError(response, after.error());
                   if (!limit)
                       return sendError(response, limit.error());
                   AuditQuery query{after.value(), static_cast<int>(limit.value()), std::nullopt,
                                    std::nullopt};
                   if (request.hasQuery("actor"))
                       query.actorId = findUserId(db, request.queryValue("actor")).value_or("-");
                   if (request.hasQuery("action"))
                       query.action = request.queryValue("action");
                   sendJson(response, 200, readAudit(db, query));
               }));
}

}  // namespace duban::server
