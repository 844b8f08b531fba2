#pragma once
// Applying a push batch exactly once (design.md §5): one transaction per batch, one savepoint per
// mutation, the device's last_n and every mutation's result stored in that same transaction.
#include <nlohmann/json.hpp>

#include <string>

#include "core/store/database.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "server/auth/session.h"
#include "server/sync/mutation.h"

namespace duban::server {

struct PushEnvironment {
    const Database& db;
    const Session& session;
    const Clock& clock;
    std::string remoteAddr;  // for the audit log
};

// Applies `push` (its device already checked against the session) and returns the response body
// {"results": [...], "last_n": n} once committed. A "device_in_use" error when the device's
// mutation numbers belong to another user; nothing is changed then.
[[nodiscard]] Result<nlohmann::json> applyPush(const PushEnvironment& environment,
                                               const PushRequest& push);

}  // namespace duban::server
