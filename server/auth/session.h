#pragma once
// Who is asking: a bearer token turned into an Actor for the core access rules. Role, unit and
// the account's state are read on every request, so a changed role or a disabled account takes
// effect at once.
#include <string>

#include "core/rules/access.h"
#include "core/store/database.h"
#include "core/util/result.h"
#include "server/http/request.h"

namespace duban::server {

struct Session {
    Actor actor;
    std::string username;
    std::string deviceId;
    std::string tokenHash;
};

// "unauthorized" when there is no valid token (missing, unknown, expired, revoked, disabled
// account).
[[nodiscard]] Result<Session> authenticate(const Database& db, const Request& request,
                                           std::int64_t nowMs);
[[nodiscard]] std::string tokenHash(std::string_view token);

// The fingerprint of what `actor` may see: changes when role, unit, supervised units or the
// global scope epoch change, telling the device to pull again from zero.
[[nodiscard]] std::string scopeFingerprint(const Database& db, const Actor& actor);

}  // namespace duban::server
