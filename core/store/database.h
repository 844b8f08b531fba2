#pragma once
// A small RAII layer over SQLite: prepared statements only (values are bound, never spliced into
// SQL), transactions that roll back unless committed. Errors inside the store are exceptions of
// type DatabaseError; the store's public functions turn them into Results at its edge.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace duban {

class DatabaseError : public std::runtime_error {
public:
    DatabaseError(int code, const std::string& message)
        : std::runtime_error(message), m_code(code) {}
    [[nodiscard]] int code() const { return m_code; }

private:
    int m_code;
};

namespace detail {
class StatementCache;
}

using SqlNull = std::monostate;
using SqlValue = std::variant<SqlNull, std::int64_t, double, std::string>;

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    // Takes an idle statement of the same SQL from `cache` (reset, no bindings) or prepares one;
    // when this Statement ends, the statement goes back to the cache instead of being finalized.
    Statement(sqlite3* db, std::string_view sql,
              const std::shared_ptr<detail::StatementCache>& cache);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    // Binding by 1-based index; optionals bind NULL when empty.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bindNull(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    Statement& bind(int index, const SqlValue& value);

    // Binds values to ?1, ?2, … in order.
    template <class... Ts>
    Statement& bindAll(const Ts&... values) {
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }

    // Advances to the next row; false when done. Throws DatabaseError on failure.
    bool step();
    // Runs to completion (for statements without rows).
    void run();
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] int integer(int column) const { return static_cast<int>(int64(column)); }
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optionalText(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInt64(int column) const;
    [[nodiscard]] std::optional<double> optionalReal(int column) const;
    [[nodiscard]] SqlValue value(int column) const;
    [[nodiscard]] int columnCount() const;
    [[nodiscard]] std::string columnName(int column) const;

private:
    struct Finalizer {
        std::weak_ptr<detail::StatementCache> cache;  // empty: finalize
        void operator()(sqlite3_stmt* s) const;
    };
    sqlite3* m_db;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
};

class Database {
public:
    // Opens (creating if needed) with foreign keys on, WAL and synchronous=FULL (a saved draft
    // survives a power cut), and a busy timeout so a second connection waits instead of failing.
    static Database open(const std::filesystem::path& file);
    static Database openInMemory();

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    // Prepared once per connection: the statement is cached and reused by the next prepare() of
    // the same SQL (parsing costs more than running most of the store's statements).
    [[nodiscard]] Statement prepare(std::string_view sql) const {
        return Statement(m_db.get(), sql, m_cache);
    }
    // Runs one or more statements without parameters (schema, pragmas). Never for input.
    void execute(std::string_view sql) const;
    [[nodiscard]] std::int64_t totalChanges() const { return sqlite3_total_changes64(m_db.get()); }
    // Rows changed by the last INSERT/UPDATE/DELETE alone. Unlike totalChanges() it does not count
    // work FTS5 does at statement boundaries (flushing its pending index data).
    [[nodiscard]] std::int64_t lastChanges() const { return sqlite3_changes64(m_db.get()); }
    [[nodiscard]] std::int64_t lastInsertRowId() const {
        return sqlite3_last_insert_rowid(m_db.get());
    }
    [[nodiscard]] int userVersion() const;
    void setUserVersion(int version) const;
    [[nodiscard]] sqlite3* handle() const { return m_db.get(); }

private:
    struct Closer {
        void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    };
    explicit Database(sqlite3* db);
    std::unique_ptr<sqlite3, Closer> m_db;
    std::shared_ptr<detail::StatementCache> m_cache;  // destroyed (idle statements finalized) first
};

// BEGIN IMMEDIATE … COMMIT; rolls back if destroyed before commit() (an exception, an early
// return). Nested use goes through Savepoint.
class Transaction {
public:
    explicit Transaction(const Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    const Database& m_db;
    bool m_done = false;
};

// A named savepoint inside a transaction: one rejected mutation rolls back alone.
class Savepoint {
public:
    Savepoint(const Database& db, std::string name);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();
    void rollback();

private:
    const Database& m_db;
    std::string m_name;
    bool m_done = false;
};

}  // namespace duban
