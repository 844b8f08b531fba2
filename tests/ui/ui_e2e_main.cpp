// The app end to end: its services and controllers (what its screens drive), offscreen, against
// the real server over HTTPS, through a loopback proxy that takes the network away and gives it
// back. A supervisor on another device is the real duban-client.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlEngine>
#include <QUrl>

#include <filesystem>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/store/database.h"
#include "qml/app/services.h"
#include "server/tls/dev_certificates.h"
#include "sync/cli/client_commands.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/test_photos.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

Q_IMPORT_QML_PLUGIN(DubanPlugin)

namespace {

using nlohmann::json;

class Harness : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString serverUrl READ serverUrl CONSTANT)
    Q_PROPERTY(QString caFile READ caFile CONSTANT)
    Q_PROPERTY(QString password READ password CONSTANT)
    Q_PROPERTY(QString otherCaFile READ otherCaFile CONSTANT)

public:
    Harness(duban::test::TestServer& server, duban::test::FaultProxy& proxy,
            const duban::test::TempDir& dir)
        : m_server(server), m_proxy(proxy), m_dir(dir) {}

    [[nodiscard]] QString serverUrl() const {
        return QStringLiteral("https://localhost:%1").arg(m_proxy.port());
    }
    [[nodiscard]] QString caFile() const {
        return QString::fromStdString(m_server.caFile().string());
    }
    [[nodiscard]] QString password() const {
        return QString::fromLatin1(duban::test::TestServer::kTestPassword);
    }
    // A CA that did not sign the server's certificate.
    [[nodiscard]] QString otherCaFile() const {
        const auto dir = m_dir.file("other-ca");
        static const auto paths =
            duban::server::issueTestCertificates(dir, {"localhost"}, -60, 24L * 3600);
        return paths ? QString::fromStdString(paths->caCert.string()) : QString();
    }

    // The system's trust store as OpenSSL names it (SSL_CERT_FILE, what a blank CA file trusts):
    // `file`, or the built-in bundle for "".
    Q_INVOKABLE void setSystemTrust(const QString& file) {
        if (file.isEmpty())
            qunsetenv("SSL_CERT_FILE");
        else
            qputenv("SSL_CERT_FILE", file.toLocal8Bit());
    }

    // Offline: the proxy's target is a port nothing listens on and open connections drop.
    Q_INVOKABLE void setOnline(bool online) {
        m_proxy.setTarget(online ? m_server.port() : m_closedPort);
        m_proxy.dropAll();
    }
    Q_INVOKABLE QString projectIdByCode(const QString& code) const {
        const duban::Database db = duban::Database::open(m_dir.file("app") / "store.db");
        duban::Statement s = db.prepare("SELECT id FROM project WHERE code = ?");
        s.bindAll(code.toStdString());
        return s.step() ? QString::fromStdString(s.text(0)) : QString();
    }
    Q_INVOKABLE QUrl makePhoto(int width, int height, int seed) const {
        const auto file = m_dir.file("photo-" + std::to_string(seed) + ".jpg");
        duban::test::writeNoiseJpeg(file, width, height, static_cast<unsigned>(seed));
        return QUrl::fromLocalFile(QString::fromStdString(file.string()));
    }
    // Removes a photo file from the app's cache, as on a device that never held it.
    Q_INVOKABLE bool forgetBlob(const QString& sha256) {
        const std::string sha = sha256.toStdString();
        return std::filesystem::remove(m_dir.file("app") / "blobs" / sha.substr(0, 2) / sha);
    }
    // The supervisor, on a device of their own: sign in, sync, approve `recordId`, sync.
    Q_INVOKABLE QString supervisorApproves(const QString& recordId) {
        const std::string profile = m_dir.file("supervisor").string();
        const std::string server = m_server.baseUrl();
        const std::string ca = m_server.caFile().string();
        const std::string password = duban::test::TestServer::kTestPassword;
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"--profile", profile, "login", "--server", server, "--ca", ca, "--username",
                  "ui-sup"},
                 {"--profile", profile, "sync"},
                 {"--profile", profile, "approve", recordId.toStdString()},
                 {"--profile", profile, "sync"}}) {
            std::istringstream in(password + "\n");
            std::ostringstream out;
            std::ostringstream err;
            if (duban::cli::runClient(args, in, out, err) != 0)
                return QString::fromStdString(args[2] + ": " + err.str());
        }
        return {};
    }

private:
    duban::test::TestServer& m_server;
    duban::test::FaultProxy& m_proxy;
    const duban::test::TempDir& m_dir;
    int m_closedPort = 9;  // discard: nothing listens on loopback
};

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        m_server = std::make_unique<duban::test::TestServer>();
        m_server->createUser("ui-field", duban::Role::field, "市科工信局");
        m_server->createUser("ui-sup", duban::Role::supervisor, "市发改局");
        m_proxy = std::make_unique<duban::test::FaultProxy>(m_server->port());
        m_services = std::make_unique<duban::app::Services>(m_dir.file("app"), m_clock);
        duban::app::Services::provide(m_services.get());
        m_harness = std::make_unique<Harness>(*m_server, *m_proxy, m_dir);
    }

    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        static const int registered =
            qmlRegisterSingletonInstance("DubanTest", 1, 0, "Harness", m_harness.get());
        Q_UNUSED(registered)
    }

    void cleanupTestCase() {
        m_services.reset();
        m_harness.reset();
        m_proxy.reset();
        m_server.reset();
    }

private:
    const duban::SystemClock m_clock;
    duban::test::TempDir m_dir;
    std::unique_ptr<duban::test::TestServer> m_server;
    std::unique_ptr<duban::test::FaultProxy> m_proxy;
    std::unique_ptr<duban::app::Services> m_services;
    std::unique_ptr<Harness> m_harness;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(duban_ui, Setup)

#include "ui_e2e_main.moc"
