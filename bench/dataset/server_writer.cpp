#include "bench/dataset/server_writer.h"

#include <map>
#include <memory>
#include <stdexcept>

#include "core/domain/dates.h"
#include "core/seed/importer.h"
#include "core/store/record_rows.h"
#include "core/util/clock.h"
#include "core/util/uuid.h"
#include "server/db/change_log.h"
#include "server/sync/apply_context.h"
#include "server/sync/record_views.h"
#include "server/sync/versions.h"

namespace duban::bench {
namespace {

using nlohmann::json;

std::string userId(const Database& db, const std::string& username) {
    Statement s = db.prepare("SELECT id FROM user WHERE username = ?");
    s.bindAll(username);
    if (!s.step())
        throw std::runtime_error("no user '" + username + "' in the server's database");
    return s.text(0);
}

class ServerWriter final : public DatasetSink {
public:
    ServerWriter(const Database& db, const ServerWriteOptions& options)
        : m_db(db),
          m_options(options),
          m_clock(kYear2023Ms),
          m_ids(m_clock),
          m_session{Actor{userId(db, options.authorUsername), Role::admin, "", {}},
                    options.authorUsername, "bench-dataset", ""},
          m_context{db, m_session, m_ids, kYear2023Ms, formatInstantUtc(kYear2023Ms)} {}

    void projects(const seed::List& list) override {
        auto data = seed::readSeed(m_options.seedDir);
        if (!data)
            throw std::runtime_error(data.error().message);
        data->lists.push_back(list);
        if (auto imported = seed::importSeed(m_db, data.value(), m_ids); !imported)
            throw std::runtime_error("the synthetic projects did not import: " +
                                     imported.error().message);
        {
            Transaction tx(m_db);
            (void)server::logImportedRecords(m_db);
            tx.commit();
        }
        Statement s = m_db.prepare(
            "SELECT p.id, CAST(substr(p.code, length(?) + 2) AS INTEGER) FROM project p WHERE "
            "p.code LIKE ? || '#%'");
        s.bindAll(kBenchListCode, kBenchListCode);
        while (s.step())
            m_projects[s.integer(1)] = s.text(0);
        Statement m = m_db.prepare(
            "SELECT m.project_id, m.ord, m.id FROM milestone m JOIN project p ON p.id = "
            "m.project_id WHERE p.code LIKE ? || '#%'");
        m.bindAll(kBenchListCode);
        while (m.step())
            m_milestones[{m.text(0), m.integer(1)}] = m.text(2);
        begin();
    }

    void report(const GeneratedReport& r) override {
        ProgressReport report = r.report;
        report.projectId = projectId(r.projectNo);
        const auto milestone = m_milestones.find({report.projectId, r.milestoneOrd});
        if (milestone != m_milestones.end())
            report.milestoneId = milestone->second;
        report.authorId = m_session.actor.userId;
        storeReport(m_db, report, r.version, r.updatedAt);
        logged(Entity::progress_report, report.id, report.projectId, r.version);
    }

    void review(const GeneratedReview& r) override {
        server::appendReview(m_context, r.kind, Entity::progress_report, r.reportId,
                             r.reportVersion, r.comment, projectId(r.projectNo));
        counted();
    }

    void visit(const GeneratedVisit& v) override {
        SiteVisit visit = v.visit;
        visit.projectId = projectId(v.projectNo);
        visit.authorId = m_session.actor.userId;
        storeVisit(m_db, visit, v.version, v.updatedAt);
        logged(Entity::site_visit, visit.id, visit.projectId, v.version);
    }

    void photo(const GeneratedPhoto& p) override {
        insertPhoto(m_db, p.photo, 1);
        logged(Entity::photo, p.photo.id, projectId(p.projectNo), 1);
    }

    void finish() {
        if (m_tx)
            m_tx->commit();
        m_tx.reset();
    }

private:
    static constexpr std::int64_t kYear2023Ms = 1672531200000;
    static constexpr int kRowsPerTransaction = 50'000;

    const std::string& projectId(int no) const { return m_projects.at(no); }
    void begin() { m_tx = std::make_unique<Transaction>(m_db); }
    // The record's version and change-log entry, as a push writes them.
    void logged(Entity entity, const std::string& id, const std::string& projectIdOfRecord,
                std::int64_t version) {
        server::noteChange(m_context, entity, id,
                           server::ChangeScope{projectIdOfRecord, std::nullopt}, version);
        counted();
    }
    void counted() {
        if (++m_rows % kRowsPerTransaction == 0) {
            m_tx->commit();
            begin();
        }
    }

    const Database& m_db;
    const ServerWriteOptions& m_options;
    ManualClock m_clock;
    UuidGenerator m_ids;
    server::Session m_session;
    server::ApplyContext m_context;
    std::map<int, std::string> m_projects;
    std::map<std::pair<std::string, int>, std::string> m_milestones;
    std::unique_ptr<Transaction> m_tx;
    std::int64_t m_rows = 0;
};

std::vector<std::string> unitNames(const ServerWriteOptions& options) {
    auto data = seed::readSeed(options.seedDir);
    if (!data)
        throw std::runtime_error(data.error().message);
    std::vector<std::string> names;
    for (const auto& unit : data->units)
        if (unit.kind == UnitKind::department || unit.kind == UnitKind::township)
            names.push_back(unit.name);
    return names;
}

}  // namespace

DatasetCounts writeServerDataset(const Database& db, const ServerWriteOptions& options) {
    ServerWriter writer(db, options);
    const DatasetCounts counts =
        generateDataset(DatasetSpec{options.scale, options.seed, unitNames(options)}, writer);
    writer.finish();
    return counts;
}

std::int64_t exportDocuments(const Database& db, std::ostream& out) {
    std::int64_t written = 0;
    std::int64_t after = 0;
    for (;;) {
        Statement s = db.prepare(
            "SELECT seq, entity, record_id FROM change WHERE seq > ? AND deleted = 0 AND "
            "owner_id IS NULL ORDER BY seq LIMIT 1000");
        s.bindAll(after);
        std::vector<server::RecordKey> keys;
        while (s.step()) {
            after = s.int64(0);
            keys.emplace_back(s.text(1), s.text(2));
        }
        if (keys.empty())
            return written;
        const auto views = server::loadRecordViews(db, keys);
        for (const auto& key : keys) {
            const auto view = views.find(key);
            if (view == views.end())
                continue;
            json doc = view->second;
            doc["_id"] = key.second;
            doc["entity"] = key.first;
            out << doc.dump() << '\n';
            ++written;
        }
    }
}

}  // namespace duban::bench
