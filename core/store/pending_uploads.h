#pragma once
// What waits to be sent, counted as a person counts it (docs/app.md, "Offline"): records — a
// visit, a report, an acknowledged letter — each once however many changes it queued, and photos
// — each photo file once (its thumbnail travels with it unseen). The outbox counts changes; a
// visit with one photo is four changes but "2 条待上传".
#include <map>
#include <string>

#include "core/store/database.h"

namespace duban {

struct PendingUploads {
    int records = 0;  // distinct records with queued changes (photos counted below)
    int photos = 0;   // photo files waiting to upload
    [[nodiscard]] int total() const { return records + photos; }
};

[[nodiscard]] PendingUploads countPendingUploads(const Database& db);

// Reports and visits with queued changes, per project (only projects that have some). The
// outbox holds only what is unsent, so this reads a handful of rows.
[[nodiscard]] std::map<std::string, int> pendingRecordsByProject(const Database& db);

}  // namespace duban
