#pragma once
// A device's local store (design.md §4): one SQLite file per signed-in user. Every edit checks the
// core rules (access, state machine, validation) and writes its record and its outbox entry in
// one transaction, so an edit is either wholly saved and queued for sync, or not at all.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/domain/types.h"
#include "core/rules/access.h"
#include "core/rules/validation.h"
#include "core/store/database.h"
#include "core/store/inbox.h"
#include "core/store/outbox.h"
#include "core/util/clock.h"
#include "core/util/hlc.h"
#include "core/util/result.h"
#include "core/util/uuid.h"

namespace duban {

enum class InboxAction { resubmit, discard };

// core/store/warnings.h (declared only: callers of the store need not see the lag rules).
struct WarningProposal;

// What a user may do with a record now: the core access rules and state machine, asked once.
struct RecordPermissions {
    bool edit = false;
    std::vector<Transition>
        transitions;  // of submit, confirm, dispute, approve, return; acknowledge
    [[nodiscard]] bool may(Transition t) const {
        return std::find(transitions.begin(), transitions.end(), t) != transitions.end();
    }
};

class LocalStore {
public:
    // Opens or creates the store and migrates it to the current schema.
    [[nodiscard]] static Result<std::unique_ptr<LocalStore>> open(const std::filesystem::path& file,
                                                                  const Clock& clock,
                                                                  std::string deviceId);

    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    [[nodiscard]] const Database& database() const { return m_db; }
    [[nodiscard]] const std::string& deviceId() const { return m_deviceId; }
    // The clock the store stamps edits with; the sync engine reads the same one.
    [[nodiscard]] const Clock& clock() const { return m_clock; }

    // Saves a draft (new when `report.id` is empty or unknown, else an edit of the author's draft
    // or returned report). Returns the stored report with its id.
    [[nodiscard]] Result<ProgressReport> saveReport(const Actor& actor, ProgressReport report);
    [[nodiscard]] Result<SiteVisit> saveVisit(const Actor& actor, SiteVisit visit);
    // Issues the letter for a finding a supervisor chose (from listWarningProposals), to be
    // corrected by `correctBy` (YYYY-MM-DD, today or later): the record and its outbox entry in
    // one transaction. An empty `number` (文号) is assigned by the server when it syncs.
    [[nodiscard]] Result<Warning> issueWarning(const Actor& actor, const WarningProposal& proposal,
                                               const std::string& correctBy,
                                               const std::string& number = {});
    // submit, confirm, dispute, approve, return — and acknowledge for a warning: checked here
    // exactly as the server will.
    [[nodiscard]] Status transition(const Actor& actor, Entity entity, const std::string& id,
                                    Transition transition, const std::string& comment = {});
    // Removes a draft that never left the device, or queues its deletion.
    [[nodiscard]] Status deleteDraft(const Actor& actor, Entity entity, const std::string& id);

    // Acts on an open inbox item. `resubmit` queues again what the server refused or what lost
    // to a later edit — with `edits` (record fields, or `comment` for a transition) on top —
    // through the same rules as the first time; `discard` lets it go. Either way the item stays,
    // resolved, as the record of the decision.
    [[nodiscard]] Status resolveInbox(const Actor& actor, const std::string& inboxId,
                                      InboxAction action,
                                      const nlohmann::json& edits = nlohmann::json::object());

