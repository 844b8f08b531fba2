#pragma once
// The address of the device behind a request, as throttles and the audit log see it. Behind a
// load balancer every connection comes from the balancer; its X-Forwarded-For or Forwarded header
// names the device, but anyone can send those headers, so they count only when the connection
// itself comes from a configured trusted proxy (nginx's set_real_ip_from with real_ip_recursive).
#include <string>
#include <string_view>
#include <vector>

#include "server/http/headers.h"

namespace duban::server {

// `peer`: the connection's address. `trusted`: the proxies' addresses or CIDR ranges (IPv4 or
// IPv6: "10.0.0.5", "10.0.0.0/8", "fd00::/8"; address_range.h).
// From a trusted peer, the forwarded list (Forwarded's `for=` if present, else X-Forwarded-For) is
// walked from its right end past trusted hops; the first other address is the client. An entry
// that is not an address (`unknown`, an obfuscated name) stops the walk at the hop that sent it.
[[nodiscard]] std::string clientAddress(std::string_view peer, const Headers& headers,
                                        const std::vector<std::string>& trusted);

// The address in canonical text ("::ffff:10.0.0.1" stays IPv6), or "" if `text` is none.
[[nodiscard]] std::string canonicalAddress(std::string_view text);

}  // namespace duban::server
