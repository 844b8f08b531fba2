// Qt Quick Test for the Duban module: a device signed in offline (a real seeded store, a profile
// whose server does not answer), provided to QML as the app's main provides it.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlEngine>

#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "qml/app/services.h"
#include "sync/device_profile.h"
#include "tests/support/test_store.h"

Q_IMPORT_QML_PLUGIN(DubanPlugin)

namespace {

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
        m_services = std::make_unique<app::Services>(m_dir->path());
        if (!m_services->resumeSession())
            qFatal("the test profile did not open");
        app::Services::provide(m_services.get());
    }

    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase() {
        m_services.reset();
        m_dir.reset();
    }

private:
    std::unique_ptr<duban::test::TempDir> m_dir;
    std::unique_ptr<duban::app::Services> m_services;
    std::string m_unitId;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(duban_qml, Setup)

#include "qml_test_main.moc"
