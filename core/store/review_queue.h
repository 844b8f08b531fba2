#pragma once
// The supervisor's queue (DESIGN §8): reports and visits waiting for a decision — submitted, or
// confirmed by the enterprise — newest first, a page at a time. The local store holds only what
// the user may see, so the queue needs no scope of its own.
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/store/database.h"

namespace duban {

struct QueueRow {
    Entity entity = Entity::progress_report;
    std::string id;
    std::string projectId;
    std::string projectName;
    std::string when;  // a report's period (YYYY-MM) or a visit's instant
    RecordState state = RecordState::submitted;
    std::int64_t version = 0;
    std::string summary;  // narrative or notes
    int photos = 0;
};

[[nodiscard]] std::vector<QueueRow> listReviewQueue(const Database& db, int limit, int offset);
[[nodiscard]] int countReviewQueue(const Database& db);

}  // namespace duban
