#include "qml/app/store_executor.h"

namespace duban::app {

Result<std::unique_ptr<StoreExecutor>> StoreExecutor::open(const std::filesystem::path& file,
                                                           const std::string& deviceId,
                                                           const Clock& clock) {
    auto store = LocalStore::open(file, clock, deviceId);
    if (!store)
        return store.error();
    return std::unique_ptr<StoreExecutor>(new StoreExecutor(std::move(store).value()));
}

StoreExecutor::StoreExecutor(std::unique_ptr<LocalStore> store) : m_store(std::move(store)) {
    m_thread.setObjectName("duban-store");
    m_worker.moveToThread(&m_thread);
    m_thread.start();
}

StoreExecutor::~StoreExecutor() {
    // The quit is queued behind the jobs already waiting: a save the user made is never dropped
    // on the way out.
    QMetaObject::invokeMethod(
        &m_worker, [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

}  // namespace duban::app
