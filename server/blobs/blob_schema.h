#pragma once
// The blob module's own schema step (one server migration): who sent each blob's bytes, and the
// indexes that find the photo records naming a blob (the access check of every blob request).
#include <string_view>

namespace duban::server {

[[nodiscard]] std::string_view blobTablesSql();

}  // namespace duban::server
