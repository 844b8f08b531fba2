// Warnings (督办 letters, design.md §3): issued by supervisors, acknowledged by the unit
// responsible for the project. Nothing else changes an issued warning (core decides who may do
// what).
#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/rules/lag_warnings.h"
#include "core/rules/record_checks.h"
#include "core/store/record_rows.h"
#include "server/sync/apply_context.h"
#include "server/sync/versions.h"

namespace duban::server {
namespace {

std::optional<std::string> numberHolder(const Database& db, const std::string& number) {
    Statement s = db.prepare("SELECT id FROM warning WHERE number = ?");
    s.bindAll(number);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

// The server numbers letters per year (docs/decisions.md): the year's count plus one, past any
// number a supervisor gave by hand.
std::string nextNumber(const ApplyContext& c) {
    const int year = std::stoi(c.now.substr(0, 4));
    Statement count =
        c.db.prepare("SELECT count(*) FROM warning WHERE issued_at >= ? AND issued_at < ?");
    count.bindAll(std::to_string(year), std::to_string(year + 1));
    count.step();
    for (int n = static_cast<int>(count.int64(0)) + 1;; ++n) {
        std::string number = letterNumber(year, n);
        if (!numberHolder(c.db, number))
            return number;
    }
}

Outcome create(const ApplyContext& c, const Mutation& m) {
    if (recordIdTaken(c.db, Entity::warning, m.id))
        return reject("conflict", "a record with this id exists already; create it with a new id.");
    Warning warning;
    warning.id = m.id;
    if (auto read = applyJson(warning, m.fields); !read)
        return reject(read.error());
    if (!projectExists(c.db, warning.projectId))
        return reject("not_found", "project_id names no project on the server.");
    const WriteRequest request{Entity::warning,
                               WriteOp::create,
                               std::nullopt,
                               loadProjectUnits(c.db, warning.projectId),
                               "",
                               std::nullopt};
    if (auto allowed = mayWrite(c.session.actor, request); !allowed)
        return reject(allowed.error());
    if (auto errors = validateWarning(warning, dateAt(c.nowMs)); !errors.empty())
        return invalidFields(std::move(errors));
    if (auto problem = checkMilestone(c.db, warning))
        return invalidFields({std::move(*problem)});
    if (warning.number.empty()) {
        warning.number = nextNumber(c);
    } else if (const auto holder = numberHolder(c.db, warning.number)) {
        return reject("conflict", "文号 " + warning.number + " is the number of warning " +
                                      *holder +
                                      " already; issue this one with another number, or "
                                      "leave the number empty for the server to assign one.");
    }
    c.db.prepare(R"sql(
            INSERT INTO warning (id, project_id, milestone_id, level, reason_code, reason, number,
                                 correct_by, issued_at, issued_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1))sql")
        .bindAll(warning.id, warning.projectId, warning.milestoneId, warning.level,
                 warning.reasonCode, warning.reason, warning.number, warning.correctBy, c.now,
                 c.session.actor.userId)
        .run();
    noteChange(c, Entity::warning, m.id, ChangeScope{warning.projectId, std::nullopt}, 1);
    return Applied{1, {}};
}

Outcome change(const ApplyContext& c, const Mutation& m) {
    Statement s =
        c.db.prepare("SELECT project_id, acknowledged_at, version FROM warning WHERE id = ?");
    s.bindAll(m.id);
    if (!s.step())
        return reject("not_found", "no such warning on the server.");
    const std::string projectId = s.text(0);
    const bool acknowledged = !s.isNull(1);
    const std::int64_t current = s.int64(2);
    const WriteRequest request{
        Entity::warning, m.op, m.transition, loadProjectUnits(c.db, projectId), "", std::nullopt};
    if (auto allowed = mayWrite(c.session.actor, request); !allowed)
        return reject(allowed.error());
    if (m.op != WriteOp::transition || m.transition != Transition::acknowledge)
        return reject("invalid", "an issued warning is only acknowledged.");
    if (acknowledged)
        return reject("invalid_transition", "this warning has been acknowledged already.");
    if (auto problem = baseVersionProblem(m.baseVersion, current))
        return reject(*problem);
    const std::int64_t version = current + 1;
    c.db.prepare("UPDATE warning SET acknowledged_at = ?, version = ? WHERE id = ?")
        .bindAll(c.now, version, m.id)
        .run();
    noteChange(c, Entity::warning, m.id, ChangeScope{projectId, std::nullopt}, version);
    appendReview(c, ReviewKind::acknowledge, Entity::warning, m.id, current, m.comment, projectId);
    return Applied{version, {}};
}

}  // namespace

Outcome applyWarningMutation(const ApplyContext& context, const Mutation& m) {
    if (m.op == WriteOp::create)
        return create(context, m);
    return change(context, m);
}

}  // namespace duban::server
