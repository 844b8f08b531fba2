#include "core/store/local_store.h"

#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/media/photo.h"
#include "core/rules/state_machine.h"
#include "core/rules/validation.h"
#include "core/store/blob_files.h"
#include "core/store/blob_uploads.h"
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

namespace {

// The two authored records differ only in names; these let one save path serve both.
const ProgressReport& recordOf(const StoredReport& stored) {
    return stored.report;
}
const SiteVisit& recordOf(const StoredVisit& stored) {
    return stored.visit;
}
std::optional<StoredReport> loadStored(const Database& db, const ProgressReport& r) {
    return loadReport(db, r.id);
}
std::optional<StoredVisit> loadStored(const Database& db, const SiteVisit& v) {
    return loadVisit(db, v.id);
}
void storeRecord(const Database& db, const ProgressReport& r, std::int64_t version,
                 std::string_view at) {
    storeReport(db, r, version, at);
}
void storeRecord(const Database& db, const SiteVisit& v, std::int64_t version,
                 std::string_view at) {
    storeVisit(db, v, version, at);
}
constexpr Entity entityOf(const ProgressReport&) {
    return Entity::progress_report;
}
constexpr Entity entityOf(const SiteVisit&) {
    return Entity::site_visit;
}

}  // namespace

std::vector<FieldError> LocalStore::validateDraft(const ProgressReport& report) const {
    const ReportContext context{dateAt(m_clock.nowMs()),
                                projectTotalInvestment(m_db, report.projectId)};
    return validateProgressReport(report, context, false);
}

std::vector<FieldError> LocalStore::validateDraft(const SiteVisit& visit) const {
    return validateSiteVisit(visit, m_clock.nowMs(), false);
}

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
    const Entity entity = entityOf(record);
    const auto existing = isNew ? std::nullopt : loadStored(m_db, record);
    const Record* before = existing ? &recordOf(*existing) : nullptr;
    if (!projectExists(m_db, record.projectId))
        return makeError("not_found", "the project of this record is not on this device.");
    const WriteRequest request{entity,
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
    if (auto errors = validateDraft(record); !errors.empty())
        return validationError(errors);
    if (auto problem = checkMilestone(m_db, record))
        return validationError({std::move(*problem)});
    const std::int64_t version = existing ? existing->version : 0;
    // The server holds a record once it gave it a version or once its create is queued. One whose
    // create it refused holds neither, so it is sent whole again, as a create.
    const bool onServer = before && (version > 0 || hasQueuedEdits(m_db, record.id));
    OutboxEntry entry = mutation(entity, record.id, onServer ? "update" : "create", version);
    entry.fields = onServer ? changedFields(toJson(*before), toJson(record)) : toJson(record);
    if (onServer && entry.fields.empty())
        return Ok{};  // nothing changed: nothing to send
    storeRecord(m_db, record, version, formatInstantUtc(m_clock.nowMs()));
    appendOutbox(m_db, entry);
    return Ok{};
}

Result<ProgressReport> LocalStore::saveReport(const Actor& actor, ProgressReport report) {
    return saveAuthored(actor, std::move(report));
}

Result<SiteVisit> LocalStore::saveVisit(const Actor& actor, SiteVisit visit) {
    return saveAuthored(actor, std::move(visit));
}

Status LocalStore::transition(const Actor& actor, Entity entity, const std::string& id,
                              Transition transition, const std::string& comment) {
    if (entity == Entity::warning) {
        if (transition != Transition::acknowledge)
            return makeError("invalid", "an issued warning is only acknowledged.");
        return inTransaction([&] { return acknowledgeIn(actor, id, comment); });
    }
    return inTransaction([&] { return transitionIn(actor, entity, id, transition, comment); });
}

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

