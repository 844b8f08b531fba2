#pragma once
// Pull pages are JSON of hundreds of kilobytes that shrink about seven times with gzip; on a
// township's mobile link that is most of a sync's time. The server gzips its JSON answers itself,
// after routing (Router::serve), at a fast level (3): the HTTP library below only carries bytes.
#include "server/http/request.h"
#include "server/http/response.h"

namespace duban::server {

// Bodies smaller than this go as they are: one packet either way.
inline constexpr std::size_t kGzipMinBytes = 1400;

// True when the request's Accept-Encoding takes gzip (not "gzip;q=0").
[[nodiscard]] bool acceptsGzip(const Request& request);

// Replaces a JSON response's body with its gzip and says so in Content-Encoding, when the client
// takes gzip and the body is worth it; any other response is left as it is.
void gzipJsonResponse(const Request& request, Response& response);

}  // namespace duban::server
