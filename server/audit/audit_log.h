#pragma once
// The append-only audit log: every login, edit, transition and permission change, with who,
// what, when, from which device and the result. The table refuses UPDATE and DELETE (triggers).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "core/store/database.h"
#include "core/util/clock.h"

namespace duban::server {

struct AuditEntry {
    std::optional<std::string> actorId;
    std::optional<std::string> deviceId;
    std::string
        action;  // login, logout, password_change, push, user_create, user_update, unit_create, …
    std::string target;  // what it acted on: a user, a record "progress_report:<id>", …
    std::string result;  // ok, denied, rejected, applied, …
    nlohmann::json detail = nlohmann::json::object();
    std::string remoteAddr;
};

// Stamped with `clock`'s now.
void appendAudit(const Database& db, const Clock& clock, const AuditEntry& entry);

struct AuditQuery {
    std::int64_t after = 0;  // seq cursor
    int limit = 100;
    std::optional<std::string> actorId;
    std::optional<std::string> action;
};
// Entries after the cursor, oldest first, as JSON objects; `next` is the last seq returned.
[[nodiscard]] nlohmann::json readAudit(const Database& db, const AuditQuery& query);

}  // namespace duban::server
