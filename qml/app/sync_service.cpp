#include "qml/app/sync_service.h"

#include <QGuiApplication>

#include <chrono>
#include <memory>

#include "qml/app/change_watcher.h"
#include "qml/app/format.h"
#include "qml/app/network_watch.h"
#include "qml/app/store_executor.h"
#include "qml/app/sync_worker.h"

namespace duban::app {

namespace {
constexpr int kPeriodicMs = 5 * 60 * 1000;  // a background run every five minutes
constexpr int kAfterSaveMs = 1500;          // saves in quick succession make one run
}  // namespace

Result<std::unique_ptr<SyncService>> SyncService::start(const sync::ClientProfile& profile,
                                                        const std::filesystem::path& storeFile,
                                                        StoreExecutor* views, const Clock& clock) {
    auto store = LocalStore::open(storeFile, clock, profile.deviceId);
    if (!store)
        return store.error();
    auto transport = sync::transportFor(profile, "duban-app/0.1");
    if (!transport)
        return transport.error();
    // The watch has a connection of its own: a sync never waits behind a held pull.
    auto watchTransport = sync::transportFor(profile, "duban-app/0.1");
    if (!watchTransport)
        return watchTransport.error();
    sync::SyncOptions options;
    options.deviceId = profile.deviceId;
    // The callback runs on the sync thread; the service is made right after, so it reaches the
    // service through a pointer filled in then.
    auto service = std::make_shared<SyncService*>(nullptr);
    auto lastSent = std::make_shared<std::chrono::steady_clock::time_point>();
    options.uploadProgress = [service, lastSent](const sync::UploadProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (*service == nullptr ||
            (p.blobSent < p.blobTotal && now - *lastSent < std::chrono::milliseconds(100))) {
            return;
        }
        *lastSent = now;
        QMetaObject::invokeMethod(
            *service,
            [target = *service, sha = QString::fromStdString(p.sha256), sent = p.blobSent,
             total = p.blobTotal] { emit target->uploadProgress(sha, sent, total); },
            Qt::QueuedConnection);
    };
    auto worker = std::make_unique<SyncWorker>(std::move(store).value(),
                                               std::move(transport).value(), options);
    auto watcher = std::make_unique<ChangeWatcher>(std::move(watchTransport).value());
    auto made = std::unique_ptr<SyncService>(
        new SyncService(std::move(worker), std::move(watcher), views, clock));
    *service = made.get();
    return made;
}

SyncService::SyncService(std::unique_ptr<SyncWorker> worker, std::unique_ptr<ChangeWatcher> watcher,
                         StoreExecutor* views, const Clock& clock)
    : m_worker(std::move(worker)), m_watcher(std::move(watcher)), m_views(views), m_clock(clock) {
    m_thread.setObjectName("duban-sync");
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    m_watchThread.setObjectName("duban-watch");
    m_watcher->moveToThread(&m_watchThread);
    m_watchThread.start();
    connect(m_watcher.get(), &ChangeWatcher::ended, this, &SyncService::onWatchEnded,
            Qt::QueuedConnection);
    if (auto* gui = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        connect(gui, &QGuiApplication::applicationStateChanged, this,
                &SyncService::onApplicationStateChanged);
    }
    m_periodic.setInterval(kPeriodicMs);
    connect(&m_periodic, &QTimer::timeout, this, &SyncService::syncNow);
    m_periodic.start();
    m_soon.setSingleShot(true);
    m_soon.setInterval(kAfterSaveMs);
    connect(&m_soon, &QTimer::timeout, this, &SyncService::syncNow);
    m_network = std::make_unique<NetworkWatch>();
    connect(m_network.get(), &NetworkWatch::online, this, &SyncService::syncNow);
    connect(m_network.get(), &NetworkWatch::offline, this, &SyncService::onNetworkLost);
    noteLocalChange();
}

SyncService::~SyncService() {
    m_watcher->supersede(++m_watchTicket);  // a held pull ends at once
    m_watchThread.quit();
    m_worker->cancel();  // a run in progress stops at once, keeping what it stored
    QMetaObject::invokeMethod(
        m_worker.get(), [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    m_watchThread.wait();
}

void SyncService::syncNow() {
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    m_progress = -1;
    m_phase = QStringLiteral("push");
    emit stateChanged();
    emit progressChanged();
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this] {
            const auto outcome = m_worker->runOnce([this](const char* phase, double fraction) {
                QMetaObject::invokeMethod(
                    this,
                    [this, p = QString::fromLatin1(phase), fraction] { onProgress(p, fraction); },
                    Qt::QueuedConnection);
            });
            QMetaObject::invokeMethod(
                this,
                [this, outcome] {
                    onFinished(outcome.ok, QString::fromStdString(outcome.error), outcome.offline,
                               outcome.counts, outcome.position);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncService::cancel() {
    m_again = false;
    m_worker->cancel();
}

void SyncService::noteLocalChange() {
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this] {
            const DeviceCounts counts = m_worker->counts();
            QMetaObject::invokeMethod(
                this, [this, counts] { onCounts(counts); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    m_soon.start();
}

void SyncService::fetchBlob(const QString& sha256) {
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, sha256] {
            const auto file = m_worker->fetchBlob(sha256.toStdString());
            QMetaObject::invokeMethod(
                this,
                [this, sha256, ok = static_cast<bool>(file),
                 path = file ? QString::fromStdString(file->string()) : QString(),
                 reason = file ? QString() : QString::fromStdString(file.error().message)] {
                    if (!ok) {
                        emit blobFailed(sha256, reason);
                        return;
                    }
                    emit blobReady(sha256, QUrl::fromLocalFile(path));
                    if (m_views != nullptr)
                        m_views->notifyChanged();  // screens showing it read it again
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncService::onProgress(const QString& phase, double progress) {
    m_phase = phase;
    m_progress = progress;
    emit progressChanged();
}

void SyncService::onFinished(bool ok, const QString& error, bool offline,
                             const DeviceCounts& counts, const sync::PullPosition& position) {
    m_busy = false;
    m_offline = offline;
    m_lastError = ok ? QString() : error;
    if (ok) {
        m_lastSyncAt = beijingTimeText(m_clock.nowMs(), QStringLiteral("yyyy-MM-dd HH:mm"));
        m_progress = 1;
    }
    onCounts(counts);
    emit stateChanged();
    emit progressChanged();
    if (m_views != nullptr)
        m_views->notifyChanged();  // pulled records: lists and details read again
    emit finished(ok);
    if (m_again) {
        m_again = false;
        syncNow();
    } else if (ok && !m_background) {
        watchFrom(position);
    }
}

void SyncService::watchFrom(const sync::PullPosition& position) {
    const int ticket = ++m_watchTicket;
    m_watcher->supersede(ticket);
    QMetaObject::invokeMethod(
        m_watcher.get(), [this, ticket, position] { m_watcher->watch(ticket, position); },
        Qt::QueuedConnection);
    if (!m_watching) {
        m_watching = true;
        emit stateChanged();
    }
}

void SyncService::stopWatching() {
    m_watcher->supersede(++m_watchTicket);
    if (m_watching) {
        m_watching = false;
        emit stateChanged();
    }
}

void SyncService::onWatchEnded(int ticket, bool changed) {
    if (ticket != m_watchTicket)
        return;  // an older watch, already replaced
    m_watching = false;
    emit stateChanged();
    if (changed)
        syncNow();  // its good end starts the next watch
}

void SyncService::onApplicationStateChanged(Qt::ApplicationState state) {
    // Inactive is a desktop window without focus, still on screen: it stays live.
    const bool background = state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended;
    if (background == m_background)
        return;
    m_background = background;
    if (background)
        stopWatching();
    else
        syncNow();  // back in front: catch up, then watch again
}

void SyncService::onNetworkLost() {
    if (m_offline)
        return;
    m_offline = true;
    emit stateChanged();
}

void SyncService::onCounts(const DeviceCounts& counts) {
    m_counts = counts;
    emit countsChanged();
}

}  // namespace duban::app
