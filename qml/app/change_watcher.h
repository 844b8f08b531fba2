#pragma once
// Live changes for the app (design.md §5): on a thread of its own with its own connection, keeps
// one long-polling pull open while the app is online and in the foreground, and says when the
// server has something new, so SyncService syncs at once instead of at its next timer.
#include <QObject>

#include <atomic>
#include <memory>

#include "sync/change_watch.h"
#include "sync/curl_transport.h"

namespace duban::app {

class ChangeWatcher final : public QObject {
    Q_OBJECT

public:
    explicit ChangeWatcher(std::unique_ptr<sync::CurlTransport> transport);
    ~ChangeWatcher() override;
    Q_DISABLE_COPY_MOVE(ChangeWatcher)

    // Any thread: the watch numbered `ticket` is the one wanted; every older one is cancelled.
    void supersede(int ticket);
    // On the watcher's thread: watches from `from` until the server has something new
    // (ended(ticket, true)), a failure (ended(ticket, false)) or a newer ticket. A ticket
    // already superseded when it starts returns at once without a request.
    void watch(int ticket, const sync::PullPosition& from);

signals:
    void ended(int ticket, bool changed);

private:
    std::unique_ptr<sync::CurlTransport> m_transport;
    std::atomic<int> m_wanted{0};
};

}  // namespace duban::app
