#pragma once
// A signed-in phone for end-to-end sync tests: its own store file, its own libcurl connection and
// token, its own SyncEngine, against the real server over HTTPS.
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "core/rules/access.h"
#include "core/store/local_store.h"
#include "core/util/clock.h"
#include "sync/curl_transport.h"
#include "sync/sync_engine.h"
#include "tests/support/forwarding_transport.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

namespace duban::test {

// Forwards to a real transport; can lose the next push's answer after the server acted — the
// failure that makes exactly-once matter.
class LossyTransport final : public ForwardingTransport {
public:
    using ForwardingTransport::ForwardingTransport;
    void loseNextPushResponse() { m_losePush = true; }

    Result<sync::HttpResponse> send(const sync::HttpRequest& request,
                                    const sync::ProgressCallback& progress = {}) override;

private:
    bool m_losePush = false;
};

class Device {
public:
    // Pages and batches as the product sends them unless a test says otherwise.
    Device(const TestServer& server, const std::string& username,
           int pullLimit = sync::SyncOptions{}.pullLimit,
           int batchSize = sync::SyncOptions{}.batchSize);

    // Signs in (again: a changed unit ends the user's sessions) with this device's id.
    void signIn();

    // syncOnce(), expecting success (a failed expectation otherwise).
    sync::SyncReport sync();
    Result<sync::SyncReport> trySync() { return m_engine->syncOnce(); }
    // Pull alone, as a run that pushed nothing (its push found the network gone, say).
    sync::SyncReport pullOnly();

    LocalStore& store() { return *m_store; }
    // For a second connection to the same store (the app's UI has one, its sync worker another).
    [[nodiscard]] std::filesystem::path storeFile() const { return m_dir.file("device.db"); }
    [[nodiscard]] const std::string& deviceId() const { return m_deviceId; }
    const Actor& actor() const { return m_actor; }
    LossyTransport& network() { return *m_lossy; }
    sync::SyncEngine& engine() { return *m_engine; }

    [[nodiscard]] std::string projectId(const std::string& code) const;
    [[nodiscard]] int count(const char* sql) const;
    // The inbox as JSON rows {id, kind, entity, record_id, code, server_record, resolution}.
    [[nodiscard]] nlohmann::json inbox() const;
    // The version of a report or visit (ids are UUIDs: one table at most holds it); -1 if none.
    [[nodiscard]] std::int64_t localVersion(const std::string& id) const;

    // A June 2022 draft report / visit on `projectId`, saved through the store's rules.
    ProgressReport newReport(const std::string& projectId, int percent);
    // newReport, then submitted (queued for the next sync as two mutations).
    ProgressReport submittedReport(const std::string& projectId, int percent);
    SiteVisit newVisit(const std::string& projectId);

private:
    SystemClock m_systemClock;
    ManualClock m_clock{kJuly1st2022};  // the reports speak of June 2022
    TempDir m_dir;
    std::unique_ptr<sync::CurlTransport> m_curl;
    std::unique_ptr<LossyTransport> m_lossy;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<sync::SyncEngine> m_engine;
    Actor m_actor;
    std::string m_username;
    std::string m_deviceId;
};

}  // namespace duban::test
