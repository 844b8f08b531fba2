// Pull (design.md §5): pages of changes after the stored cursor. Each page is applied and the
// cursor advanced in one transaction, so a run cut off between pages resumes at the first page it
// did not store, and a page is never applied half. While a page is applied, the next one is already
// being fetched and parsed on a second thread: the server's work and the device's overlap.
#include <nlohmann/json.hpp>

#include <future>
#include <set>

#include "core/store/search_index.h"
#include "core/util/log.h"
#include "sync/pull_records.h"
#include "sync/sync_engine.h"

namespace duban::sync {

namespace {
const log::Category kLog{"duban.sync.pull"};

using nlohmann::json;

constexpr const char* kCursorKey = "pull_cursor";
constexpr const char* kScopeKey = "pull_scope";
// Set while a pull from 0 after a scope change is under way: until it completes, local copies
// outside the new scope cannot be told apart, so an interrupted pass restarts from 0.
constexpr const char* kResyncKey = "pull_resync";

std::string stateValue(const Database& db, const char* key) {
    Statement s = db.prepare("SELECT value FROM sync_state WHERE key = ?");
    s.bindAll(key);
    return s.step() ? s.text(0) : std::string();
}

void setState(const Database& db, const char* key, const std::string& value) {
    db.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)")
        .bindAll(key, value)
        .run();
}

// The server orders changes by when they last changed, not by parent first: a project edited
// after its milestones arrives on a later page than they do. Each page is consistent only with
// the pages after it, so foreign keys are off while pages are applied (SQLite ignores the pragma
// inside a transaction, hence around it) and back on for every other writer of the store.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(const Database& db) : m_db(db) {
        m_db.execute("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff() {
        try {
            m_db.execute("PRAGMA foreign_keys = ON");
        } catch (const DatabaseError&) {
            // Only fails inside a transaction, which the scopes below never leave open.
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    const Database& m_db;
};

// One page, parsed; or why not. Runs on the fetching thread: it touches the transport only,
// never the store.
Result<json> fetchPage(HttpTransport& transport, const SyncOptions& options, std::int64_t after) {
    HttpRequest request;
    request.method = "GET";
    request.path = "/v1/sync/pull?after=" + std::to_string(after) +
                   "&limit=" + std::to_string(options.pullLimit);
    auto response = sendWithRetry(transport, request, options.retry);
    if (!response)
        return response.error();
    if (response->status != 200)
        return detail::responseError(response.value(), "the server refused the pull");
    json body = json::parse(response->body, nullptr, false);
    if (!body.is_object() || !body.contains("changes") || !body["changes"].is_array() ||
        !body.contains("next") || !body["next"].is_number_integer()) {
        return makeError("sync_bad_response", "the pull answer was not a page of changes.");
    }
    return body;
}

// The page after `after`, fetched on its own thread while the caller applies the one before.
// The transport is used by that thread alone until the future is taken (or destroyed, which
// waits), so it is never in two requests at once.
std::future<Result<json>> fetchAhead(HttpTransport& transport, const SyncOptions& options,
                                     std::int64_t after) {
    return std::async(std::launch::async, [&transport, &options, after] {
        return fetchPage(transport, options, after);
    });
}

std::int64_t parseCursor(const std::string& text) {
    try {
        return text.empty() ? 0 : std::stoll(text);
    } catch (const std::exception&) {
        log::warning(kLog, "the stored pull cursor \"" + text + "\" is damaged; pulling from 0");
        return 0;  // a damaged cursor costs a full pull, never a skipped change
    }
}

}  // namespace

namespace detail {

PullPosition storedPullPosition(const Database& db) {
    if (stateValue(db, kResyncKey) == "1")
        return {};  // a pass from 0 is under way: anything new counts
    return PullPosition{parseCursor(stateValue(db, kCursorKey)), stateValue(db, kScopeKey)};
}

Status pullChanges(const Database& db, HttpTransport& transport, const SyncOptions& options,
                   SyncReport& report, const SyncProgressCallback& progress) {
    std::string storedScope = stateValue(db, kScopeKey);
    bool fullPass = stateValue(db, kResyncKey) == "1";
    std::int64_t cursor = fullPass ? 0 : parseCursor(stateValue(db, kCursorKey));
    SeenIds seen;
    int restarts = 0;

    std::future<Result<json>> ahead = fetchAhead(transport, options, cursor);
    for (;;) {
        Result<json> page = ahead.get();
        if (!page)
            return page.error();
        const json& body = page.value();
        const std::string scope = body.value("scope", "");

        if (!storedScope.empty() && scope != storedScope) {
            // What we may see changed: start over from 0 and, at the end, drop what did not
            // come back. A scope that keeps changing under us is retried on the next run.
            if (++restarts > 3)
                return makeError("sync_scope_unstable", "the sync scope keeps changing; retry.");
            Transaction tx(db);
            setState(db, kResyncKey, "1");
            setState(db, kScopeKey, scope);
            setState(db, kCursorKey, "0");
            tx.commit();
            storedScope = scope;
            fullPass = true;
            cursor = 0;
            seen.clear();
            report.scopeChanged = true;
            ahead = fetchAhead(transport, options, cursor);
            continue;
        }
        const bool more = body.value("more", false);
        const std::int64_t next = body["next"].get<std::int64_t>();
        if (body["changes"].empty() && !more && !fullPass && next == cursor &&
            scope == storedScope) {
            return Ok{};  // nothing new and nothing to store: a no-op sync commits nothing
        }
        if (more)
            ahead = fetchAhead(transport, options, next);

        std::set<std::string> touchedProjects;
        const ForeignKeysOff unchecked(db);
        Transaction tx(db);
        detail::RecordWriter writer(db);
        for (const json& change : body["changes"]) {
            const std::string entity = change.value("entity", "");
            const std::string id = change.value("id", "");
            if (fullPass)
                seen[entity].push_back(id);
            const bool deleted = change.value("deleted", false);
            bool applied = false;
            if (deleted) {
                if (entity == "project")
                    touchedProjects.erase(id);
                applied = deleteLocalRecord(db, entity, id);
            } else {
                applied = writer.apply(entity, change["record"], &touchedProjects);
                if (applied && entity == "conflict")
                    ++report.conflicts;
            }
            if (applied)
                ++report.pulled;
            else if (hasQueuedEdits(db, id))
                ++report.skipped;
        }
        for (const std::string& projectId : touchedProjects)
            reindexProject(db, projectId);
        cursor = next;
        setState(db, kCursorKey, std::to_string(cursor));
        setState(db, kScopeKey, scope);
        storedScope = scope;
        if (!more && fullPass) {
            report.dropped += dropUnseen(db, seen);
            setState(db, kResyncKey, "0");
        }
        tx.commit();
        if (progress)
            progress(SyncProgress{SyncPhase::pull, report.pulled + report.skipped, 0});
        if (!more)
            return Ok{};
    }
}

}  // namespace detail
}  // namespace duban::sync
