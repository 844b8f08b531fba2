#pragma once
// Background sync for the app (design.md §5, §8): a worker thread with its own connection to the
// store, its own libcurl transport and a SyncEngine. Runs on start, shortly after each save, on a
// timer, on demand, and as soon as the server has a change for this device (a ChangeWatcher keeps
// a long-polling pull open after each good run while the app is not in the background); reports
// progress and the device's counts to QML; cancel() stops a run at once, keeping what it stored.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <filesystem>
#include <memory>

#include "core/util/clock.h"
#include "core/util/result.h"
#include "sync/change_watch.h"
#include "sync/device_profile.h"

namespace duban::app {

class ChangeWatcher;
class NetworkWatch;
class StoreExecutor;
class SyncWorker;

// What the sync panel shows about this device.
struct DeviceCounts {
    int pending = 0;  // outbox entries (changes)
    // What waits as a person counts it (core/store/pending_uploads): records, and photo files.
    int waitingRecords = 0;
    int waitingPhotos = 0;
    int inboxOpen = 0;
    int photoFilesWaiting = 0;
    int photoFilesFailed = 0;
};

class SyncService final : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Sync is started by Services once a user is signed in.")
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged FINAL)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString lastSyncAt READ lastSyncAt NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool offline READ offline NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool live READ live NOTIFY stateChanged FINAL)
    Q_PROPERTY(int pending READ pending NOTIFY countsChanged FINAL)
    // "N 条待上传": records with unsent changes plus photo files waiting (not outbox entries).
    Q_PROPERTY(int waiting READ waiting NOTIFY countsChanged FINAL)
    Q_PROPERTY(int waitingRecords READ waitingRecords NOTIFY countsChanged FINAL)
    Q_PROPERTY(int waitingPhotos READ waitingPhotos NOTIFY countsChanged FINAL)
    Q_PROPERTY(int inboxOpen READ inboxOpen NOTIFY countsChanged FINAL)
    Q_PROPERTY(int photoFilesWaiting READ photoFilesWaiting NOTIFY countsChanged FINAL)
    Q_PROPERTY(int photoFilesFailed READ photoFilesFailed NOTIFY countsChanged FINAL)

public:
    [[nodiscard]] static Result<std::unique_ptr<SyncService>> start(
        const sync::ClientProfile& profile, const std::filesystem::path& storeFile,
        StoreExecutor* views, const Clock& clock);
    ~SyncService() override;
    Q_DISABLE_COPY_MOVE(SyncService)

    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString phase() const { return m_phase; }
    [[nodiscard]] QString lastSyncAt() const { return m_lastSyncAt; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] bool offline() const { return m_offline; }
    // A long-polling pull is open: the server's changes arrive as they are made.
    [[nodiscard]] bool live() const { return m_watching; }
    [[nodiscard]] int pending() const { return m_counts.pending; }
    [[nodiscard]] int waiting() const { return m_counts.waitingRecords + m_counts.waitingPhotos; }
    [[nodiscard]] int waitingRecords() const { return m_counts.waitingRecords; }
    [[nodiscard]] int waitingPhotos() const { return m_counts.waitingPhotos; }
    [[nodiscard]] int inboxOpen() const { return m_counts.inboxOpen; }
    [[nodiscard]] int photoFilesWaiting() const { return m_counts.photoFilesWaiting; }
    [[nodiscard]] int photoFilesFailed() const { return m_counts.photoFilesFailed; }

    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void cancel();
    // After a local save: counts now, a sync in a moment (several saves make one run).
    Q_INVOKABLE void noteLocalChange();
    // Downloads a photo or thumbnail this device does not hold yet (on the sync thread); then
    // `blobReady` with its file URL, or `blobFailed` with why.
    Q_INVOKABLE void fetchBlob(const QString& sha256);

signals:
    void stateChanged();
    void progressChanged();
    void countsChanged();
    void finished(bool ok);
    void blobReady(const QString& sha256, const QUrl& file);
    // A photo file on its way (at most ten times a second per file).
    void uploadProgress(const QString& sha256, qint64 sent, qint64 total);
    void blobFailed(const QString& sha256, const QString& reason);

private:
    SyncService(std::unique_ptr<SyncWorker> worker, std::unique_ptr<ChangeWatcher> watcher,
                StoreExecutor* views, const Clock& clock);
    void onProgress(const QString& phase, double progress);
    void onFinished(bool ok, const QString& error, bool offline, const DeviceCounts& counts,
                    const sync::PullPosition& position);
    void onCounts(const DeviceCounts& counts);
    // Live changes: a watch from `position` replaces any open one; stopWatching() ends it.
    void watchFrom(const sync::PullPosition& position);
    void stopWatching();
    void onWatchEnded(int ticket, bool changed);
    void onApplicationStateChanged(Qt::ApplicationState state);
    // The platform says the network is gone: shown at once (the next run confirms it).
    void onNetworkLost();

    std::unique_ptr<SyncWorker> m_worker;  // lives on m_thread
    QThread m_thread;
    std::unique_ptr<ChangeWatcher> m_watcher;  // lives on m_watchThread
    QThread m_watchThread;
    int m_watchTicket = 0;
    bool m_watching = false;
    bool m_background = false;                // the app is hidden or suspended: no watch is kept
    std::unique_ptr<NetworkWatch> m_network;  // a sync the moment the network returns
    StoreExecutor* m_views;
    const Clock& m_clock;
    QTimer m_periodic;
    QTimer m_soon;
    bool m_busy = false;
    bool m_again = false;  // a sync was asked for while one ran
    double m_progress = 0;
    QString m_phase;
    QString m_lastSyncAt;
    QString m_lastError;
    bool m_offline = false;
    DeviceCounts m_counts;
};

}  // namespace duban::app
