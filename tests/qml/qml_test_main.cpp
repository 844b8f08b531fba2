// Qt Quick Test for the Duban module: a device signed in offline (a real seeded store, a profile
// whose server does not answer), provided to QML as the app's main provides it.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlEngine>
#include <QUrl>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/domain/dates.h"
#include "core/store/database.h"
#include "core/util/clock.h"
#include "qml/app/qml_modules.h"
#include "qml/app/services.h"
#include "sync/device_profile.h"
#include "tests/support/test_photos.h"
#include "tests/support/test_store.h"

Q_IMPORT_QML_PLUGIN(DubanPlugin)

namespace {

// The app's clock in the tests: the system's time until a test sets one (read on the store's and
// the sync's threads, set on the GUI thread).
class TestClock final : public duban::Clock {
public:
    [[nodiscard]] std::int64_t nowMs() const override {
        const std::int64_t set = m_setMs.load();
        return set >= 0 ? set : duban::SystemClock().nowMs();
    }
    void set(std::int64_t ms) { m_setMs.store(ms); }
    void useSystemTime() { m_setMs.store(-1); }

private:
    std::atomic<std::int64_t> m_setMs{-1};
};

// What a QML test needs beyond the app: restarting it (its services close and reopen from
// disk), and looking into the store file directly.
class Harness : public QObject {
    Q_OBJECT

public:
    Harness(duban::app::Services& services, TestClock& clock, std::filesystem::path storeFile)
        : m_services(services), m_clock(clock), m_storeFile(std::move(storeFile)) {}

    // The app's time from now on: an ISO instant ("2026-12-31T16:30:00Z"); false if unparsable.
    Q_INVOKABLE bool setClock(const QString& iso) {
        const auto ms = duban::parseInstant(iso.toStdString());
        if (ms)
            m_clock.set(*ms);
        return ms.has_value();
    }
    // Back to the system's time (each test that sets the clock ends with this).
    Q_INVOKABLE void useSystemTime() { m_clock.useSystemTime(); }
    // The first module of `modules` this engine cannot import ("" when all are there).
    Q_INVOKABLE QString missingModule(const QStringList& modules) const {
        std::vector<QByteArray> names;
        for (const QString& module : modules)
            names.push_back(module.toLatin1());
        std::vector<const char*> pointers;
        for (const QByteArray& name : names)
            pointers.push_back(name.constData());
        QQmlEngine* engine = qmlEngine(this);
        return engine ? duban::app::firstMissingModule(*engine, pointers) : QStringLiteral("?");
    }

