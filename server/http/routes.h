#pragma once
// Route modules; each registers its endpoints (docs/api.md) on the server.
#include <httplib.h>

#include "server/app/server_context.h"

namespace duban::server {

void registerHealthRoutes(httplib::Server& server, ServerContext& context);
void registerAuthRoutes(httplib::Server& server, ServerContext& context);
void registerAdminRoutes(httplib::Server& server, ServerContext& context);
void registerAuditRoutes(httplib::Server& server, ServerContext& context);
void registerSyncRoutes(httplib::Server& server, ServerContext& context);
void registerBlobRoutes(httplib::Server& server, ServerContext& context);

}  // namespace duban::server
