#pragma once
// A fixed set of SQLite connections to the server database, one lent to each request for its
// duration. SQLite serialises writers itself (BEGIN IMMEDIATE with a busy timeout); readers in
// WAL mode never wait for writers.
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <utility>
#include <vector>

#include "core/store/database.h"

namespace duban::server {

class ConnectionPool {
public:
    ConnectionPool(const std::filesystem::path& file, int size);
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    class Lease {
    public:
        Lease(ConnectionPool& pool, Database* db) : m_pool(&pool), m_db(db) {}
        Lease(Lease&& other) noexcept
            : m_pool(other.m_pool), m_db(std::exchange(other.m_db, nullptr)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (m_db != nullptr)
                m_pool->giveBack(m_db);
        }
        [[nodiscard]] const Database& db() const { return *m_db; }

    private:
        ConnectionPool* m_pool;
        Database* m_db;
    };

    // Waits for a free connection.
    [[nodiscard]] Lease acquire();

private:
    void giveBack(Database* db);

    std::vector<Database> m_connections;
    std::vector<Database*> m_free;
    std::mutex m_mutex;
    std::condition_variable m_available;
};

}  // namespace duban::server
