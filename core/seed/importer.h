#pragma once
// Loads the seed into the record tables of a store, in one transaction, idempotently: records
// are found by natural keys (unit name, project code "<list>#<no>", milestone order) and written
// only when a value differs, so importing twice changes nothing. A project printed in several
// lists becomes one project with every list's tag.
#include <cstdint>

#include "core/seed/seed_check.h"
#include "core/seed/seed_files.h"
#include "core/store/database.h"
#include "core/util/result.h"
#include "core/util/uuid.h"

namespace duban::seed {

struct ImportStats {
    int units = 0;
    int projects = 0;
    int milestones = 0;
    int listTags = 0;
    int projectsChanged = 0;      // inserted or updated by this import
    std::int64_t rowChanges = 0;  // rows written (0 on a repeated import)
};

// Refuses (changing nothing) when the seed has errors (checkSeed); warnings do not stop it.
[[nodiscard]] Result<ImportStats> importSeed(const Database& db, const SeedData& data,
                                             UuidGenerator& ids);

}  // namespace duban::seed
