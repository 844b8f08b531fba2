#include "tests/support/sync_device.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/util/uuid.h"

namespace duban::test {

using nlohmann::json;

Result<sync::HttpResponse> LossyTransport::send(const sync::HttpRequest& request,
                                                const sync::ProgressCallback& progress) {
    auto response = inner().send(request, progress);
    if (m_losePush && request.path == "/v1/sync/push") {
        m_losePush = false;
        // A TLS error is never retried by sendWithRetry: the run ends here, as when a phone
        // loses its link while the server commits.
        return sync::makeTransportError(sync::TransportErrorKind::tls,
                                        "the answer was lost on the way back");
    }
    return response;
}

Device::Device(const TestServer& server, const std::string& username, int pullLimit,
               int batchSize) {
    const std::string deviceId = UuidGenerator(m_systemClock).next();
    sync::TransportOptions transportOptions;
    transportOptions.baseUrl = server.baseUrl();
    transportOptions.caFile = server.caFile();
    auto transport = sync::CurlTransport::create(transportOptions);
    if (!transport)
        throw std::runtime_error(transport.error().message);
    m_curl = std::move(transport).value();
    m_username = username;
    m_deviceId = deviceId;
    signIn();

    auto store = LocalStore::open(m_dir.file("device.db"), m_clock, deviceId);
    if (!store)
        throw std::runtime_error(store.error().message);
    m_store = std::move(store).value();
    m_lossy = std::make_unique<LossyTransport>(*m_curl);
    sync::SyncOptions options;
    options.deviceId = deviceId;
    options.pullLimit = pullLimit;
    options.batchSize = batchSize;
    options.retry.maxAttempts = 1;
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_lossy, options);
}

void Device::signIn() {
    sync::HttpRequest login;
    login.method = "POST";
    login.path = "/v1/auth/login";
    login.headers = {{"Content-Type", "application/json"}};
    login.body = json{{"username", m_username},
                      {"password", TestServer::kTestPassword},
                      {"device_id", m_deviceId},
                      {"device_name", m_username + " phone"}}
                     .dump();
    auto answer = m_curl->send(login);
    if (!answer || answer->status != 200)
        throw std::runtime_error("login of " + m_username + " failed");
    const json body = json::parse(answer->body);
    m_curl->setBearerToken(body["token"]);
    m_actor.userId = body["user"]["id"];
    m_actor.role = parseEnum<Role>(body["user"]["role"].get<std::string>()).value();
    m_actor.unitId = body["user"]["unit"]["id"];
}

sync::SyncReport Device::sync() {
    auto report = m_engine->syncOnce();
    EXPECT_TRUE(report) << (report ? "" : report.error().code + ": " + report.error().message);
    return report ? report.value() : sync::SyncReport{};
}

sync::SyncReport Device::pullOnly() {
    sync::SyncReport report;
    const Status pulled = m_engine->pull(report);
    EXPECT_TRUE(pulled) << (pulled ? "" : pulled.error().message);
    return report;
}

std::string Device::projectId(const std::string& code) const {
    Statement s = m_store->database().prepare("SELECT id FROM project WHERE code = ?");
    s.bindAll(code);
    return s.step() ? s.text(0) : std::string();
}

int Device::count(const char* sql) const {
    Statement s = m_store->database().prepare(sql);
    s.step();
    return s.integer(0);
}

json Device::inbox() const {
    Statement s = m_store->database().prepare(
        "SELECT id, kind, entity, record_id, code, server_record, resolution FROM inbox "
        "ORDER BY created_at, id");
    json rows = json::array();
    while (s.step()) {
        rows.push_back({{"id", s.text(0)},
                        {"kind", s.text(1)},
                        {"entity", s.text(2)},
                        {"record_id", s.text(3)},
                        {"code", s.text(4)},
                        {"server_record", json::parse(s.optionalText(5).value_or("null"))},
                        {"resolution", s.optionalText(6) ? json(*s.optionalText(6)) : json()}});
    }
    return rows;
}

std::int64_t Device::localVersion(const std::string& id) const {
    Statement s = m_store->database().prepare(
        "SELECT version FROM progress_report WHERE id = ?1 "
        "UNION ALL SELECT version FROM site_visit WHERE id = ?1");
    s.bindAll(id);
    return s.step() ? s.int64(0) : -1;
}

ProgressReport Device::newReport(const std::string& projectId, int percent) {
    ProgressReport report;
    report.projectId = projectId;
    report.period = "2022-06";
    report.investment = 1'000'000;
    report.percentComplete = percent;
    report.narrative = "主体结构施工中";
    auto saved = m_store->saveReport(m_actor, report);
    if (!saved)
        throw std::runtime_error(saved.error().message);
    return saved.value();
}

ProgressReport Device::submittedReport(const std::string& projectId, int percent) {
    ProgressReport report = newReport(projectId, percent);
    auto submitted =
        m_store->transition(m_actor, Entity::progress_report, report.id, Transition::submit);
    if (!submitted)
        throw std::runtime_error(submitted.error().message);
    return report;
}

SiteVisit Device::newVisit(const std::string& projectId) {
    SiteVisit visit;
    visit.projectId = projectId;
    visit.visitedAt = "2022-06-30T02:00:00Z";
    visit.position = Position{28.31, 109.73, 6.5, PositionSource::gps};
    visit.notes = "三区二期酿酒车间基础施工";
    visit.peopleMet = "项目经理 张工";
    auto saved = m_store->saveVisit(m_actor, visit);
    if (!saved)
        throw std::runtime_error(saved.error().message);
    return saved.value();
}

}  // namespace duban::test
