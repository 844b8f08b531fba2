#include "server/sync/conflicts.h"

#include "server/db/change_log.h"

namespace duban::server {

std::vector<std::string> keepLosingValues(const ApplyContext& context, const Mutation& m,
                                          const nlohmann::json& before, const nlohmann::json& after,
                                          const std::vector<std::string>& changed,
                                          const Creator& creator) {
    const std::string_view entity = toString(m.entity);
    Statement lastChange = context.db.prepare(R"sql(
        SELECT version, device_id, user_id FROM field_version
         WHERE entity = ? AND record_id = ? AND field = ?)sql");
    std::vector<std::string> conflicts;
    for (const std::string& field : changed) {
        lastChange.reset();
        lastChange.bindAll(entity, m.id, field);
        const bool changedSinceCreate = lastChange.step();
        const std::int64_t version = changedSinceCreate ? lastChange.int64(0) : 1;
        const std::string device = changedSinceCreate ? lastChange.text(1) : creator.deviceId;
        // The device's own earlier edits (queued offline, all on the same base) never conflict.
        if (version <= m.baseVersion || device == context.session.deviceId)
            continue;
        const std::string author = changedSinceCreate ? lastChange.text(2) : creator.userId;
        const std::string id = context.ids.next();
        context.db
            .prepare(R"sql(
                INSERT INTO conflict (id, entity, record_id, field, losing_value, winning_value,
                                      author_id, device_id, winner_mid, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql")
            .bindAll(id, entity, m.id, field, before.value(field, nlohmann::json()).dump(),
                     after.value(field, nlohmann::json()).dump(), author, device, m.mid,
                     context.now)
            .run();
        // Only the author of the losing value pulls it: it is theirs to re-apply or drop.
        recordChanged(context.db, "conflict", id, ChangeScope{std::nullopt, author}, 1);
        conflicts.push_back(field);
    }
    return conflicts;
}

}  // namespace duban::server
