#pragma once
// A request target ("/v1/sync/pull?after=3&limit=10") split into its decoded path and query
// parameters (RFC 3986 percent-encoding; '+' is a space in the query, as forms send it).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duban::server {

[[nodiscard]] std::string percentDecode(std::string_view text, bool plusIsSpace);

struct Target {
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
};
[[nodiscard]] Target parseTarget(std::string_view target);

}  // namespace duban::server
