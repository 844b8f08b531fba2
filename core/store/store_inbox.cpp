// Acting on the inbox: what the server refused or what lost to a later edit is resubmitted
// through the same rules as the first time, or let go; the item stays as the record of it.
#include "core/domain/dates.h"
#include "core/store/authored_records.h"
#include "core/store/local_store.h"

namespace duban {

Status LocalStore::resolveInbox(const Actor& actor, const std::string& inboxId, InboxAction action,
                                const nlohmann::json& edits) {
    if (!edits.is_object())
        return makeError("invalid", "edits are a JSON object of record fields.");
    return inTransaction([&]() -> Status {
        const auto item = loadInboxItem(m_db, inboxId);
        if (!item)
            return makeError("not_found", "no such inbox item on this device.");
        if (!item->isOpen()) {
            return makeError("already_resolved",
                             "this inbox item was already " + item->resolution.value_or("") + ".");
        }
        if (action == InboxAction::resubmit) {
            if (Status resent = resubmitIn(actor, *item, edits); !resent)
                return resent;
        } else {
            discardIn(*item);
        }
        markInboxResolved(m_db, item->id,
                          action == InboxAction::resubmit ? "resubmitted" : "discarded",
                          formatInstantUtc(m_clock.nowMs()));
        return Ok{};
    });
}

Status LocalStore::resubmitIn(const Actor& actor, const InboxItem& item,
                              const nlohmann::json& edits) {
    const auto entity = parseEnum<Entity>(item.entity);
    if (!entity || !isAuthored(*entity)) {
        return makeError("invalid",
                         "only reports and visits are resubmitted from a device; "
                         "discard this item instead.");
    }
    const std::string op = item.kind == "conflict" ? "update" : item.mutation.value("op", "");
    if (op == "transition") {
        const auto transition = parseEnum<Transition>(item.mutation.value("transition", ""));
        if (!transition)
            return makeError("invalid", "the refused transition is not one this device knows.");
        const std::string comment = edits.value("comment", item.mutation.value("comment", ""));
        return transitionIn(actor, *entity, item.recordId, *transition, comment);
    }
    if (op == "delete")
        return deleteIn(actor, *entity, item.recordId);
    // What was typed, with the user's corrections on top, through the same rules as the first
    // save: on the record as the device now holds it (the server's version after a refusal).
    nlohmann::json fields = item.typedFields();
    fields.update(edits);
    return resaveIn(actor, *entity, item.recordId, fields);
}

void LocalStore::discardIn(const InboxItem& item) {
    // A refused create leaves a local copy the server never took: with nothing queued for it,
    // it goes (the inbox item keeps what was typed).
    if (item.kind != "rejected" || item.mutation.value("op", "") != "create")
        return;
    const auto entity = parseEnum<Entity>(item.entity);
    if (!entity || !isAuthored(*entity) || hasQueuedEdits(m_db, item.recordId))
        return;
    withAuthored(*entity, [&]<class Record>(Authored<Record>) {
        m_db.prepare(Authored<Record>::kDeleteUnsynced).bindAll(item.recordId).run();
    });
}

}  // namespace duban
