#include "core/store/outbox.h"

namespace duban {

std::int64_t appendOutbox(const Database& db, const OutboxEntry& e) {
    db.prepare(R"sql(
        INSERT INTO outbox (mid, entity, record_id, op, base_version, fields, transition, comment, hlc, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql")
        .bindAll(e.mid, e.entity, e.recordId, e.op, e.baseVersion, e.fields.dump(), e.transition,
                 e.comment, e.hlc, e.createdAt)
        .run();
    return db.lastInsertRowId();
}

std::vector<OutboxEntry> readOutbox(const Database& db, int limit, std::int64_t throughN) {
    Statement s = db.prepare(R"sql(
        SELECT n, mid, entity, record_id, op, base_version, fields, transition, comment, hlc, created_at
          FROM outbox WHERE n <= ? ORDER BY n LIMIT ?)sql");
    s.bindAll(throughN, limit);
    std::vector<OutboxEntry> entries;
    while (s.step()) {
        OutboxEntry e;
        e.n = s.int64(0);
        e.mid = s.text(1);
        e.entity = s.text(2);
        e.recordId = s.text(3);
        e.op = s.text(4);
        e.baseVersion = s.int64(5);
        e.fields = nlohmann::json::parse(s.text(6));
        e.transition = s.optionalText(7);
        e.comment = s.text(8);
        e.hlc = s.text(9);
        e.createdAt = s.text(10);
        entries.push_back(std::move(e));
    }
    return entries;
}

std::int64_t lastOutboxNumber(const Database& db) {
    Statement s = db.prepare("SELECT coalesce(max(n), 0) FROM outbox");
    s.step();
    return s.int64(0);
}

int countOutboxThrough(const Database& db, std::int64_t throughN) {
    Statement s = db.prepare("SELECT count(*) FROM outbox WHERE n <= ?");
    s.bindAll(throughN);
    s.step();
    return s.integer(0);
}

int outboxSize(const Database& db) {
    Statement s = db.prepare("SELECT count(*) FROM outbox");
    s.step();
    return s.integer(0);
}

bool hasQueuedEdits(const Database& db, const std::string& recordId) {
    Statement s = db.prepare("SELECT 1 FROM outbox WHERE record_id = ? LIMIT 1");
    s.bindAll(recordId);
    return s.step();
}

}  // namespace duban
