#pragma once
// The server database: the record tables every device has, plus accounts, tokens, devices and
// their exactly-once bookkeeping, the change log that pulls read, conflicts, uploads, blobs and
// the append-only audit log.
#include <span>

#include "core/store/migrations.h"

namespace duban::server {

[[nodiscard]] std::span<const Migration> serverMigrations();

}  // namespace duban::server
