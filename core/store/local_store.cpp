#include "core/store/local_store.h"

#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/rules/state_machine.h"
#include "core/rules/validation.h"
#include "core/store/record_rows.h"
#include "core/store/schema.h"

namespace duban {
namespace {

Error validationError(const std::vector<FieldError>& errors) {
    std::string message;
    for (const FieldError& e : errors)
        message += (message.empty() ? "" : " ") + e.message;
    return makeError("invalid", message);
}

// The fields whose values differ between two JSON objects: an update sends only what changed,
// so a concurrent edit of another field on another device is not overwritten.
nlohmann::json changedFields(const nlohmann::json& before, const nlohmann::json& after) {
    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [key, value] : after.items()) {
        if (!before.contains(key) || before[key] != value)
            changed[key] = value;
    }
    return changed;
}

}  // namespace

Result<std::unique_ptr<LocalStore>> LocalStore::open(const std::filesystem::path& file,
                                                     const Clock& clock, std::string deviceId) {
    try {
        Database db = Database::open(file);
        if (auto migrated = migrate(db, localStoreMigrations()); !migrated)
            return migrated.error();
        return std::unique_ptr<LocalStore>(
            new LocalStore(std::move(db), clock, std::move(deviceId)));
    } catch (const DatabaseError& e) {
        return makeError("store_unavailable",
                         std::string("cannot open the local store: ") + e.what());
    }
}

LocalStore::LocalStore(Database db, const Clock& clock, std::string deviceId)
    : m_db(std::move(db)),
      m_clock(clock),
      m_deviceId(std::move(deviceId)),
      m_uuids(clock),
      m_hlc(clock, m_deviceId) {}

template <class F>
Status LocalStore::inTransaction(F&& edit) {
    try {
        Transaction tx(m_db);
        if (Status s = edit(); !s)
            return s;  // the transaction rolls back
        tx.commit();
        return Ok{};
    } catch (const DatabaseError& e) {
        return makeError("store_failed", std::string("the change was not saved: ") + e.what());
    }
}

OutboxEntry LocalStore::mutation(Entity entity, const std::string& id, std::string op,
                                 std::int64_t baseVersion) {
    OutboxEntry e;
    e.mid = m_uuids.next();
    e.entity = std::string(toString(entity));
    e.recordId = id;
    e.op = std::move(op);
    e.baseVersion = baseVersion;
    e.hlc = m_hlc.now().toString();
    e.createdAt = formatInstantUtc(m_clock.nowMs());
    return e;
}

Result<ProgressReport> LocalStore::saveReport(const Actor& actor, ProgressReport report) {
    const bool isNew = report.id.empty();
    if (isNew)
        report.id = m_uuids.next();
    const Status saved = inTransaction([&]() -> Status {
        const auto existing = isNew ? std::nullopt : loadReport(m_db, report.id);
        if (!projectExists(m_db, report.projectId)) {
            return makeError("not_found", "the project of this report is not on this device.");
        }
        WriteRequest request{Entity::progress_report,
                             existing ? WriteOp::update : WriteOp::create,
                             std::nullopt,
                             loadProjectUnits(m_db, report.projectId),
                             existing ? existing->report.authorId : "",
                             existing ? std::optional(existing->report.state) : std::nullopt};
        if (auto allowed = mayWrite(actor, request); !allowed)
            return allowed;
        if (existing && existing->report.projectId != report.projectId) {
            return makeError("invalid", "a report cannot move to another project.");
        }
        report.state = existing ? existing->report.state : RecordState::draft;
        report.authorId = existing ? existing->report.authorId : actor.userId;
        report.deviceId = m_deviceId;
        const ReportContext context{dateAt(m_clock.nowMs()),
                                    projectTotalInvestment(m_db, report.projectId)};
        if (auto errors = validateProgressReport(report, context, false); !errors.empty()) {
            return validationError(errors);
        }
        const std::int64_t version = existing ? existing->version : 0;
        OutboxEntry entry =
            mutation(Entity::progress_report, report.id, existing ? "update" : "create", version);
        entry.fields =
            existing ? changedFields(toJson(existing->report), toJson(report)) : toJson(report);
        if (existing && entry.fields.empty())
            return Ok{};  // nothing changed: nothing to send
        storeReport(m_db, report, version, formatInstantUtc(m_clock.nowMs()));
        appendOutbox(m_db, entry);
        return Ok{};
    });
    if (!saved)
        return saved.error();
    return report;
}

