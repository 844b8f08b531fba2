#include "server/sync/versions.h"

namespace duban::server {

bool recordIdTaken(const Database& db, Entity entity, std::string_view id) {
    Statement s = db.prepare("SELECT 1 FROM change WHERE entity = ? AND record_id = ?");
    s.bindAll(toString(entity), id);
    return s.step();
}

void noteChange(const ApplyContext& context, Entity entity, std::string_view id,
                const ChangeScope& scope, std::int64_t version, bool deleted) {
    const std::string_view name = toString(entity);
    context.db
        .prepare(
            "INSERT INTO record_version (entity, record_id, version, device_id, user_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?)")
        .bindAll(name, id, version, context.session.deviceId, context.session.actor.userId,
                 context.now)
        .run();
    recordChanged(context.db, name, id, scope, version, deleted);
}

bool changedElsewhereSince(const Database& db, Entity entity, std::string_view id,
                           std::int64_t baseVersion, std::string_view deviceId) {
    Statement s = db.prepare(R"sql(
        SELECT 1 FROM record_version
         WHERE entity = ? AND record_id = ? AND version > ? AND device_id <> ? LIMIT 1)sql");
    s.bindAll(toString(entity), id, baseVersion, deviceId);
    return s.step();
}

void noteFieldVersions(const ApplyContext& context, Entity entity, std::string_view id,
                       const std::vector<std::string>& fields, std::int64_t version) {
    Statement upsert = context.db.prepare(R"sql(
        INSERT INTO field_version (entity, record_id, field, version, device_id, user_id)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (entity, record_id, field) DO UPDATE SET
          version = excluded.version, device_id = excluded.device_id, user_id = excluded.user_id)sql");
    for (const std::string& field : fields) {
        upsert.reset();
        upsert
            .bindAll(toString(entity), id, field, version, context.session.deviceId,
                     context.session.actor.userId)
            .run();
    }
}

void appendReview(const ApplyContext& context, ReviewKind kind, Entity target,
                  std::string_view targetId, std::int64_t targetVersion, const std::string& comment,
                  const std::string& projectId) {
    const std::string id = context.ids.next();
    context.db
        .prepare(R"sql(
            INSERT INTO review (id, kind, target_kind, target_id, target_version, actor_id, comment, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql")
        .bindAll(id, toString(kind), toString(target), targetId, targetVersion,
                 context.session.actor.userId, comment, context.now)
        .run();
    noteChange(context, Entity::review, id, ChangeScope{projectId, std::nullopt}, 1);
}

}  // namespace duban::server
