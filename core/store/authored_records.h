#pragma once
// The two authored records — progress reports and site visits — differ only in names: their
// entity, their stored row and the table they live in. This says those names once, so the local
// store's saves, transitions, deletes and photo checks are each written once for both.
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/types.h"
#include "core/store/database.h"
#include "core/store/record_rows.h"

namespace duban {

// The names of one authored record: its entity, its stored row and the row's loader and writer.
template <class Record, class StoredRow, Entity kEntity, auto kLoad, auto kStore, auto kRecord>
struct AuthoredNames {
    using Stored = StoredRow;
    static constexpr Entity entity = kEntity;
    static constexpr auto load = kLoad;    // (db, id) → optional<Stored>
    static constexpr auto store = kStore;  // (db, record, version, updatedAt)
    static const Record& record(const Stored& stored) { return stored.*kRecord; }
};

template <class Record>
struct Authored;

template <>
struct Authored<ProgressReport>
    : AuthoredNames<ProgressReport, StoredReport, Entity::progress_report, &loadReport,
                    &storeReport, &StoredReport::report> {
    // A refused create the server never took (version 0), dropped when the user lets it go.
    static constexpr const char* kDeleteUnsynced =
        "DELETE FROM progress_report WHERE id = ? AND version = 0";
};

template <>
struct Authored<SiteVisit> : AuthoredNames<SiteVisit, StoredVisit, Entity::site_visit, &loadVisit,
                                           &storeVisit, &StoredVisit::visit> {
    static constexpr const char* kDeleteUnsynced =
        "DELETE FROM site_visit WHERE id = ? AND version = 0";
};

[[nodiscard]] constexpr bool isAuthored(Entity entity) {
    return entity == Entity::progress_report || entity == Entity::site_visit;
}

// Calls `f(Authored<Record>{})` for the record type of `entity`, which isAuthored: the one place
// an entity picks its record type.
template <class F>
decltype(auto) withAuthored(Entity entity, F&& f) {
    if (entity == Entity::progress_report)
        return f(Authored<ProgressReport>{});
    return f(Authored<SiteVisit>{});
}

// What the access rules ask of an authored record on this device.
struct AuthoredFacts {
    std::string projectId;
    std::string authorId;
    RecordState state = RecordState::draft;
    std::int64_t version = 0;
};

// Nothing for a record not on this device, or an entity that is not authored.
[[nodiscard]] std::optional<AuthoredFacts> loadAuthoredFacts(const Database& db, Entity entity,
                                                             std::string_view id);

}  // namespace duban
