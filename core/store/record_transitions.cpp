// A report's or visit's transitions (submit, confirm, dispute, approve, return): the access rules
// and state machine exactly as the server checks them, then the new state and its outbox entry.
#include "core/domain/dates.h"
#include "core/rules/state_machine.h"
#include "core/store/authored_records.h"
#include "core/store/local_store.h"
#include "core/store/record_rows.h"

namespace duban {

Status LocalStore::transition(const Actor& actor, Entity entity, const std::string& id,
                              Transition transition, const std::string& comment) {
    if (entity == Entity::warning) {
        if (transition != Transition::acknowledge)
            return makeError("invalid", "an issued warning is only acknowledged.");
        return inTransaction([&] { return acknowledgeIn(actor, id, comment); });
    }
    return inTransaction([&] { return transitionIn(actor, entity, id, transition, comment); });
}

Status LocalStore::transitionIn(const Actor& actor, Entity entity, const std::string& id,
                                Transition transition, const std::string& comment) {
    if (!isAuthored(entity))
        return makeError("not_found", "no such record on this device.");
    return withAuthored(entity, [&]<class Record>(Authored<Record>) {
        return transitionRecordIn<Record>(actor, id, transition, comment);
    });
}

template <class Record>
Status LocalStore::transitionRecordIn(const Actor& actor, const std::string& id,
                                      Transition transition, const std::string& comment) {
    using Kind = Authored<Record>;
    const auto stored = Kind::load(m_db, id);
    if (!stored)
        return makeError("not_found", "no such record on this device.");
    Record updated = Kind::record(*stored);
    const WriteRequest request{Kind::entity,     WriteOp::transition,
                               transition,       loadProjectUnits(m_db, updated.projectId),
                               updated.authorId, updated.state};
    if (auto allowed = mayWrite(actor, request); !allowed)
        return allowed;
    const auto next = nextState(updated.state, transition);
    if (!next)
        return next.error();
    if (auto problem = commentProblem(transition, comment))
        return validationError({std::move(*problem)});
    if (transition == Transition::submit) {
        if (auto errors = validate(updated, true); !errors.empty())
            return validationError(errors);
    }
    updated.state = next.value();
    Kind::store(m_db, updated, stored->version, formatInstantUtc(m_clock.nowMs()));
    OutboxEntry entry = mutation(Kind::entity, id, "transition", stored->version);
    entry.transition = std::string(toString(transition));
    entry.comment = comment;
    appendOutbox(m_db, entry);
    return Ok{};
}

}  // namespace duban
