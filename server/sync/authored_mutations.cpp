// Progress reports and site visits pushed by devices: create, update, delete and the state
// machine's transitions. Every decision comes from core (access, state machine, validation); this
// file orders the checks and writes the record, its history and its change-log entry.
#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/rules/record_checks.h"
#include "core/rules/state_machine.h"
#include "core/store/record_rows.h"
#include "server/sync/apply_context.h"
#include "server/sync/approval.h"
#include "server/sync/conflicts.h"
#include "server/sync/versions.h"

namespace duban::server {
namespace {

// What differs between the two authored records, so the flow below is written once.
struct ReportTraits {
    using Record = ProgressReport;
    using Stored = StoredReport;
    static constexpr Entity kEntity = Entity::progress_report;
    static constexpr std::string_view kDelete = "DELETE FROM progress_report WHERE id = ?";

    static std::optional<Stored> load(const Database& db, const std::string& id) {
        return loadReport(db, id);
    }
    static Record& record(Stored& stored) { return stored.report; }
    static void store(const ApplyContext& c, const Record& r, std::int64_t version) {
        storeReport(c.db, r, version, c.now);
    }
    static std::vector<FieldError> validate(const ApplyContext& c, const Record& r,
                                            bool forSubmit) {
        const ReportContext context{dateAt(c.nowMs), projectTotalInvestment(c.db, r.projectId)};
        return validateProgressReport(r, context, forSubmit);
    }
};

struct VisitTraits {
    using Record = SiteVisit;
    using Stored = StoredVisit;
    static constexpr Entity kEntity = Entity::site_visit;
    static constexpr std::string_view kDelete = "DELETE FROM site_visit WHERE id = ?";

