#pragma once
// The services every route uses, built once in ServerApp and handed to each route module.
#include <functional>

#include "core/util/clock.h"
#include "core/util/uuid.h"
#include "server/app/server_config.h"
#include "server/auth/login_throttle.h"
#include "server/auth/session.h"
#include "server/db/connection_pool.h"
#include "server/http/change_feed.h"
#include "server/http/router.h"
#include "server/log/json_log.h"

namespace duban::server {

struct ServerContext {
    const ServerConfig& config;
    ConnectionPool& pool;
    const Clock& clock;
    JsonLog& log;
    LoginThrottle& throttle;
    // The newest committed change, for long-polling pulls: published after every write route.
    ChangeFeed& changes;
};

using PublicHandler = std::function<void(const Request&, Response&, const Database&)>;
using SessionHandler =
    std::function<void(const Request&, Response&, const Session&, const Database&)>;

// Lends a database connection (an escaped exception becomes a logged 500 in Router::serve).
// After a route that may write (any method but GET and HEAD), publishes the newest change.
[[nodiscard]] Handler publicRoute(ServerContext& context, PublicHandler handler);
// As publicRoute, after authenticating the bearer token (401 JSON when it fails).
[[nodiscard]] Handler sessionRoute(ServerContext& context, SessionHandler handler);

}  // namespace duban::server
