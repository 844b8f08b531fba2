#pragma once
// Route modules; each registers its endpoints (docs/api.md) on the server.
#include "server/app/server_context.h"

namespace duban::server {

void registerHealthRoutes(Router& router, ServerContext& context);
void registerAuthRoutes(Router& router, ServerContext& context);
void registerAdminRoutes(Router& router, ServerContext& context);
void registerAuditRoutes(Router& router, ServerContext& context);
void registerSyncRoutes(Router& router, ServerContext& context);
void registerBlobRoutes(Router& router, ServerContext& context);

}  // namespace duban::server
