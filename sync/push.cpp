// Push (design.md §5): the outbox in the order it was made, in batches. Each result is stored in
// the same local transaction that removes its outbox entry, so a crash between the two cannot
// happen: either the entry is still queued (and a resend is answered `duplicate` with the stored
// result) or its result is on the device.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/domain/dates.h"
#include "core/store/entity_rows.h"
#include "sync/pull_records.h"
#include "sync/sync_engine.h"

namespace duban::sync {
namespace {

using nlohmann::json;

json mutationJson(const OutboxEntry& e) {
    json m{{"n", e.n},         {"mid", e.mid}, {"entity", e.entity},
           {"id", e.recordId}, {"op", e.op},   {"base_version", e.baseVersion},
           {"hlc", e.hlc}};
    // The server refuses `fields` on transitions and deletes, and `transition` elsewhere.
    if (e.op == "create" || e.op == "update")
        m["fields"] = e.fields;
    if (e.transition)
        m["transition"] = *e.transition;
    if (!e.comment.empty())
        m["comment"] = e.comment;
    return m;
}

// The server's version of a record a device pushed, in its own table (core/store/entity_columns).
void storeVersion(const Database& db, const std::string& entity, const std::string& id,
                  std::int64_t version) {
    const RecordTable* table = findRecordTable(entity);
    if (table == nullptr || !table->onDevice)
        return;
    if (const std::string& sql = setVersionSql(*table); !sql.empty())
        db.prepare(sql).bindAll(id, version).run();
}

void moveToInbox(const Database& db, const Clock& clock, const OutboxEntry& e, const json& result) {
    const json record = result.value("record", json(nullptr));
    db.prepare(R"sql(
        INSERT OR REPLACE INTO inbox (id, kind, entity, record_id, mutation, code, message,
                                      server_record, created_at)
        VALUES (?, 'rejected', ?, ?, ?, ?, ?, ?, ?))sql")
        .bindAll(e.mid, e.entity, e.recordId, mutationJson(e).dump(),
                 result.value("code", std::string("rejected")),
                 result.value("message", std::string()),
                 record.is_object() ? std::optional(record.dump()) : std::nullopt,
                 formatInstantUtc(clock.nowMs()))
        .run();
}

enum class Outcome { done, gap };

// Stores one result and removes its entry; the caller holds the transaction.
Outcome storeResult(const Database& db, const Clock& clock, const OutboxEntry& e,
                    const json& result, SyncReport& report) {
    json effective = result;
    const std::string status = result.value("status", "");
    if (status == "gap")
        return Outcome::gap;
    if (status == "duplicate") {
        ++report.duplicates;
        // The result stored when it was first applied; null when the server no longer keeps it
        // (applied long ago: nothing left to record but its removal).
        effective = result.value("result", json(nullptr));
    }
    const std::string effectiveStatus =
        effective.is_object() ? effective.value("status", "") : std::string();
    if (effectiveStatus == "applied" || effectiveStatus == "merged") {
        ++report.applied;
        if (effectiveStatus == "merged")
            ++report.merged;
        if (effective.contains("version") && effective["version"].is_number_integer())
            storeVersion(db, e.entity, e.recordId, effective["version"].get<std::int64_t>());
    } else if (effectiveStatus == "rejected") {
        ++report.rejected;
        moveToInbox(db, clock, e, effective);
    }
    db.prepare("DELETE FROM outbox WHERE n = ?").bindAll(e.n).run();
    // A rejected edit leaves the local copy showing what the server refused: once no other edit
    // of that record waits, show the server's record instead (the inbox keeps what was typed).
    if (effectiveStatus == "rejected" && effective.contains("record") &&
        effective["record"].is_object()) {
        detail::applyServerRecord(db, e.entity, effective["record"]);
    }
    ++report.pushed;
    return Outcome::done;
}

// The push request's body: the batch's first entries, as many as fit in maxPushBytes (always at
// least one; validation keeps a mutation to tens of kilobytes: five texts of 2,000 characters).
// `batch` is cut to the entries sent, so results are matched against those only.
std::string pushBody(const SyncOptions& options, std::vector<OutboxEntry>& batch) {
    std::string body = "{\"device\":" + json(options.deviceId).dump() + ",\"mutations\":[";
    std::size_t sent = 0;
    for (const OutboxEntry& e : batch) {
        const std::string mutation = mutationJson(e).dump();
        if (sent > 0 && body.size() + mutation.size() + 3 > options.maxPushBytes)
            break;
        if (sent > 0)
            body += ',';
        body += mutation;
        ++sent;
    }
    batch.resize(sent);
    return body + "]}";
}

}  // namespace

namespace detail {

Status pushOutbox(const Database& db, const Clock& clock, HttpTransport& transport,
                  const SyncOptions& options, SyncReport& report,
                  const SyncProgressCallback& progress) {
    const std::int64_t lastN = lastOutboxNumber(db);
    SyncProgress state{SyncPhase::push, 0, countOutboxThrough(db, lastN)};
    for (;;) {
        std::vector<OutboxEntry> batch = readOutbox(db, options.batchSize, lastN);
        if (batch.empty())
            return Ok{};
        HttpRequest request;
        request.method = "POST";
        request.path = "/v1/sync/push";
        request.headers = {{"Content-Type", "application/json"}};
        request.body = pushBody(options, batch);
        // Safe to repeat: the server applies each mutation number once.
        request.retrySafe = true;
        auto response = sendWithRetry(transport, request, options.retry);
        if (!response)
            return response.error();  // the outbox stays as it was
        if (response->status != 200)
            return responseError(response.value(), "the server refused the push");
        const json body = json::parse(response->body, nullptr, false);
        if (!body.is_object() || !body.contains("results") || !body["results"].is_array())
            return makeError("sync_bad_response", "the push answer had no results.");

        // The batch's results in one transaction: each result with the removal of its entry,
        // and one commit (not one per mutation) while the user may be editing on the UI thread.
        Transaction tx(db);
        bool progressed = false;
        std::optional<std::int64_t> expected;
        for (const json& result : body["results"]) {
            const std::int64_t n = result.value("n", std::int64_t{-1});
            const auto entry = std::find_if(batch.begin(), batch.end(),
                                            [n](const OutboxEntry& e) { return e.n == n; });
            if (entry == batch.end())
                return makeError("sync_bad_response", "the push answer names an unknown n.");
            if (storeResult(db, clock, *entry, result, report) == Outcome::gap) {
                expected = result.value("expected", std::int64_t{0});
                break;
            }
            progressed = true;
        }
        if (expected) {
            // The server holds everything below `expected`: queued entries below it were applied
            // in a run whose answer was lost, so they are dropped and the rest resent. When
            // `expected` is at or below our oldest entry, the server lacks mutations this device
            // has already let go of (a server restored from a backup): nothing here can fill that.
            if (*expected <= batch.front().n) {
                return makeError("sync_gap", "the server expects mutation " +
                                                 std::to_string(*expected) +
                                                 " which this device no longer holds; sign in "
                                                 "again to start a new device sequence.");
            }
            db.prepare("DELETE FROM outbox WHERE n < ?").bindAll(*expected).run();
            progressed = true;
        }
        if (!progressed)
            return makeError("sync_bad_response", "the push answer stored no result.");
        tx.commit();
        if (progress) {
            state.done = state.total - countOutboxThrough(db, lastN);
            progress(state);
        }
    }
}

}  // namespace detail
}  // namespace duban::sync
