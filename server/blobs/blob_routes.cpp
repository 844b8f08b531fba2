// tus uploads and blobs (DESIGN §6) — being built.
#include "server/http/routes.h"

namespace duban::server {

void registerBlobRoutes(httplib::Server&, ServerContext&) {}

}  // namespace duban::server
