#pragma once
// The supervisor's queue (design.md §8): reports and visits waiting for a decision — submitted, or
// confirmed by the enterprise — newest first, a page at a time, filtered by kind, responsible
// unit and project. The local store holds only what the user may see, so the queue needs no
// scope of its own.
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/store/database.h"
#include "core/store/project_query.h"

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

struct QueueFilter {
    std::optional<Entity> entity;       // progress_report or site_visit; others match nothing
    std::optional<std::string> unitId;  // the project's lead or responsible unit
    std::optional<std::string> projectId;
};

// What the queue's menus offer: only units and projects that have something waiting, with the
// number waiting in the label ("市发改局（3）").
struct QueueChoices {
    std::vector<FilterChoice> units;
    std::vector<FilterChoice> projects;
};

[[nodiscard]] std::vector<QueueRow> listReviewQueue(const Database& db, const QueueFilter& filter,
                                                    int limit, int offset);
[[nodiscard]] int countReviewQueue(const Database& db, const QueueFilter& filter = {});
[[nodiscard]] QueueChoices loadQueueChoices(const Database& db);

}  // namespace duban
