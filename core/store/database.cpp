#include "core/store/database.h"

#include <chrono>
#include <map>
#include <thread>
#include <vector>

namespace duban {

namespace detail {

// A connection's idle prepared statements by SQL text. A connection is used by one thread at a
// time (SQLITE_OPEN_NOMUTEX), and so is its cache.
class StatementCache {
public:
    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache() {
        for (auto& [sql, statements] : m_idle)
            for (sqlite3_stmt* s : statements)
                sqlite3_finalize(s);
    }

    sqlite3_stmt* take(std::string_view sql) {
        const auto it = m_idle.find(sql);
        if (it == m_idle.end() || it->second.empty())
            return nullptr;
        sqlite3_stmt* s = it->second.back();
        it->second.pop_back();
        --m_count;
        return s;
    }

    // False when full: the caller finalizes it.
    bool give(sqlite3_stmt* s) {
        if (m_count >= kMaxIdle)
            return false;
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        m_idle[sqlite3_sql(s)].push_back(s);
        ++m_count;
        return true;
    }

private:
    static constexpr std::size_t kMaxIdle = 256;
    std::map<std::string, std::vector<sqlite3_stmt*>, std::less<>> m_idle;
    std::size_t m_count = 0;
};

}  // namespace detail

namespace {

[[noreturn]] void fail(sqlite3* db, int code, std::string_view what) {
    const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw DatabaseError(code, std::string(what) + ": " + detail);
}

bool isValidIdentifier(std::string_view name) {
    if (name.empty())
        return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, "cannot prepare SQL");
    m_stmt.reset(stmt);
}

Statement::Statement(sqlite3* db, std::string_view sql,
                     const std::shared_ptr<detail::StatementCache>& cache)
    : m_db(db) {
    sqlite3_stmt* stmt = cache->take(sql);
    if (stmt == nullptr) {
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
        if (rc != SQLITE_OK)
            fail(db, rc, "cannot prepare SQL");
        // Cached under its text, so only when SQLite kept all of it (one statement).
        if (tail != sql.data() + sql.size() || stmt == nullptr) {
            m_stmt.reset(stmt);
            return;
        }
    }
    m_stmt = std::unique_ptr<sqlite3_stmt, Finalizer>(stmt, Finalizer{cache});
}

void Statement::Finalizer::operator()(sqlite3_stmt* s) const {
    if (const auto c = cache.lock(); c && c->give(s))
        return;
    sqlite3_finalize(s);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(m_stmt.get(), index, value); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(m_stmt.get(), index, value); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(m_stmt.get(), index, value.data(), value.size(),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (const int rc = sqlite3_bind_null(m_stmt.get(), index); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const SqlValue& value) {
    std::visit(
        [&](const auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, SqlNull>) {
                bindNull(index);
            } else {
                bind(index, v);
            }
        },
        value);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, rc, "SQL step failed");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}
std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt.get(), column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt.get(), column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_stmt.get(), column);
    const int size = sqlite3_column_bytes(m_stmt.get(), column);
    return data == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optionalReal(int column) const {
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

SqlValue Statement::value(int column) const {
    switch (sqlite3_column_type(m_stmt.get(), column)) {
        case SQLITE_INTEGER:
            return int64(column);
        case SQLITE_FLOAT:
            return real(column);
        case SQLITE_NULL:
            return SqlNull{};
        default:
            return text(column);
    }
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt.get());
}
std::string Statement::columnName(int column) const {
    return sqlite3_column_name(m_stmt.get(), column);
}

Database::Database(sqlite3* db) : m_db(db), m_cache(std::make_shared<detail::StatementCache>()) {}

namespace {

// Waits for a busy database in steps of a quarter millisecond, for five seconds at most.
// sqlite3_busy_timeout's own handler sleeps 1, 2, 5, 10, … up to 100 ms between tries, so a
// writer that finds the write lock taken for 2 ms sleeps far longer than that: under many
// concurrent pushes most server threads slept while the lock was free (bench/load, 500 devices
// at once: 4.7 of 8 threads asleep on average; p99 of requests on open connections 420–560 ms,
// about 200 ms with this handler).
int waitForLock(void* /*context*/, int tries) {
    using Clock = std::chrono::steady_clock;
    thread_local Clock::time_point since;  // one wait at a time per thread
    if (tries == 0)
        since = Clock::now();
    if (Clock::now() - since >= std::chrono::seconds(5))
        return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(250));
    return 1;
}

}  // namespace

Database Database::open(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK)
        fail(raw, rc, "cannot open database " + file.string());
    sqlite3_busy_handler(raw, waitForLock, nullptr);
    sqlite3_extended_result_codes(raw, 1);
    db.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    return db;
}

Database Database::openInMemory() {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK)
        fail(raw, rc, "cannot open an in-memory database");
    db.execute("PRAGMA foreign_keys = ON;");
    return db;
}

void Database::execute(std::string_view sql) const {
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error != nullptr ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw DatabaseError(rc, "SQL failed: " + message);
    }
}

int Database::userVersion() const {
    Statement s = prepare("PRAGMA user_version");
    s.step();
    return s.integer(0);
}

void Database::setUserVersion(int version) const {
    // PRAGMA takes no parameters; the value is an int we produced, never input.
    execute("PRAGMA user_version = " + std::to_string(version));
}

Transaction::Transaction(const Database& db) : m_db(db) {
    m_db.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.execute("ROLLBACK");
        } catch (const DatabaseError&) {
            // Already rolled back by SQLite (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
}

void Transaction::commit() {
    m_db.execute("COMMIT");
    m_done = true;
}

Savepoint::Savepoint(const Database& db, std::string name) : m_db(db), m_name(std::move(name)) {
    if (!isValidIdentifier(m_name))
        throw DatabaseError(SQLITE_MISUSE, "invalid savepoint name");
    m_db.execute("SAVEPOINT " + m_name);
}

Savepoint::~Savepoint() {
    if (!m_done) {
        try {
            rollback();
        } catch (const DatabaseError&) {
        }
    }
}

void Savepoint::release() {
    m_db.execute("RELEASE " + m_name);
    m_done = true;
}

void Savepoint::rollback() {
    m_done = true;
    m_db.execute("ROLLBACK TO " + m_name + "; RELEASE " + m_name);
}

}  // namespace duban
