#include "server/db/connection_pool.h"

namespace duban::server {

ConnectionPool::ConnectionPool(const std::filesystem::path& file, int size) {
    m_connections.reserve(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i)
        m_connections.push_back(Database::open(file));
    for (Database& db : m_connections)
        m_free.push_back(&db);
}

ConnectionPool::Lease ConnectionPool::acquire() {
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [&] { return !m_free.empty(); });
    Database* db = m_free.back();
    m_free.pop_back();
    return Lease(*this, db);
}

void ConnectionPool::giveBack(Database* db) {
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(db);
    }
    m_available.notify_one();
}

}  // namespace duban::server
