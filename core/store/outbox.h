#pragma once
// The outbox: a device's changes waiting for the server, in the order they were made. Written in
// the same transaction as the record they change (nothing typed is lost, nothing is sent twice).
#include <nlohmann/json.hpp>

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/store/database.h"

namespace duban {

struct OutboxEntry {
    std::int64_t n = 0;  // the device's mutation number
    std::string mid;     // global id, for logs and support
    std::string entity;
    std::string recordId;
    std::string op;  // create | update | transition | delete
    std::int64_t baseVersion = 0;
    nlohmann::json fields = nlohmann::json::object();
    std::optional<std::string> transition;
    std::string comment;
    std::string hlc;
    std::string createdAt;
};

// Appends `entry` (its `n` is assigned) — call inside the edit's transaction.
std::int64_t appendOutbox(const Database& db, const OutboxEntry& entry);
// The oldest `limit` entries, only those numbered up to `throughN`.
[[nodiscard]] std::vector<OutboxEntry> readOutbox(
    const Database& db, int limit,
    std::int64_t throughN = std::numeric_limits<std::int64_t>::max());
// The newest entry's number (0 when empty): a sync run pushes up to it, so edits made while it
// runs wait for the next run instead of keeping this one going.
[[nodiscard]] std::int64_t lastOutboxNumber(const Database& db);
[[nodiscard]] int outboxSize(const Database& db);
// Entries numbered up to `throughN` (a run's share of the outbox, for its progress).
[[nodiscard]] int countOutboxThrough(const Database& db, std::int64_t throughN);
// Whether a change of this record still waits to be sent (a pull must not overwrite it).
[[nodiscard]] bool hasQueuedEdits(const Database& db, const std::string& recordId);

}  // namespace duban
