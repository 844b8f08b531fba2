#include "server/sync/push_apply.h"

#include "core/domain/dates.h"
#include "server/audit/audit_log.h"
#include "server/sync/apply_context.h"
#include "server/sync/pull_query.h"
#include "server/sync/record_views.h"

namespace duban::server {
namespace {

using nlohmann::json;

json resultHead(const Mutation& m, std::string_view status) {
    return json{{"n", m.n}, {"mid", m.mid}, {"status", status}};
}

Outcome dispatch(const ApplyContext& context, const Mutation& m) {
    switch (m.entity) {
        case Entity::progress_report:
        case Entity::site_visit:
            return applyAuthoredMutation(context, m);
        case Entity::photo:
            return applyPhotoMutation(context, m);
        case Entity::warning:
            return applyWarningMutation(context, m);
        case Entity::unit:
        case Entity::user:
        case Entity::project:
        case Entity::milestone:
        case Entity::review:
            break;
    }
    return reject("invalid", "'" + std::string(toString(m.entity)) +
                                 "' records are not changed by sync: units, accounts and projects "
                                 "are managed by administrators, reviews are left by transitions.");
}

// The current server record, for a rejected mutation: only if the caller may pull it.
json currentRecord(const ApplyContext& context, const Mutation& m) {
    const std::string entity(toString(m.entity));
    if (!mayPull(context.db, context.session.actor, entity, m.id))
        return nullptr;
    auto views = loadRecordViews(context.db, {{entity, m.id}});
    const auto it = views.find({entity, m.id});
    return it == views.end() ? json(nullptr) : it->second;
}

// Applies one mutation under its own savepoint: a rejected one rolls back alone.
json applyOne(const ApplyContext& context, const Mutation& m) {
    Outcome outcome;
    {
        Savepoint savepoint(context.db, "mutation");
        try {
            outcome = dispatch(context, m);
        } catch (const DatabaseError& e) {
            // A constraint the checks above did not foresee refuses this mutation alone; anything
            // else (busy, I/O) fails the batch, which the device simply sends again.
            if ((e.code() & 0xff) != SQLITE_CONSTRAINT)
                throw;
            outcome =
                reject("invalid", "the change does not fit the server's data; it was refused.");
        }
        if (std::holds_alternative<Applied>(outcome))
            savepoint.release();
        else
            savepoint.rollback();
    }
    if (const auto* applied = std::get_if<Applied>(&outcome)) {
        json result = resultHead(m, applied->conflicts.empty() ? "applied" : "merged");
        result["version"] = applied->version;
        if (!applied->conflicts.empty())
            result["conflicts"] = applied->conflicts;
        return result;
    }
    const Rejected& rejected = std::get<Rejected>(outcome);
    json result = resultHead(m, "rejected");
    result["code"] = rejected.error.code;
    result["message"] = rejected.error.message;
    if (!rejected.fieldErrors.empty()) {
        json errors = json::array();
        for (const FieldError& e : rejected.fieldErrors)
            errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
        result["errors"] = errors;
    }
    result["record"] = currentRecord(context, m);
    return result;
}

// A mutation already applied: its stored result, unless the number now names another mutation
// (a device whose numbering restarted) — that must not pass as done, or its change would be lost.
json duplicateResult(const Database& db, const std::string& device, const Mutation& m) {
    Statement s =
        db.prepare("SELECT mid, result FROM mutation_result WHERE device_id = ? AND n = ?");
    s.bindAll(device, m.n);
    json result = resultHead(m, "duplicate");
    if (!s.step()) {
        result["result"] = nullptr;
        return result;
    }
    if (s.text(0) != m.mid) {
        json refused = resultHead(m, "rejected");
        refused["code"] = "sequence_reused";
        refused["message"] =
            "mutation number " + std::to_string(m.n) + " was used by mutation " + s.text(0) +
            "; this device's numbering restarted. Sign in again with a new device id.";
        refused["record"] = nullptr;
        return refused;
    }
    result["result"] = json::parse(s.text(1), nullptr, false);
    return result;
}

void audit(const PushEnvironment& env, const Mutation& m, const json& result) {
    json detail{{"n", m.n}, {"mid", m.mid}, {"op", opName(m.op)}, {"result", result["status"]}};
    if (m.transition)
        detail["transition"] = toString(*m.transition);
    if (result.contains("version"))
        detail["version"] = result["version"];
    if (result.contains("code"))
        detail["code"] = result["code"];
    appendAudit(env.db, env.clock,
                AuditEntry{env.session.actor.userId, env.session.deviceId, "push",
                           std::string(toString(m.entity)) + ":" + m.id,
                           result["status"].get<std::string>(), detail, env.remoteAddr});
}

}  // namespace

Result<json> applyPush(const PushEnvironment& env, const PushRequest& push) {
    const Database& db = env.db;
    UuidGenerator ids(env.clock);
    const std::int64_t nowMs = env.clock.nowMs();
    const ApplyContext context{db, env.session, ids, nowMs, formatInstantUtc(nowMs)};
    const std::string& device = env.session.deviceId;

    Transaction tx(db);
    Statement known = db.prepare("SELECT user_id, last_n FROM device WHERE id = ?");
    known.bindAll(device);
    std::int64_t lastN = 0;
    if (known.step()) {
        // A device's numbers are one user's outbox; another user's outbox on the same device id
        // would collide with them.
        if (known.text(0) != env.session.actor.userId) {
            return makeError("device_in_use",
                             "this device id already pushed changes for another user; sign in "
                             "again with a new device id.");
        }
        lastN = known.int64(1);
    } else {
        db.prepare("INSERT INTO device (id, user_id, last_n) VALUES (?, ?, 0)")
            .bindAll(device, env.session.actor.userId)
            .run();
    }

    json results = json::array();
    bool gap = false;
    for (const Mutation& m : push.mutations) {
        if (gap || m.n > lastN + 1) {
            // Nothing after a gap is applied: the device resends from `expected`.
            gap = true;
            json result = resultHead(m, "gap");
            result["expected"] = lastN + 1;
            results.push_back(std::move(result));
            continue;
        }
        if (m.n <= lastN) {
            results.push_back(duplicateResult(db, device, m));
            continue;
        }
        json result = applyOne(context, m);
        db.prepare("INSERT INTO mutation_result (device_id, n, mid, result) VALUES (?, ?, ?, ?)")
            .bindAll(device, m.n, m.mid,
                     result.dump(-1, ' ', false, json::error_handler_t::replace))
            .run();
        audit(env, m, result);
        lastN = m.n;  // rejected ones too: one bad mutation never wedges the queue
        results.push_back(std::move(result));
    }
    db.prepare("UPDATE device SET last_n = ? WHERE id = ?").bindAll(lastN, device).run();
    tx.commit();
    return json{{"results", results}, {"last_n", lastN}};
}

}  // namespace duban::server