    // As an app restart does: every connection closes, everything is read again from the file.
    Q_INVOKABLE bool restart() {
        m_services.suspend();
        return m_services.resumeSession();
    }
    // Outbox entries for a record, read through a connection of the test's own.
    Q_INVOKABLE int queuedFor(const QString& recordId) const {
        const duban::Database db = duban::Database::open(m_storeFile);
        duban::Statement s = db.prepare("SELECT count(*) FROM outbox WHERE record_id = ?");
        s.bindAll(recordId.toStdString());
        s.step();
        return s.integer(0);
    }
    Q_INVOKABLE QString projectIdByCode(const QString& code) const {
        const duban::Database db = duban::Database::open(m_storeFile);
        duban::Statement s = db.prepare("SELECT id FROM project WHERE code = ?");
        s.bindAll(code.toStdString());
        return s.step() ? QString::fromStdString(s.text(0)) : QString();
    }
    // Reports waiting for a decision, counted straight from the file (not through the queue).
    Q_INVOKABLE int waitingReports() const {
        const duban::Database db = duban::Database::open(m_storeFile);
        duban::Statement s = db.prepare(
            "SELECT count(*) FROM progress_report WHERE state IN ('submitted', 'confirmed')");
        s.step();
        return s.integer(0);
    }
    // A letter to the project as a sync brings it: issued by a supervisor, numbered by the server.
    Q_INVOKABLE void receiveWarning(const QString& id, const QString& projectId,
                                    const QString& number) const {
        const duban::Database db = duban::Database::open(m_storeFile);
        db.prepare(R"sql(
            INSERT INTO warning (id, project_id, level, reason_code, reason, number, correct_by,
                                 issued_at, issued_by, version)
            VALUES (?, ?, 2, 'report_missing', '2022年6月进展情况未按时报送，已逾期3天', ?,
                    '2022-07-15', '2022-06-27T02:00:00Z', 'user-qml-sup', 1))sql")
            .bindAll(id.toStdString(), projectId.toStdString(), number.toStdString())
            .run();
    }
    // As a sync's end does: every view reads again.
    Q_INVOKABLE void notifyChanged() const { m_services.store()->notifyChanged(); }
    // The letters' table out of reach (renamed) and back, for a store that fails a read.
    Q_INVOKABLE void hideWarnings() const {
        duban::Database::open(m_storeFile).execute("ALTER TABLE warning RENAME TO warning_hidden");
    }
    Q_INVOKABLE void showWarnings() const {
        duban::Database::open(m_storeFile).execute("ALTER TABLE warning_hidden RENAME TO warning");
    }
    // A project the user's unit neither leads nor is responsible for.
    Q_INVOKABLE QString projectIdNotOfMyUnit() const {
        const duban::Database db = duban::Database::open(m_storeFile);
        duban::Statement s = db.prepare(R"sql(
            SELECT id FROM project p WHERE NOT EXISTS (SELECT 1 FROM project_unit u
             WHERE u.project_id = p.id AND u.unit_id = ? AND u.role IN ('lead', 'responsible'))
             ORDER BY code LIMIT 1)sql");
        s.bindAll(m_services.unitId().toStdString());
        return s.step() ? QString::fromStdString(s.text(0)) : QString();
    }
    // The signed-in user's role from now on ("field", "supervisor", …), as a new sign-in of the
    // same account with another role: the profile is rewritten and the services reopen.
    Q_INVOKABLE bool becomeRole(const QString& role) {
        const duban::sync::ProfileDir dir(m_storeFile.parent_path());
        auto profile = dir.load();
        if (!profile)
            return false;
        profile->user["role"] = role.toStdString();
        m_services.suspend();
        if (!dir.save(profile.value()))
            return false;
        return m_services.resumeSession();
    }
    // A supervisor's return of a report as a pull brings it: the state and the review with its
    // comment and reviewer.
    Q_INVOKABLE void receiveReturn(const QString& reportId, const QString& comment) const {
        const duban::Database db = duban::Database::open(m_storeFile);
        db.prepare(
              "UPDATE progress_report SET state = 'returned', version = version + 1 "
              "WHERE id = ?")
            .bindAll(reportId.toStdString())
            .run();
        db.prepare(
              "INSERT OR IGNORE INTO user (id, username, display_name, role) "
              "VALUES ('user-qml-sup', 'qml-sup', '测试督查员', 'supervisor')")
            .run();
        db.prepare(
              "INSERT INTO review (id, kind, target_kind, target_id, target_version, "
              "actor_id, comment, at) VALUES (?, 'return', 'progress_report', ?, 2, "
              "'user-qml-sup', ?, '2022-06-21T02:00:00Z')")
            .bindAll("review-" + reportId.toStdString(), reportId.toStdString(),
                     comment.toStdString())
            .run();
    }
    // Projects the user's unit leads or is responsible for (each owes a monthly report).
    Q_INVOKABLE int unitProjectCount() const {
        const duban::Database db = duban::Database::open(m_storeFile);
        duban::Statement s = db.prepare(
            "SELECT count(DISTINCT project_id) FROM project_unit WHERE unit_id = ? "
            "AND role IN ('lead', 'responsible')");
        s.bindAll(m_services.unitId().toStdString());
        s.step();
        return s.integer(0);
    }

