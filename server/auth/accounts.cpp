#include "server/auth/accounts.h"

#include "core/domain/dates.h"
#include "core/util/clock.h"
#include "core/util/utf8.h"
#include "server/auth/passwords.h"
#include "server/auth/session.h"
#include "server/db/change_log.h"

namespace duban::server {
namespace {

using nlohmann::json;

bool validUsername(std::string_view name) {
    if (name.empty() || name.size() > 64)
        return false;
    for (char c : name) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

Result<std::vector<std::string>> resolveUnits(const Database& db,
                                              const std::vector<std::string>& units) {
    std::vector<std::string> ids;
    for (const auto& unit : units) {
        const auto id = findUnitId(db, unit);
        if (!id)
            return makeError("invalid", "unknown unit '" + unit + "'.");
        ids.push_back(*id);
    }
    return ids;
}

std::int64_t bumpUserVersion(const Database& db, const std::string& userId) {
    db.prepare("UPDATE user SET version = version + 1 WHERE id = ?").bindAll(userId).run();
    Statement s = db.prepare("SELECT version FROM user WHERE id = ?");
    s.bindAll(userId);
    s.step();
    return s.int64(0);
}

}  // namespace

std::optional<std::string> findUnitId(const Database& db, std::string_view unit) {
    Statement s = db.prepare(R"sql(
        SELECT id FROM unit WHERE id = ?1 OR name = ?1
        UNION ALL SELECT unit_id FROM unit_alias WHERE alias = ?1 LIMIT 1)sql");
    s.bindAll(unit);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

std::optional<std::string> findUserId(const Database& db, std::string_view usernameOrId) {
    Statement s = db.prepare("SELECT id FROM user WHERE id = ?1 OR username = ?1");
    s.bindAll(usernameOrId);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

Result<std::string> createAccount(const Database& db, UuidGenerator& ids, const NewAccount& a,
                                  const ServerConfig& config, std::int64_t nowMs) {
    if (!validUsername(a.username)) {
        return makeError("invalid", "a username is 1–64 characters of a–z, 0–9, '-', '_' or '.'.");
    }
    if (a.displayName.empty() || utf8Length(a.displayName) > 100) {
        return makeError("invalid", "a display name of 1–100 characters is required.");
    }
    if (const std::string problem = passwordProblem(a.password); !problem.empty()) {
        return makeError("invalid", problem);
    }
    const auto unitId = findUnitId(db, a.unit);
    if (!unitId)
        return makeError("invalid", "unknown unit '" + a.unit + "'.");
    const auto supervised = resolveUnits(db, a.supervisedUnits);
    if (!supervised)
        return supervised.error();
    if (!a.supervisedUnits.empty() && a.role != Role::supervisor) {
        return makeError("invalid", "only supervisors have supervised units.");
    }
    if (findUserId(db, a.username))
        return makeError("exists", "the username '" + a.username + "' is taken.");

    const std::string userId = ids.next();
    db.prepare(
          "INSERT INTO user (id, username, display_name, role, unit_id, phone, version) VALUES (?, "
          "?, ?, ?, ?, ?, 1)")
        .bindAll(userId, a.username, a.displayName, std::string(toString(a.role)), *unitId, a.phone)
        .run();
    db.prepare(
          "INSERT INTO account (user_id, password_hash, supervised_units, password_changed_at) "
          "VALUES (?, ?, ?, ?)")
        .bindAll(userId, hashPassword(a.password, config.scryptN), json(supervised.value()).dump(),
                 formatInstantUtc(nowMs))
        .run();
    recordChanged(db, "user", userId, ChangeScope{std::nullopt, userId}, 1);
    return userId;
}

Result<LoginGrant> login(const Database& db, const LoginRequest& r, const ServerConfig& config,
                         std::int64_t nowMs) {
    Statement s = db.prepare(R"sql(
        SELECT u.id, a.password_hash, a.disabled, a.failed_logins, a.locked_until
          FROM user u JOIN account a ON a.user_id = u.id WHERE u.username = ?)sql");
    s.bindAll(r.username);
    // Unknown users cost a hash too, so response time does not reveal which usernames exist.
    static const std::string dummyHash = hashPassword("not a real password", 1u << 14);
    if (!s.step()) {
        (void)verifyPassword(r.password, dummyHash);
        return makeError("unauthorized", "wrong username or password.");
    }
    const std::string userId = s.text(0);
    const std::string stored = s.text(1);
    const bool disabled = s.integer(2) != 0;
    const int failures = s.integer(3);
    const std::int64_t lockedUntil = s.int64(4);
    if (lockedUntil > nowMs) {
        const auto minutes = (lockedUntil - nowMs + 59'999) / 60'000;
        return makeError("locked", "too many failed sign-ins; try again in " +
                                       std::to_string(minutes) + " minutes.");
    }
    if (!verifyPassword(r.password, stored)) {
        const int count = failures + 1;
        const bool lock = count >= config.maxFailedLogins;
        db.prepare("UPDATE account SET failed_logins = ?, locked_until = ? WHERE user_id = ?")
            .bindAll(lock ? 0 : count, lock ? nowMs + config.lockoutMs : std::int64_t{0}, userId)
            .run();
        if (lock) {
            return makeError("locked", "too many failed sign-ins; the account is locked for " +
                                           std::to_string(config.lockoutMs / 60'000) + " minutes.");
        }
        return makeError("unauthorized", "wrong username or password.");
    }
    if (disabled)
        return makeError("unauthorized", "this account is disabled; ask an administrator.");
    db.prepare("UPDATE account SET failed_logins = 0, locked_until = 0 WHERE user_id = ?")
        .bindAll(userId)
        .run();

    // One live token per device: signing in again on a device ends its earlier session.
    db.prepare(
          "UPDATE token SET revoked_at = ? WHERE user_id = ? AND device_id = ? AND revoked_at IS "
          "NULL")
        .bindAll(nowMs, userId, r.deviceId)
        .run();
    LoginGrant grant;
    grant.token = "dbn_" + randomToken(32);
    grant.expiresAtMs = nowMs + config.tokenLifetimeMs;
    grant.userId = userId;
    db.prepare(
          R"sql(INSERT INTO token (hash, user_id, device_id, device_name, created_at, expires_at)
                     VALUES (?, ?, ?, ?, ?, ?))sql")
        .bindAll(tokenHash(grant.token), userId, r.deviceId, r.deviceName, nowMs, grant.expiresAtMs)
        .run();
    db.prepare("INSERT INTO device (id, user_id) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
        .bindAll(r.deviceId, userId)
        .run();
    return grant;
}

Status changePassword(const Database& db, const std::string& userId, const std::string& current,
                      const std::string& next, const ServerConfig& config, std::int64_t nowMs) {
    Statement s = db.prepare("SELECT password_hash FROM account WHERE user_id = ?");
    s.bindAll(userId);
    if (!s.step() || !verifyPassword(current, s.text(0))) {
        return makeError("forbidden", "the current password is not right.");
    }
    if (const std::string problem = passwordProblem(next); !problem.empty())
        return makeError("invalid", problem);
    db.prepare("UPDATE account SET password_hash = ?, password_changed_at = ? WHERE user_id = ?")
        .bindAll(hashPassword(next, config.scryptN), formatInstantUtc(nowMs), userId)
        .run();
    return Ok{};
}

void revokeTokens(const Database& db, const std::string& userId, std::int64_t nowMs) {
    db.prepare("UPDATE token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .bindAll(nowMs, userId)
        .run();
}

Result<json> changeAccount(const Database& db, const std::string& userId, const AccountChange& c,
                           const ServerConfig& config, std::int64_t nowMs) {
    json changed = json::object();
    bool endSessions = false;
    if (c.displayName) {
        if (c.displayName->empty() || utf8Length(*c.displayName) > 100) {
            return makeError("invalid", "a display name of 1–100 characters is required.");
        }
        db.prepare("UPDATE user SET display_name = ? WHERE id = ?")
            .bindAll(*c.displayName, userId)
            .run();
        changed["display_name"] = *c.displayName;
    }
    if (c.role) {
        db.prepare("UPDATE user SET role = ? WHERE id = ?")
            .bindAll(std::string(toString(*c.role)), userId)
            .run();
        changed["role"] = toString(*c.role);
        endSessions = true;
    }
    if (c.unit) {
        const auto unitId = findUnitId(db, *c.unit);
        if (!unitId)
            return makeError("invalid", "unknown unit '" + *c.unit + "'.");
        db.prepare("UPDATE user SET unit_id = ? WHERE id = ?").bindAll(*unitId, userId).run();
        changed["unit_id"] = *unitId;
        endSessions = true;
    }
    if (c.supervisedUnits) {
        const auto ids = resolveUnits(db, *c.supervisedUnits);
        if (!ids)
            return ids.error();
        db.prepare("UPDATE account SET supervised_units = ? WHERE user_id = ?")
            .bindAll(json(ids.value()).dump(), userId)
            .run();
        changed["supervised_units"] = ids.value();
        endSessions = true;
    }
    if (c.password) {
        if (const std::string problem = passwordProblem(*c.password); !problem.empty()) {
            return makeError("invalid", problem);
        }
        db.prepare(
              "UPDATE account SET password_hash = ?, password_changed_at = ? WHERE user_id = ?")
            .bindAll(hashPassword(*c.password, config.scryptN), formatInstantUtc(nowMs), userId)
            .run();
        changed["password"] = "changed";
        endSessions = true;
    }
    if (c.disabled) {
        db.prepare("UPDATE account SET disabled = ? WHERE user_id = ?")
            .bindAll(*c.disabled ? 1 : 0, userId)
            .run();
        changed["disabled"] = *c.disabled;
        endSessions = endSessions || *c.disabled;
    }
    if (endSessions)
        revokeTokens(db, userId, nowMs);
    if (!changed.empty())
        recordChanged(db, "user", userId, ChangeScope{std::nullopt, userId},
                      bumpUserVersion(db, userId));
    return changed;
}

namespace {

constexpr std::string_view kUserSelect = R"sql(
    SELECT u.id, u.username, u.display_name, u.role, u.phone, n.id, n.name, n.kind, a.disabled, a.supervised_units
      FROM user u JOIN account a ON a.user_id = u.id LEFT JOIN unit n ON n.id = u.unit_id)sql";

json userRow(const Statement& s) {
    return json{{"id", s.text(0)},
                {"username", s.text(1)},
                {"display_name", s.text(2)},
                {"role", s.text(3)},
                {"phone", s.text(4)},
                {"unit", {{"id", s.text(5)}, {"name", s.text(6)}, {"kind", s.text(7)}}},
                {"disabled", s.integer(8) != 0},
                {"supervised_units", json::parse(s.text(9), nullptr, false)}};
}

}  // namespace

json userJson(const Database& db, const std::string& userId) {
    Statement s = db.prepare(std::string(kUserSelect) + " WHERE u.id = ?");
    s.bindAll(userId);
    return s.step() ? userRow(s) : json(nullptr);
}

json usersJson(const Database& db, std::int64_t limit, std::int64_t offset) {
    Statement s = db.prepare(std::string(kUserSelect) + " ORDER BY u.username LIMIT ? OFFSET ?");
    s.bindAll(limit, offset);
    json users = json::array();
    while (s.step())
        users.push_back(userRow(s));
    return users;
}

}  // namespace duban::server