    static std::optional<Stored> load(const Database& db, const std::string& id) {
        return loadVisit(db, id);
    }
    static Record& record(Stored& stored) { return stored.visit; }
    static void store(const ApplyContext& c, const Record& r, std::int64_t version) {
        storeVisit(c.db, r, version, c.now);
    }
    static std::vector<FieldError> validate(const ApplyContext& c, const Record& r,
                                            bool forSubmit) {
        return validateSiteVisit(r, c.nowMs, forSubmit);
    }
};

Rejected notFound() {
    return reject("not_found", "no such record on the server; it may have been deleted.");
}

template <class T>
Outcome create(const ApplyContext& c, const Mutation& m) {
    if (recordIdTaken(c.db, T::kEntity, m.id))
        return reject("conflict", "a record with this id exists already; create it with a new id.");
    typename T::Record record;
    record.id = m.id;
    if (auto read = applyJson(record, m.fields); !read)
        return reject(read.error());
    if (!projectExists(c.db, record.projectId))
        return reject("not_found", "project_id names no project on the server.");
    const WriteRequest request{T::kEntity,   WriteOp::create,
                               std::nullopt, loadProjectUnits(c.db, record.projectId),
                               "",           std::nullopt};
    if (auto allowed = mayWrite(c.session.actor, request); !allowed)
        return reject(allowed.error());
    record.state = RecordState::draft;
    record.authorId = c.session.actor.userId;
    record.deviceId = c.session.deviceId;
    if (auto errors = T::validate(c, record, false); !errors.empty())
        return invalidFields(std::move(errors));
    if (auto problem = checkMilestone(c.db, record))
        return invalidFields({std::move(*problem)});

    T::store(c, record, 1);
    // No field versions for a create: keepLosingValues reads a field without a row as set at
    // version 1 by the record's creator. A row per field here was a sixth of a push's CPU.
    noteChange(c, T::kEntity, m.id, ChangeScope{record.projectId, std::nullopt}, 1);
    return Applied{1, {}};
}

template <class T>
Outcome update(const ApplyContext& c, const Mutation& m) {
    auto stored = T::load(c.db, m.id);
    if (!stored)
        return notFound();
    const typename T::Record& current = T::record(*stored);
    if (auto problem = baseVersionProblem(m.baseVersion, stored->version))
        return reject(*problem);
    const WriteRequest request{T::kEntity,       WriteOp::update,
                               std::nullopt,     loadProjectUnits(c.db, current.projectId),
                               current.authorId, current.state};
    if (auto allowed = mayWrite(c.session.actor, request); !allowed)
        return reject(allowed.error());
    typename T::Record updated = current;
    if (auto read = applyJson(updated, m.fields); !read)
        return reject(read.error());
    if (updated.projectId != current.projectId)
        return reject("invalid", "a record cannot move to another project; create a new one.");
    if (auto errors = T::validate(c, updated, false); !errors.empty())
        return invalidFields(std::move(errors));
    if (auto problem = checkMilestone(c.db, updated))
        return invalidFields({std::move(*problem)});

    const nlohmann::json before = toJson(current);
    const nlohmann::json after = toJson(updated);
    const std::vector<std::string> changed = changedFieldNames(before, after);
    if (changed.empty())
        return Applied{stored->version, {}};  // nothing new: no new version to pull
    std::vector<std::string> conflicts =
        keepLosingValues(c, m, before, after, changed, Creator{current.deviceId, current.authorId});
    const std::int64_t version = stored->version + 1;
    T::store(c, updated, version);
    noteFieldVersions(c, T::kEntity, m.id, changed, version);
    noteChange(c, T::kEntity, m.id, ChangeScope{updated.projectId, std::nullopt}, version);
    return Applied{version, std::move(conflicts)};
}

void deletePhotosOf(const ApplyContext& c, Entity owner, const std::string& ownerId,
                    const std::string& projectId) {
    Statement photos =
        c.db.prepare("SELECT id, version FROM photo WHERE owner_kind = ? AND owner_id = ?");
    photos.bindAll(toString(owner), ownerId);
    std::vector<std::pair<std::string, std::int64_t>> found;
    while (photos.step())
        found.emplace_back(photos.text(0), photos.int64(1));
    for (const auto& [id, version] : found) {
        c.db.prepare("DELETE FROM photo WHERE id = ?").bindAll(id).run();
        noteChange(c, Entity::photo, id, ChangeScope{projectId, std::nullopt}, version + 1, true);
    }
}

template <class T>
Outcome remove(const ApplyContext& c, const Mutation& m) {
    auto stored = T::load(c.db, m.id);
    if (!stored)
        return notFound();
    const typename T::Record& current = T::record(*stored);
    if (auto problem = baseVersionProblem(m.baseVersion, stored->version))
        return reject(*problem);
    const WriteRequest request{T::kEntity,       WriteOp::remove,
                               std::nullopt,     loadProjectUnits(c.db, current.projectId),
                               current.authorId, current.state};
    if (auto allowed = mayWrite(c.session.actor, request); !allowed)
        return reject(allowed.error());
    // Edits made on another device after the version this device deleted would vanish unseen.
    if (changedElsewhereSince(c.db, T::kEntity, m.id, m.baseVersion, c.session.deviceId)) {
        return reject("conflict",
                      "this draft was changed on another device since you deleted it; look at "
                      "the current version and delete it again if you still mean to.");
    }
    deletePhotosOf(c, T::kEntity, m.id, current.projectId);
    c.db.prepare(T::kDelete).bindAll(m.id).run();
    const std::int64_t version = stored->version + 1;
    noteChange(c, T::kEntity, m.id, ChangeScope{current.projectId, std::nullopt}, version, true);
    return Applied{version, {}};
}

template <class T>
Outcome transition(const ApplyContext& c, const Mutation& m) {
    auto stored = T::load(c.db, m.id);
    if (!stored)
        return notFound();
    const typename T::Record& current = T::record(*stored);
    const Transition t = *m.transition;
    if (auto problem = baseVersionProblem(m.baseVersion, stored->version))
        return reject(*problem);
    const WriteRequest request{
        T::kEntity,       WriteOp::transition, t, loadProjectUnits(c.db, current.projectId),
        current.authorId, current.state};
    if (auto allowed = mayWrite(c.session.actor, request); !allowed)
        return reject(allowed.error());
    // The state machine first: a transition that lost a race (approved vs returned) is invalid
    // whatever version it names.
    const auto next = nextState(current.state, t);
    if (!next)
        return reject(next.error());
    if (changedElsewhereSince(c.db, T::kEntity, m.id, m.baseVersion, c.session.deviceId)) {
        return reject("conflict", "the record changed after version " +
                                      std::to_string(m.baseVersion) +
                                      ", the one you acted on; look at the current version first.");
    }
    if (auto problem = commentProblem(t, m.comment))
        return invalidFields({std::move(*problem)});
    if (t == Transition::submit) {
        if (auto errors = T::validate(c, current, true); !errors.empty())
            return invalidFields(std::move(errors));
    }
    if constexpr (T::kEntity == Entity::progress_report) {
        if (t == Transition::approve) {
            if (auto missing = photosMissing(c.db, m.id))
                return *missing;
        }
    }

    typename T::Record updated = current;
    updated.state = next.value();
    const std::int64_t version = stored->version + 1;
    T::store(c, updated, version);
    noteChange(c, T::kEntity, m.id, ChangeScope{updated.projectId, std::nullopt}, version);
    if (const auto kind = reviewKindOf(t))
        appendReview(c, *kind, T::kEntity, m.id, stored->version, m.comment, updated.projectId);
    if constexpr (T::kEntity == Entity::progress_report) {
        if (t == Transition::approve)
            updateDerivedFigures(c, updated);
    }
    return Applied{version, {}};
}

template <class T>
Outcome apply(const ApplyContext& c, const Mutation& m) {
    switch (m.op) {
        case WriteOp::create:
            return create<T>(c, m);
        case WriteOp::update:
            return update<T>(c, m);
        case WriteOp::remove:
            return remove<T>(c, m);
        case WriteOp::transition:
            return transition<T>(c, m);
    }
    return reject("invalid", "unknown operation.");
}

}  // namespace

Rejected invalidFields(std::vector<FieldError> errors) {
    Error error = validationError(errors);
    return Rejected{std::move(error), std::move(errors)};
}

Outcome applyAuthoredMutation(const ApplyContext& context, const Mutation& m) {
    if (m.entity == Entity::progress_report)
        return apply<ReportTraits>(context, m);
    return apply<VisitTraits>(context, m);
}

}  // namespace duban::server