Result<SiteVisit> LocalStore::saveVisit(const Actor& actor, SiteVisit visit) {
    const bool isNew = visit.id.empty();
    if (isNew)
        visit.id = m_uuids.next();
    const Status saved = inTransaction([&]() -> Status {
        const auto existing = isNew ? std::nullopt : loadVisit(m_db, visit.id);
        if (!projectExists(m_db, visit.projectId)) {
            return makeError("not_found", "the project of this visit is not on this device.");
        }
        WriteRequest request{Entity::site_visit,
                             existing ? WriteOp::update : WriteOp::create,
                             std::nullopt,
                             loadProjectUnits(m_db, visit.projectId),
                             existing ? existing->visit.authorId : "",
                             existing ? std::optional(existing->visit.state) : std::nullopt};
        if (auto allowed = mayWrite(actor, request); !allowed)
            return allowed;
        if (existing && existing->visit.projectId != visit.projectId) {
            return makeError("invalid", "a visit cannot move to another project.");
        }
        visit.state = existing ? existing->visit.state : RecordState::draft;
        visit.authorId = existing ? existing->visit.authorId : actor.userId;
        visit.deviceId = m_deviceId;
        if (auto errors = validateSiteVisit(visit, m_clock.nowMs(), false); !errors.empty()) {
            return validationError(errors);
        }
        const std::int64_t version = existing ? existing->version : 0;
        OutboxEntry entry =
            mutation(Entity::site_visit, visit.id, existing ? "update" : "create", version);
        entry.fields =
            existing ? changedFields(toJson(existing->visit), toJson(visit)) : toJson(visit);
        if (existing && entry.fields.empty())
            return Ok{};
        storeVisit(m_db, visit, version, formatInstantUtc(m_clock.nowMs()));
        appendOutbox(m_db, entry);
        return Ok{};
    });
    if (!saved)
        return saved.error();
    return visit;
}

Status LocalStore::transition(const Actor& actor, Entity entity, const std::string& id,
                              Transition transition, const std::string& comment) {
    return inTransaction([&]() -> Status {
        const auto report = entity == Entity::progress_report ? loadReport(m_db, id) : std::nullopt;
        const auto visit = entity == Entity::site_visit ? loadVisit(m_db, id) : std::nullopt;
        if (!report && !visit)
            return makeError("not_found", "no such record on this device.");
        const std::string projectId = report ? report->report.projectId : visit->visit.projectId;
        const RecordState state = report ? report->report.state : visit->visit.state;
        const std::string authorId = report ? report->report.authorId : visit->visit.authorId;
        const std::int64_t version = report ? report->version : visit->version;

        WriteRequest request{entity,     WriteOp::transition,
                             transition, loadProjectUnits(m_db, projectId),
                             authorId,   state};
        if (auto allowed = mayWrite(actor, request); !allowed)
            return allowed;
        const auto next = nextState(state, transition);
        if (!next)
            return next.error();
        if (needsComment(transition) && comment.find_first_not_of(" \t\r\n") == std::string::npos) {
            return makeError("invalid",
                             "a return or dispute needs a comment saying what to correct.");
        }
        const std::string now = formatInstantUtc(m_clock.nowMs());
        if (report) {
            ProgressReport updated = report->report;
            if (transition == Transition::submit) {
                const ReportContext context{dateAt(m_clock.nowMs()),
                                            projectTotalInvestment(m_db, projectId)};
                if (auto errors = validateProgressReport(updated, context, true); !errors.empty()) {
                    return validationError(errors);
                }
            }
            updated.state = next.value();
            storeReport(m_db, updated, version, now);
        } else {
            SiteVisit updated = visit->visit;
            if (transition == Transition::submit) {
                if (auto errors = validateSiteVisit(updated, m_clock.nowMs(), true);
                    !errors.empty()) {
                    return validationError(errors);
                }
            }
            updated.state = next.value();
            storeVisit(m_db, updated, version, now);
        }
        OutboxEntry entry = mutation(entity, id, "transition", version);
        entry.transition = std::string(toString(transition));
        entry.comment = comment;
        appendOutbox(m_db, entry);
        return Ok{};
    });
}

Status LocalStore::deleteDraft(const Actor& actor, Entity entity, const std::string& id) {
    return inTransaction([&]() -> Status {
        const auto report = entity == Entity::progress_report ? loadReport(m_db, id) : std::nullopt;
        const auto visit = entity == Entity::site_visit ? loadVisit(m_db, id) : std::nullopt;
        if (!report && !visit)
            return makeError("not_found", "no such record on this device.");
        const std::string projectId = report ? report->report.projectId : visit->visit.projectId;
        WriteRequest request{entity,
                             WriteOp::remove,
                             std::nullopt,
                             loadProjectUnits(m_db, projectId),
                             report ? report->report.authorId : visit->visit.authorId,
                             report ? report->report.state : visit->visit.state};
        if (auto allowed = mayWrite(actor, request); !allowed)
            return allowed;
        const std::int64_t version = report ? report->version : visit->version;
        const char* table = entity == Entity::progress_report
                                ? "DELETE FROM progress_report WHERE id = ?"
                                : "DELETE FROM site_visit WHERE id = ?";
        m_db.prepare(table).bindAll(id).run();
        // Always queued, also for a draft the server never saw: outbox numbers must stay
        // contiguous (the server refuses a gap), so its create is sent and then deleted.
        appendOutbox(m_db, mutation(entity, id, "delete", version));
        return Ok{};
    });
}

std::optional<ProgressReport> LocalStore::report(const std::string& id) const {
    auto stored = loadReport(m_db, id);
    return stored ? std::optional(stored->report) : std::nullopt;
}

std::optional<SiteVisit> LocalStore::visit(const std::string& id) const {
    auto stored = loadVisit(m_db, id);
    return stored ? std::optional(stored->visit) : std::nullopt;
}

}  // namespace duban
