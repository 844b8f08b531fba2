#pragma once
// The UI's connection to the local store, on a thread of its own: the GUI thread never waits on
// SQLite (a save fsyncs; a page query may meet a sync's write lock). Jobs run in order; each
// result comes back on the GUI thread, and is dropped if the object that asked is gone.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <filesystem>
#include <memory>
#include <string>

#include "core/store/local_store.h"
#include "core/util/clock.h"

namespace duban::app {

class StoreExecutor final : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The store is opened by Services once a user is signed in.")

public:
    // Opens (and migrates) the store file; errors as LocalStore::open. `clock` (the services')
    // outlives the executor.
    [[nodiscard]] static Result<std::unique_ptr<StoreExecutor>> open(
        const std::filesystem::path& file, const std::string& deviceId, const Clock& clock);
    ~StoreExecutor() override;
    Q_DISABLE_COPY_MOVE(StoreExecutor)

    // Runs `job(LocalStore&)` on the store's thread, then `done(result)` on the GUI thread if
    // `context` still exists.
    template <class Job, class Done>
    void run(QObject* context, Job job, Done done);

    // Tells every view that records changed (after a save here, or a sync on another connection).
    void notifyChanged() { emit changed(); }

signals:
    void changed();

private:
    explicit StoreExecutor(std::unique_ptr<LocalStore> store);

    std::unique_ptr<LocalStore> m_store;  // used on m_thread only, after open()
    QThread m_thread;
    QObject m_worker;  // lives on m_thread: jobs are queued to it
};

template <class Job, class Done>
void StoreExecutor::run(QObject* context, Job job, Done done) {
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        &m_worker,
        [this, guard, job = std::move(job), done = std::move(done)]() mutable {
            auto result = job(*m_store);
            QMetaObject::invokeMethod(
                this,
                [guard, done = std::move(done), result = std::move(result)]() mutable {
                    if (guard)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

// A view's `store` property setter: follows `store` (or none), calling `onChange` whenever it
// changes. Returns false when it was already that store; the caller then does nothing more.
template <class View>
bool followStore(QPointer<StoreExecutor>& held, StoreExecutor* store, View* view,
                 void (View::*onChange)()) {
    if (store == held)
        return false;
    if (held)
        QObject::disconnect(held, nullptr, view, nullptr);
    held = store;
    if (held)
        QObject::connect(held, &StoreExecutor::changed, view, onChange);
    return true;
}

}  // namespace duban::app
