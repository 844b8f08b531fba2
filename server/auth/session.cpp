#include "server/auth/session.h"

#include <nlohmann/json.hpp>

#include "core/util/sha256.h"
#include "server/db/change_log.h"

namespace duban::server {

std::string tokenHash(std::string_view token) {
    return sha256Hex(token);
}

Result<Session> authenticate(const Database& db, const Request& request, std::int64_t nowMs) {
    const std::string header = request.header("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (!header.starts_with(kBearer) || header.size() <= kBearer.size() || header.size() > 512) {
        return makeError("unauthorized", "sign in first: send 'Authorization: Bearer <token>'.");
    }
    const std::string hash = tokenHash(std::string_view(header).substr(kBearer.size()));
    Statement s = db.prepare(R"sql(
        SELECT t.user_id, t.device_id, t.expires_at, t.revoked_at, a.disabled, u.role, u.unit_id, u.username,
               a.supervised_units
          FROM token t JOIN user u ON u.id = t.user_id JOIN account a ON a.user_id = t.user_id
         WHERE t.hash = ?)sql");
    s.bindAll(hash);
    if (!s.step())
        return makeError("unauthorized", "this session is not known; sign in again.");
    if (!s.isNull(3))
        return makeError("unauthorized", "this session was ended; sign in again.");
    if (s.int64(2) <= nowMs)
        return makeError("unauthorized", "this session has expired; sign in again.");
    if (s.integer(4) != 0)
        return makeError("unauthorized", "this account is disabled; ask an administrator.");
    Session session;
    session.actor.userId = s.text(0);
    session.deviceId = s.text(1);
    session.actor.role = parseEnum<Role>(s.text(5)).value_or(Role::field);
    session.actor.unitId = s.text(6);
    session.username = s.text(7);
    const auto supervised = nlohmann::json::parse(s.text(8), nullptr, false);
    if (supervised.is_array()) {
        for (const auto& unit : supervised) {
            if (unit.is_string())
                session.actor.supervisedUnitIds.push_back(unit.get<std::string>());
        }
    }
    session.tokenHash = hash;
    return session;
}

std::string scopeFingerprint(const Database& db, const Actor& actor) {
    std::string basis = std::string(toString(actor.role)) + "|" + actor.unitId + "|";
    for (const auto& unit : actor.supervisedUnitIds)
        basis += unit + ",";
    basis += "|" + std::to_string(scopeEpoch(db));
    return sha256Hex(basis).substr(0, 32);
}

}  // namespace duban::server