    // Adds a photo to the actor's own draft or returned visit or report (`ownerKind` site_visit
    // or progress_report). The JPEG is re-encoded (orientation applied, metadata stripped, EXIF
    // time and GPS kept in the record) with a thumbnail; both are written to blobPath(), then the
    // photo row, its outbox entry and the two blob uploads are stored in one transaction.
    // Errors: forbidden, not_found, photo_* (a broken or unsupported photo: nothing is stored),
    // invalid (caption), blob_io, store_failed.
    [[nodiscard]] Result<Photo> attachPhoto(const Actor& actor, Entity ownerKind,
                                            const std::string& ownerId,
                                            const std::filesystem::path& jpegFile,
                                            std::string caption = {});
    [[nodiscard]] std::vector<Photo> photosOf(const std::string& ownerId) const;
    // Where this device keeps a blob's bytes (<folder of the store>/blobs/ab/abcd…): the file
    // exists once the blob is here. Empty for a name that is not a SHA-256.
    [[nodiscard]] std::filesystem::path blobPath(const std::string& sha256) const;
    [[nodiscard]] const std::filesystem::path& blobsFolder() const { return m_blobsFolder; }

    // The checks a save (draft) or a submission makes, for a form to show before it tries.
    // A record not saved yet (no id) is checked as the save will check it.
    [[nodiscard]] std::vector<FieldError> checkReport(ProgressReport report, bool forSubmit) const;
    [[nodiscard]] std::vector<FieldError> checkVisit(SiteVisit visit, bool forSubmit) const;
    // Empty permissions for a record not on this device.
    [[nodiscard]] RecordPermissions permissions(const Actor& actor, Entity entity,
                                                const std::string& id) const;

    [[nodiscard]] std::optional<ProgressReport> report(const std::string& id) const;
    [[nodiscard]] std::optional<SiteVisit> visit(const std::string& id) const;
    [[nodiscard]] std::vector<OutboxEntry> outbox(int limit = 100) const {
        return readOutbox(m_db, limit);
    }
    [[nodiscard]] int pendingCount() const { return outboxSize(m_db); }

private:
    LocalStore(Database db, std::filesystem::path blobsFolder, const Clock& clock,
               std::string deviceId);

    // The implementation is split by job: local_store.cpp (open, wiring, checks, permissions),
    // record_saves.cpp, record_transitions.cpp, record_deletes.cpp, store_warnings.cpp,
    // store_inbox.cpp and store_photos.cpp. Each `…In` runs inside a transaction the caller holds.

    // One save path for both authored records: rules, validation, record and outbox together.
    template <class Record>
    Result<Record> saveAuthored(const Actor& actor, Record record);
    template <class Record>
    Status saveAuthoredIn(const Actor& actor, Record& record, bool isNew);
    // An inbox resubmission: `fields` over the record as the device holds it, saved as above.
    Status resaveIn(const Actor& actor, Entity entity, const std::string& id,
                    const nlohmann::json& fields);
    Status transitionIn(const Actor& actor, Entity entity, const std::string& id,
                        Transition transition, const std::string& comment);
    template <class Record>
    Status transitionRecordIn(const Actor& actor, const std::string& id, Transition transition,
                              const std::string& comment);
    Status acknowledgeIn(const Actor& actor, const std::string& id, const std::string& comment);
    Status deleteIn(const Actor& actor, Entity entity, const std::string& id);
    Status resubmitIn(const Actor& actor, const InboxItem& item, const nlohmann::json& edits);
    void discardIn(const InboxItem& item);
    // The validation rules for a draft (`forSubmit` false) or a submission, with what they need
    // from this device (today, the project's investment).
    [[nodiscard]] std::vector<FieldError> validate(const ProgressReport& report,
                                                   bool forSubmit) const;
    [[nodiscard]] std::vector<FieldError> validate(const SiteVisit& visit, bool forSubmit) const;
    [[nodiscard]] Status mayAddPhoto(const Actor& actor, Entity ownerKind,
                                     const std::string& ownerId) const;

    OutboxEntry mutation(Entity entity, const std::string& id, std::string op,
                         std::int64_t baseVersion);
    // Runs `edit` in one transaction, turning database failures into an error value.
    Status inTransaction(const std::function<Status()>& edit);

    Database m_db;
    std::filesystem::path m_blobsFolder;
    const Clock& m_clock;
    std::string m_deviceId;
    UuidGenerator m_uuids;
    HybridLogicalClock m_hlc;
};

}  // namespace duban