    // Of those, the ones with a report for `period` submitted (or further along).
    Q_INVOKABLE int unitProjectsFiled(const QString& period) const {
        const duban::Database db = duban::Database::open(m_storeFile);
        duban::Statement s = db.prepare(R"sql(
            SELECT count(DISTINCT pu.project_id) FROM project_unit pu
             WHERE pu.unit_id = ? AND pu.role IN ('lead', 'responsible')
               AND EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = pu.project_id
                              AND r.period = ? AND r.state <> 'draft'))sql");
        s.bindAll(m_services.unitId().toStdString(), period.toStdString());
        s.step();
        return s.integer(0);
    }

    // A fresh JPEG of `width` × `height` in the test's folder; returns its file URL.
    Q_INVOKABLE QUrl makePhoto(int width, int height, int seed) const {
        const auto file = m_storeFile.parent_path() / ("photo-" + std::to_string(seed) + ".jpg");
        duban::test::writeNoiseJpeg(file, width, height, static_cast<unsigned>(seed));
        return QUrl::fromLocalFile(QString::fromStdString(file.string()));
    }

    // Writes a fresh JPEG to the given file URL (where the camera would have put its shot).
    Q_INVOKABLE void writePhoto(const QUrl& file, int width, int height, int seed) const {
        duban::test::writeNoiseJpeg(file.toLocalFile().toStdString(), width, height,
                                    static_cast<unsigned>(seed));
    }
    Q_INVOKABLE void writeText(const QUrl& file, const QString& text) const {
        std::ofstream(file.toLocalFile().toStdString()) << text.toStdString();
    }
    Q_INVOKABLE bool fileExists(const QUrl& file) const {
        return std::filesystem::exists(file.toLocalFile().toStdString());
    }

private:
    duban::app::Services& m_services;
    TestClock& m_clock;
    std::filesystem::path m_storeFile;
};

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        using namespace duban;
        m_dir = std::make_unique<test::TempDir>();
        const SystemClock clock;
        const sync::ProfileDir dir(m_dir->path());
        const std::string deviceId = sync::newDeviceId(clock);
        {
            // The seed, as a first sync brings it; the store closes before the app opens it.
            auto store = test::openSeededStore(dir.storeFile(), clock);
            m_unitId = test::unitIdByName(*store, "市科工信局");
        }
        sync::ClientProfile profile;
        profile.server = "https://127.0.0.1:9";  // nothing answers: the device is offline
        profile.username = "qml-field";
        profile.deviceId = deviceId;
        profile.token = "offline-test-token";
        profile.user = {{"id", "user-qml-field"},
                        {"username", "qml-field"},
                        {"display_name", "测试外勤"},
                        {"role", "field"},
                        {"unit", {{"id", m_unitId}, {"name", "市科工信局"}}}};
        if (!dir.save(profile))
            qFatal("cannot write the test profile");
        m_services = std::make_unique<app::Services>(m_dir->path(), m_clock);
        if (!m_services->resumeSession())
            qFatal("the test profile did not open");
        app::Services::provide(m_services.get());
        m_harness = std::make_unique<Harness>(*m_services, m_clock, dir.storeFile());
    }

    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // One registration for all test files (each gets an engine of its own).
        static const int registered =
            qmlRegisterSingletonInstance("DubanTest", 1, 0, "Harness", m_harness.get());
        Q_UNUSED(registered)
    }

    void cleanupTestCase() {
        m_harness.reset();
        m_services.reset();
        m_dir.reset();
    }

private:
    TestClock m_clock;
    std::unique_ptr<duban::test::TempDir> m_dir;
    std::unique_ptr<duban::app::Services> m_services;
    std::unique_ptr<Harness> m_harness;
    std::string m_unitId;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(duban_qml, Setup)

#include "qml_test_main.moc"
