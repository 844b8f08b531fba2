#pragma once
// Who may read a blob: whoever may read a record naming it — a photo (as its image or its
// thumbnail) of a site visit or progress report in a project within the caller's read scope
// (core readScope, the rule pulls use) — and whoever uploaded those exact bytes. Everyone else
// is told it does not exist, so blob names reveal nothing outside one's scope.
#include <string_view>

#include "core/rules/access.h"
#include "core/store/database.h"

namespace duban::server {

[[nodiscard]] bool mayReadBlob(const Database& db, const Actor& actor, std::string_view sha256);

}  // namespace duban::server
