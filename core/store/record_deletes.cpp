// Deleting a report's or visit's draft: gone at once if the server never heard of it, else
// deleted here and queued for the server.
#include "core/store/authored_records.h"
#include "core/store/entity_rows.h"
#include "core/store/local_store.h"
#include "core/store/record_rows.h"

namespace duban {

Status LocalStore::deleteDraft(const Actor& actor, Entity entity, const std::string& id) {
    return inTransaction([&] { return deleteIn(actor, entity, id); });
}

Status LocalStore::deleteIn(const Actor& actor, Entity entity, const std::string& id) {
    const auto facts = loadAuthoredFacts(m_db, entity, id);
    if (!facts)
        return makeError("not_found", "no such record on this device.");
    const WriteRequest request{entity,          WriteOp::remove,
                               std::nullopt,    loadProjectUnits(m_db, facts->projectId),
                               facts->authorId, facts->state};
    if (auto allowed = mayWrite(actor, request); !allowed)
        return allowed;
    m_db.prepare(deleteByIdSql(recordTable(toString(entity)))).bindAll(id).run();
    // A draft whose create is queued is deleted through the server too: outbox numbers must stay
    // contiguous (the server refuses a gap), so its create is sent and then deleted. One the
    // server never took and that waits for nothing is simply gone.
    if (facts->version > 0 || hasQueuedEdits(m_db, id))
        appendOutbox(m_db, mutation(entity, id, "delete", facts->version));
    return Ok{};
}

}  // namespace duban
