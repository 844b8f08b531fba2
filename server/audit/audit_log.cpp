#include "server/audit/audit_log.h"

#include "core/domain/dates.h"

namespace duban::server {

void appendAudit(const Database& db, const Clock& clock, const AuditEntry& e) {
    db.prepare(
          R"sql(INSERT INTO audit (at, actor_id, device_id, action, target, result, detail, remote_addr)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql")
        .bindAll(formatInstantUtc(clock.nowMs()), e.actorId, e.deviceId, e.action, e.target,
                 e.result, e.detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                 e.remoteAddr)
        .run();
}

nlohmann::json readAudit(const Database& db, const AuditQuery& q) {
    Statement s = db.prepare(R"sql(
        SELECT a.seq, a.at, a.actor_id, u.username, a.device_id, a.action, a.target, a.result, a.detail, a.remote_addr
          FROM audit a LEFT JOIN user u ON u.id = a.actor_id
         WHERE a.seq > ?1 AND (?2 IS NULL OR a.actor_id = ?2) AND (?3 IS NULL OR a.action = ?3)
         ORDER BY a.seq LIMIT ?4)sql");
    s.bindAll(q.after, q.actorId, q.action, q.limit + 1);
    nlohmann::json entries = nlohmann::json::array();
    std::int64_t next = q.after;
    bool more = false;
    while (s.step()) {
        if (static_cast<int>(entries.size()) == q.limit) {
            more = true;
            break;
        }
        next = s.int64(0);
        entries.push_back({{"seq", next},
                           {"at", s.text(1)},
                           {"actor_id", s.optionalText(2) ? nlohmann::json(*s.optionalText(2))
                                                          : nlohmann::json(nullptr)},
                           {"actor", s.optionalText(3) ? nlohmann::json(*s.optionalText(3))
                                                       : nlohmann::json(nullptr)},
                           {"device_id", s.optionalText(4) ? nlohmann::json(*s.optionalText(4))
                                                           : nlohmann::json(nullptr)},
                           {"action", s.text(5)},
                           {"target", s.text(6)},
                           {"result", s.text(7)},
                           {"detail", nlohmann::json::parse(s.text(8), nullptr, false)},
                           {"remote_addr", s.text(9)}});
    }
    return {{"entries", entries}, {"next", next}, {"more", more}};
}

}  // namespace duban::server
