#include "server/sync/pull_query.h"

#include <algorithm>

#include "server/auth/session.h"
#include "server/db/change_log.h"
#include "server/sync/record_views.h"

namespace duban::server {
namespace {

using nlohmann::json;

// Who sees a change-log row (bound as ?2 me, ?3 sees everything, ?4 unit ids, ?5 roles):
// rows owned by one user (their account, their conflicts) only that user; units everyone; the
// records of a project whoever's read scope includes the project (core's readScope, as data).
// The unary + keeps SQLite from an OR-of-indexes plan that would collect and sort every match
// after the cursor: a page is one range scan of the seq primary key, stopping at LIMIT, with a
// project_unit index lookup per row.
constexpr std::string_view kVisibleChange = R"sql(
    ((+c.owner_id IS NOT NULL AND +c.owner_id = ?2)
     OR (+c.owner_id IS NULL AND +c.project_id IS NULL AND +c.entity = 'unit')
     OR (+c.owner_id IS NULL AND +c.project_id IS NOT NULL AND (?3 = 1 OR EXISTS (
           SELECT 1 FROM project_unit pu WHERE pu.project_id = c.project_id
              AND pu.unit_id IN (SELECT value FROM json_each(?4))
              AND pu.role IN (SELECT value FROM json_each(?5)))))))sql";

// Fixed fragments only: the rule above is spelled once for both statements.
const std::string& pageSql() {
    static const std::string sql =
        "SELECT c.seq, c.entity, c.record_id, c.deleted FROM change c WHERE c.seq > ?1 AND " +
        std::string(kVisibleChange) + " ORDER BY c.seq LIMIT ?6";
    return sql;
}
const std::string& oneSql() {
    static const std::string sql =
        "SELECT 1 FROM change c WHERE c.entity = ?1 AND c.record_id = ?6 AND " +
        std::string(kVisibleChange);
    return sql;
}

struct ScopeBinding {
    std::int64_t all = 0;
    std::string unitIds;
    std::string roles;
};

ScopeBinding bindingOf(const Actor& actor) {
    const ReadScope scope = readScope(actor);
    json roles = json::array();
    for (const ProjectUnitRole role : scope.roles)
        roles.push_back(toString(role));
    return ScopeBinding{scope.all ? 1 : 0, json(scope.unitIds).dump(), roles.dump()};
}

// BEGIN … COMMIT around a page: every read of it sees one snapshot (WAL readers never block the
// writer, and the writer never blocks them). Rolled back if anything throws.
class ReadTransaction {
public:
    explicit ReadTransaction(const Database& db) : m_db(db) { m_db.execute("BEGIN"); }
    ~ReadTransaction() {
        if (!m_done) {
            try {
                m_db.execute("ROLLBACK");
            } catch (const DatabaseError&) {
            }
        }
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    void commit() {
        m_db.execute("COMMIT");
        m_done = true;
    }

private:
    const Database& m_db;
    bool m_done = false;
};

}  // namespace

// Why a cursor never skips a change: a change gets its seq (AUTOINCREMENT, always above every
// seq ever used) inside the write transaction that makes it, and SQLite admits one writer at a
// time (push batches run under BEGIN IMMEDIATE). So the transaction holding seq s commits before
// any other transaction can take a larger seq: once a reader's snapshot shows a seq, every
// smaller seq is either in the same snapshot or gone for good (the record moved to a newer seq,
// which the cursor will still reach). A page read in one snapshot therefore never returns s while
// a smaller, still-invisible s' could appear later behind the cursor. (PostgreSQL, with concurrent
// writers, needs a different scheme; see design.md §5.)
PullPage readPullPage(const Database& db, const Actor& actor, std::int64_t after, int limit) {
    const ScopeBinding scope = bindingOf(actor);
    ReadTransaction snapshot(db);
    Statement s = db.prepare(pageSql());
    // One row beyond the page says whether more follow.
    s.bindAll(after, actor.userId, scope.all, scope.unitIds, scope.roles,
              static_cast<std::int64_t>(limit) + 1);
    struct Row {
        std::int64_t seq;
        std::string entity;
        std::string id;
        bool deleted;
    };
    std::vector<Row> rows;
    PullPage page;
    while (s.step()) {
        if (static_cast<int>(rows.size()) == limit) {
            page.more = true;
            break;
        }
        rows.push_back({s.int64(0), s.text(1), s.text(2), s.integer(3) != 0});
    }
    std::vector<RecordKey> keys;
    for (const Row& row : rows) {
        if (!row.deleted)
            keys.emplace_back(row.entity, row.id);
    }
    const auto views = loadRecordViews(db, keys);
    page.next = after;
    for (const Row& row : rows) {
        const auto view = row.deleted ? views.end() : views.find({row.entity, row.id});
        const bool gone =
            view == views.end();  // deleted, or a row the log keeps for a vanished record
        page.changes.push_back({{"seq", row.seq},
                                {"entity", row.entity},
                                {"id", row.id},
                                {"deleted", gone},
                                {"record", gone ? json(nullptr) : view->second}});
        page.next = row.seq;
    }
    if (!page.more) {
        // The scan reached the end of the log: every change up to the newest in this snapshot
        // was seen, visible or not. The cursor moves past the invisible ones too, or a device
        // of a narrow scope would scan everyone else's changes since its last visible one on
        // every sync. (A change of who-sees-what bumps the scope epoch: devices start from 0.)
        page.next = std::max(page.next, newestChangeSeq(db));
    }
    page.scope = scopeFingerprint(db, actor);
    snapshot.commit();
    return page;
}

bool mayPull(const Database& db, const Actor& actor, std::string_view entity, std::string_view id) {
    const ScopeBinding scope = bindingOf(actor);
    Statement s = db.prepare(oneSql());
    s.bindAll(entity, actor.userId, scope.all, scope.unitIds, scope.roles, id);
    return s.step();
}

}  // namespace duban::server
