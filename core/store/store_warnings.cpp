// Warning letters from a device: issuing the letter for a supervisor's chosen finding, and a
// unit acknowledging one — each with its outbox entry in one transaction.
#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/rules/validation.h"
#include "core/store/local_store.h"
#include "core/store/record_rows.h"
#include "core/store/warnings.h"

namespace duban {

Result<Warning> LocalStore::issueWarning(const Actor& actor, const WarningProposal& proposal,
                                         const std::string& correctBy, const std::string& number) {
    Warning warning;
    warning.id = m_uuids.next();
    warning.projectId = proposal.projectId;
    warning.milestoneId = proposal.finding.milestoneId;
    warning.level = proposal.finding.level;
    warning.reasonCode = std::string(toString(proposal.finding.reason));
    warning.reason = lagReasonText(proposal.finding, proposal.milestoneTitle);
    warning.number = number;
    warning.correctBy = correctBy;
    warning.issuedAt = formatInstantUtc(m_clock.nowMs());
    warning.issuedBy = actor.userId;
    const Status saved = inTransaction([&]() -> Status {
        if (!projectExists(m_db, warning.projectId))
            return makeError("not_found", "the project of this warning is not on this device.");
        const WriteRequest request{Entity::warning,
                                   WriteOp::create,
                                   std::nullopt,
                                   loadProjectUnits(m_db, warning.projectId),
                                   "",
                                   std::nullopt};
        if (auto allowed = mayWrite(actor, request); !allowed)
            return allowed;
        if (auto errors = validateWarning(warning, dateAt(m_clock.nowMs())); !errors.empty())
            return validationError(errors);
        if (auto problem = checkMilestone(m_db, warning))
            return validationError({std::move(*problem)});
        if (!number.empty()) {
            Statement taken = m_db.prepare("SELECT id FROM warning WHERE number = ?");
            taken.bindAll(number);
            if (taken.step()) {
                return makeError("conflict", "文号 " + number + " is the number of warning " +
                                                 taken.text(0) + " already.");
            }
        }
        m_db.prepare(R"sql(
            INSERT INTO warning (id, project_id, milestone_id, level, reason_code, reason, number,
                                 correct_by, issued_at, issued_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0))sql")
            .bindAll(warning.id, warning.projectId, warning.milestoneId, warning.level,
                     warning.reasonCode, warning.reason, warning.number, warning.correctBy,
                     warning.issuedAt, warning.issuedBy)
            .run();
        OutboxEntry entry = mutation(Entity::warning, warning.id, "create", 0);
        entry.fields = toJson(warning);
        appendOutbox(m_db, entry);
        return Ok{};
    });
    if (!saved)
        return saved.error();
    return warning;
}

Status LocalStore::acknowledgeIn(const Actor& actor, const std::string& id,
                                 const std::string& comment) {
    const auto warning = loadWarning(m_db, id);
    if (!warning)
        return makeError("not_found", "no such warning on this device.");
    const WriteRequest request{Entity::warning,
                               WriteOp::transition,
                               Transition::acknowledge,
                               loadProjectUnits(m_db, warning->projectId),
                               "",
                               std::nullopt};
    if (auto allowed = mayWrite(actor, request); !allowed)
        return allowed;
    if (warning->acknowledgedAt)
        return makeError("invalid_transition", "this warning has been acknowledged already.");
    m_db.prepare("UPDATE warning SET acknowledged_at = ? WHERE id = ?")
        .bindAll(formatInstantUtc(m_clock.nowMs()), id)
        .run();
    OutboxEntry entry = mutation(Entity::warning, id, "transition", warning->version);
    entry.transition = std::string(toString(Transition::acknowledge));
    entry.comment = comment;
    appendOutbox(m_db, entry);
    return Ok{};
}

}  // namespace duban
