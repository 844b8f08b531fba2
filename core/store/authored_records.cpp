#include "core/store/authored_records.h"

namespace duban {

std::optional<AuthoredFacts> loadAuthoredFacts(const Database& db, Entity entity,
                                               std::string_view id) {
    if (!isAuthored(entity))
        return std::nullopt;
    return withAuthored(entity,
                        [&]<class Record>(Authored<Record>) -> std::optional<AuthoredFacts> {
                            const auto stored = Authored<Record>::load(db, id);
                            if (!stored)
                                return std::nullopt;
                            const Record& r = Authored<Record>::record(*stored);
                            return AuthoredFacts{r.projectId, r.authorId, r.state, stored->version};
                        });
}

}  // namespace duban
