// LocalStore's wiring: opening the store, the transaction and outbox helpers every edit shares,
// and the read-only questions a form asks (checks, permissions, the records themselves). The
// edits live in their own files (see local_store.h).
#include "core/store/local_store.h"

#include "core/domain/dates.h"
#include "core/rules/state_machine.h"
#include "core/rules/validation.h"
#include "core/store/authored_records.h"
#include "core/store/record_rows.h"
#include "core/store/schema.h"
#include "core/store/warnings.h"

namespace duban {

Result<std::unique_ptr<LocalStore>> LocalStore::open(const std::filesystem::path& file,
                                                     const Clock& clock, std::string deviceId) {
    try {
        Database db = Database::open(file);
        if (auto migrated = migrate(db, localStoreMigrations()); !migrated)
            return migrated.error();
        return std::unique_ptr<LocalStore>(new LocalStore(
            std::move(db), file.parent_path() / "blobs", clock, std::move(deviceId)));
    } catch (const DatabaseError& e) {
        return makeError("store_unavailable",
                         std::string("cannot open the local store: ") + e.what());
    }
}

LocalStore::LocalStore(Database db, std::filesystem::path blobsFolder, const Clock& clock,
                       std::string deviceId)
    : m_db(std::move(db)),
      m_blobsFolder(std::move(blobsFolder)),
      m_clock(clock),
      m_deviceId(std::move(deviceId)),
      m_uuids(clock),
      m_hlc(clock, m_deviceId) {}

Status LocalStore::inTransaction(const std::function<Status()>& edit) {
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

std::vector<FieldError> LocalStore::validate(const ProgressReport& report, bool forSubmit) const {
    const ReportContext context{dateAt(m_clock.nowMs()),
                                projectTotalInvestment(m_db, report.projectId)};
    return validateProgressReport(report, context, forSubmit);
}

std::vector<FieldError> LocalStore::validate(const SiteVisit& visit, bool forSubmit) const {
    return validateSiteVisit(visit, m_clock.nowMs(), forSubmit);
}

namespace {
// A form not saved yet has no id; the save gives it one, so its check stands in for it.
constexpr const char* kUnsavedId = "00000000-0000-7000-8000-000000000000";
}  // namespace

std::vector<FieldError> LocalStore::checkReport(ProgressReport report, bool forSubmit) const {
    if (report.id.empty())
        report.id = kUnsavedId;
    return validate(report, forSubmit);
}

std::vector<FieldError> LocalStore::checkVisit(SiteVisit visit, bool forSubmit) const {
    if (visit.id.empty())
        visit.id = kUnsavedId;
    return validate(visit, forSubmit);
}

RecordPermissions LocalStore::permissions(const Actor& actor, Entity entity,
                                          const std::string& id) const {
    RecordPermissions permissions;
    if (entity == Entity::warning) {
        const auto warning = loadWarning(m_db, id);
        if (warning && !warning->acknowledgedAt &&
            mayWrite(actor,
                     WriteRequest{Entity::warning, WriteOp::transition, Transition::acknowledge,
                                  loadProjectUnits(m_db, warning->projectId), "", std::nullopt})) {
            permissions.transitions.push_back(Transition::acknowledge);
        }
        return permissions;
    }
    const auto facts = loadAuthoredFacts(m_db, entity, id);
    if (!facts)
        return permissions;
    const ProjectUnits units = loadProjectUnits(m_db, facts->projectId);
    permissions.edit =
        static_cast<bool>(mayWrite(actor, WriteRequest{entity, WriteOp::update, std::nullopt, units,
                                                       facts->authorId, facts->state}));
    for (Transition t : {Transition::submit, Transition::confirm, Transition::dispute,
                         Transition::approve, Transition::return_}) {
        if (mayWrite(actor, WriteRequest{entity, WriteOp::transition, t, units, facts->authorId,
                                         facts->state}) &&
            nextState(facts->state, t)) {
            permissions.transitions.push_back(t);
        }
    }
    return permissions;
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