Status LocalStore::transitionIn(const Actor& actor, Entity entity, const std::string& id,
                                Transition transition, const std::string& comment) {
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
    if (auto problem = commentProblem(transition, comment))
        return validationError({std::move(*problem)});
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
            if (auto errors = validateSiteVisit(updated, m_clock.nowMs(), true); !errors.empty()) {
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
}

Status LocalStore::deleteDraft(const Actor& actor, Entity entity, const std::string& id) {
    return inTransaction([&] { return deleteIn(actor, entity, id); });
}

Status LocalStore::deleteIn(const Actor& actor, Entity entity, const std::string& id) {
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
    // A draft whose create is queued is deleted through the server too: outbox numbers must stay
    // contiguous (the server refuses a gap), so its create is sent and then deleted. One the
    // server never took and that waits for nothing is simply gone.
    if (version > 0 || hasQueuedEdits(m_db, id))
        appendOutbox(m_db, mutation(entity, id, "delete", version));
    return Ok{};
}

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
    if (!entity || (*entity != Entity::progress_report && *entity != Entity::site_visit)) {
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
    if (*entity == Entity::progress_report)
        return resaveWith<ProgressReport>(actor, item.recordId, fields);
    return resaveWith<SiteVisit>(actor, item.recordId, fields);
}

template <class Record>
Status LocalStore::resaveWith(const Actor& actor, const std::string& id,
                              const nlohmann::json& fields) {
    Record record;
    record.id = id;
    const auto stored = loadStored(m_db, record);
    if (stored)
        record = recordOf(*stored);
    if (Status applied = applyJson(record, fields); !applied)
        return applied;
    return saveAuthoredIn(actor, record, !stored);
}

void LocalStore::discardIn(const InboxItem& item) {
    // A refused create leaves a local copy the server never took: with nothing queued for it,
    // it goes (the inbox item keeps what was typed).
    if (item.kind != "rejected" || item.mutation.value("op", "") != "create")
        return;
    const char* sql = item.entity == "progress_report"
                          ? "DELETE FROM progress_report WHERE id = ? AND version = 0"
                          : "DELETE FROM site_visit WHERE id = ? AND version = 0";
    if (!hasQueuedEdits(m_db, item.recordId))
        m_db.prepare(sql).bindAll(item.recordId).run();
}

Status LocalStore::mayAddPhoto(const Actor& actor, Entity ownerKind,
                               const std::string& ownerId) const {
    const auto report =
        ownerKind == Entity::progress_report ? loadReport(m_db, ownerId) : std::nullopt;
    const auto visit = ownerKind == Entity::site_visit ? loadVisit(m_db, ownerId) : std::nullopt;
    if (!report && !visit)
        return makeError("not_found", "the visit or report for this photo is not on this device.");
    const std::string& projectId = report ? report->report.projectId : visit->visit.projectId;
    return mayWrite(actor, WriteRequest{Entity::photo, WriteOp::create, std::nullopt,
                                        loadProjectUnits(m_db, projectId),
                                        report ? report->report.authorId : visit->visit.authorId,
                                        report ? report->report.state : visit->visit.state});
}

Result<Photo> LocalStore::attachPhoto(const Actor& actor, Entity ownerKind,
                                      const std::string& ownerId,
                                      const std::filesystem::path& jpegFile, std::string caption) {
    try {
        // The cheap refusal first: no decoding for a photo that could not be attached.
        if (Status allowed = mayAddPhoto(actor, ownerKind, ownerId); !allowed)
            return allowed.error();
    } catch (const DatabaseError& e) {
        return makeError("store_failed", std::string("the photo was not added: ") + e.what());
    }
    auto processed = media::processPhotoFile(jpegFile);
    if (!processed)
        return processed.error();
    const media::ProcessedPhoto& p = processed.value();
    Photo photo;
    photo.id = m_uuids.next();
    photo.ownerKind = ownerKind;
    photo.ownerId = ownerId;
    photo.sha256 = p.sha256;
    photo.size = static_cast<std::int64_t>(p.jpeg.size());
    photo.thumbnailSha256 = p.thumbnailSha256;
    photo.width = p.size.width;
    photo.height = p.size.height;
    photo.takenAt = p.exif.takenAt;
    if (p.exif.latitude && p.exif.longitude)
        photo.position =
            Position{*p.exif.latitude, *p.exif.longitude, std::nullopt, PositionSource::gps};
    photo.caption = std::move(caption);
    if (auto errors = validatePhoto(photo); !errors.empty())
        return validationError(errors);
    // The bytes before the row: a row never names a blob the device does not have. A failure
    // after this leaves only unnamed content-addressed files, which a later attach reuses.
    for (const auto& [sha, bytes] :
         {std::pair{&p.sha256, &p.jpeg}, std::pair{&p.thumbnailSha256, &p.thumbnail}}) {
        if (Status written = writeBlobFile(m_blobsFolder, *sha, *bytes); !written)
            return written.error();
    }
    const Status saved = inTransaction([&]() -> Status {
        if (Status allowed = mayAddPhoto(actor, ownerKind, ownerId); !allowed)
            return allowed;
        const std::string now = formatInstantUtc(m_clock.nowMs());
        insertPhoto(m_db, photo, 0);
        OutboxEntry entry = mutation(Entity::photo, photo.id, "create", 0);
        entry.fields = toJson(photo);
        appendOutbox(m_db, entry);
        // The thumbnail first: small, and what a supervisor sees before opening the photo.
        queueBlobUpload(m_db, photo.thumbnailSha256, BlobKind::thumbnail,
                        static_cast<std::int64_t>(p.thumbnail.size()), now);
        queueBlobUpload(m_db, photo.sha256, BlobKind::photo, photo.size, now);
        return Ok{};
    });
    if (!saved)
        return saved.error();
    return photo;
}

std::vector<Photo> LocalStore::photosOf(const std::string& ownerId) const {
    return loadPhotos(m_db, ownerId);
}

std::filesystem::path LocalStore::blobPath(const std::string& sha256) const {
    return blobFilePath(m_blobsFolder, sha256);
}

namespace {
// A form not saved yet has no id; the save gives it one, so its check stands in for it.
constexpr const char* kUnsavedId = "00000000-0000-7000-8000-000000000000";
}  // namespace

std::vector<FieldError> LocalStore::checkReport(ProgressReport report, bool forSubmit) const {
    if (report.id.empty())
        report.id = kUnsavedId;
    const ReportContext context{dateAt(m_clock.nowMs()),
                                projectTotalInvestment(m_db, report.projectId)};
    return validateProgressReport(report, context, forSubmit);
}

std::vector<FieldError> LocalStore::checkVisit(SiteVisit visit, bool forSubmit) const {
    if (visit.id.empty())
        visit.id = kUnsavedId;
    return validateSiteVisit(visit, m_clock.nowMs(), forSubmit);
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
    const auto report = entity == Entity::progress_report ? loadReport(m_db, id) : std::nullopt;
    const auto visit = entity == Entity::site_visit ? loadVisit(m_db, id) : std::nullopt;
    if (!report && !visit)
        return permissions;
    const std::string projectId = report ? report->report.projectId : visit->visit.projectId;
    const RecordState state = report ? report->report.state : visit->visit.state;
    const std::string authorId = report ? report->report.authorId : visit->visit.authorId;
    const ProjectUnits units = loadProjectUnits(m_db, projectId);
    permissions.edit = static_cast<bool>(mayWrite(
        actor, WriteRequest{entity, WriteOp::update, std::nullopt, units, authorId, state}));
    for (Transition t : {Transition::submit, Transition::confirm, Transition::dispute,
                         Transition::approve, Transition::return_}) {
        if (mayWrite(actor, WriteRequest{entity, WriteOp::transition, t, units, authorId, state}) &&
            nextState(state, t)) {
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
