// Saving a report or a visit: the access rules, validation and the milestone rule, then the row
// and its outbox entry (a create, or an update of only what changed) in one transaction.
#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/store/authored_records.h"
#include "core/store/local_store.h"
#include "core/store/record_rows.h"

namespace duban {

template <class Record>
Result<Record> LocalStore::saveAuthored(const Actor& actor, Record record) {
    const bool isNew = record.id.empty();
    if (isNew)
        record.id = m_uuids.next();
    const Status saved = inTransaction([&] { return saveAuthoredIn(actor, record, isNew); });
    if (!saved)
        return saved.error();
    return record;
}

template <class Record>
Status LocalStore::saveAuthoredIn(const Actor& actor, Record& record, bool isNew) {
    using Kind = Authored<Record>;
    const auto existing = isNew ? std::nullopt : Kind::load(m_db, record.id);
    const Record* before = existing ? &Kind::record(*existing) : nullptr;
    if (!projectExists(m_db, record.projectId))
        return makeError("not_found", "the project of this record is not on this device.");
    const WriteRequest request{Kind::entity,
                               before ? WriteOp::update : WriteOp::create,
                               std::nullopt,
                               loadProjectUnits(m_db, record.projectId),
                               before ? before->authorId : "",
                               before ? std::optional(before->state) : std::nullopt};
    if (auto allowed = mayWrite(actor, request); !allowed)
        return allowed;
    if (before && before->projectId != record.projectId)
        return makeError("invalid", "a record cannot move to another project.");
    record.state = before ? before->state : RecordState::draft;
    record.authorId = before ? before->authorId : actor.userId;
    record.deviceId = m_deviceId;
    if (auto errors = validate(record, false); !errors.empty())
        return validationError(errors);
    if (auto problem = checkMilestone(m_db, record))
        return validationError({std::move(*problem)});
    const std::int64_t version = existing ? existing->version : 0;
    // The server holds a record once it gave it a version or once its create is queued. One whose
    // create it refused holds neither, so it is sent whole again, as a create.
    const bool onServer = before && (version > 0 || hasQueuedEdits(m_db, record.id));
    OutboxEntry entry = mutation(Kind::entity, record.id, onServer ? "update" : "create", version);
    entry.fields = onServer ? changedFields(toJson(*before), toJson(record)) : toJson(record);
    if (onServer && entry.fields.empty())
        return Ok{};  // nothing changed: nothing to send
    Kind::store(m_db, record, version, formatInstantUtc(m_clock.nowMs()));
    appendOutbox(m_db, entry);
    return Ok{};
}

Result<ProgressReport> LocalStore::saveReport(const Actor& actor, ProgressReport report) {
    return saveAuthored(actor, std::move(report));
}

Result<SiteVisit> LocalStore::saveVisit(const Actor& actor, SiteVisit visit) {
    return saveAuthored(actor, std::move(visit));
}

Status LocalStore::resaveIn(const Actor& actor, Entity entity, const std::string& id,
                            const nlohmann::json& fields) {
    return withAuthored(entity, [&]<class Record>(Authored<Record>) -> Status {
        Record record;
        record.id = id;
        const auto stored = Authored<Record>::load(m_db, id);
        if (stored)
            record = Authored<Record>::record(*stored);
        if (Status applied = applyJson(record, fields); !applied)
            return applied;
        return saveAuthoredIn(actor, record, !stored);
    });
}

}  // namespace duban
