#pragma once
// The sync thread's half of SyncService: its own store connection, transport and engine, used on
// that thread only (cancel() excepted, which the transport allows from any thread).
#include <QObject>

#include <filesystem>
#include <functional>
#include <memory>

#include "core/store/local_store.h"
#include "core/util/clock.h"
#include "qml/app/sync_service.h"
#include "sync/curl_transport.h"
#include "sync/sync_engine.h"

namespace duban::app {

class SyncWorker final : public QObject {
    Q_OBJECT

public:
    struct Outcome {
        bool ok = false;
        std::string error;     // what the user reads (error_text.h); the detail is logged
        bool offline = false;  // the server could not be reached at all
        DeviceCounts counts;
        sync::PullPosition position;  // where a live-changes watch starts after this run
    };

    SyncWorker(std::unique_ptr<LocalStore> store, std::unique_ptr<sync::CurlTransport> transport,
               sync::SyncOptions options);
    ~SyncWorker() override;
    Q_DISABLE_COPY_MOVE(SyncWorker)

    // On the worker thread. `progress(phase, fraction or -1)` is called on it too.
    Outcome runOnce(const std::function<void(const char*, double)>& progress);
    DeviceCounts counts() const;
    // A photo or thumbnail on this device, downloaded first if needed (sync's transport).
    Result<std::filesystem::path> fetchBlob(const std::string& sha256);
    void cancel() { m_engine->cancel(); }

private:
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<sync::CurlTransport> m_transport;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

}  // namespace duban::app
