// duban for the Linux desktop: builds the services, provides them to QML, loads the Duban module.
#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QDirIterator>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/util/clock.h"
#include "qml/app/log_categories.h"
#include "qml/app/qml_modules.h"
#include "qml/app/services.h"

Q_IMPORT_QML_PLUGIN(DubanPlugin)

namespace {

const QUrl kMainQml(QStringLiteral("qrc:/qt/qml/Duban/Main.qml"));
int g_qmlWarnings = 0;

// --self-test: every QML file of the module compiles and Main.qml loads with no warning at all.
void countWarnings(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type != QtDebugMsg && type != QtInfoMsg) {
        ++g_qmlWarnings;
        std::fprintf(stderr, "self-test: %s\n", qPrintable(message));
    }
}

int selfTest(QQmlApplicationEngine& engine) {
    qInstallMessageHandler(countWarnings);
    int files = 0;
    QDirIterator it(QStringLiteral(":/qt/qml/Duban"), {QStringLiteral("*.qml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QUrl url(QStringLiteral("qrc") + it.next());
        QQmlComponent component(&engine, url);
        if (component.isError()) {
            for (const QQmlError& error : component.errors())
                countWarnings(QtWarningMsg, {}, error.toString());
        }
        ++files;
    }
    // Loaded by Qt only when the file dialog opens, so loading the pages cannot find it missing.
    if (const QString problem = duban::app::fileDialogProblem(engine); !problem.isEmpty())
        countWarnings(QtWarningMsg, {}, problem);
    engine.load(kMainQml);
    if (engine.rootObjects().isEmpty())
        ++g_qmlWarnings;
    QTimer::singleShot(500, qApp, &QCoreApplication::quit);  // let bindings and pages settle
    QCoreApplication::exec();
    std::fprintf(stderr, "self-test: %d QML files, %d warnings\n", files, g_qmlWarnings);
    return files > 0 && g_qmlWarnings == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

// --screenshot: the window as the user sees it once data is there (after the first sync, or a
// deadline for a device with no server), for the README and the docs.
void scheduleScreenshot(QQuickWindow* window, duban::app::Services& services, const QString& file) {
    const auto shoot = [window, file] {
        // Let the pages lay out the data the sync just brought.
        QTimer::singleShot(1200, window, [window, file] {
            const bool saved = window->grabWindow().save(file);
            std::fprintf(stderr, "screenshot: %s %s\n", qPrintable(file),
                         saved ? "saved" : "FAILED");
            QCoreApplication::exit(saved ? EXIT_SUCCESS : EXIT_FAILURE);
        });
    };
    if (services.sync() != nullptr) {
        QObject::connect(services.sync(), &duban::app::SyncService::finished, window, shoot,
                         Qt::SingleShotConnection);
    }
    QTimer::singleShot(8000, window, shoot);
}

}  // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("duban"));
    QGuiApplication::setOrganizationName(QStringLiteral("Duban"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("督办 Duban — key projects in the field"));
    parser.addHelpOption();
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QStringLiteral("Data folder (profile and local store)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("Sign in to this server at start."),
                                          QStringLiteral("URL"));
    const QCommandLineOption caOption(QStringLiteral("ca"),
                                      QStringLiteral("The server's CA certificate (PEM)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption userOption(
        QStringLiteral("username"),
        QStringLiteral("Account to sign in with (password from DUBAN_PASSWORD)."),
        QStringLiteral("NAME"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language: zh_CN (default) or en."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QStringLiteral("Load every QML file; exit non-zero on any QML warning."));
    const QCommandLineOption openOption(
        QStringLiteral("open"),
        QStringLiteral(
            "Page to open at start: sync, settings, queue, projects, dispatch[:YYYY-MM], "
            "project:ID, record:ID, visit:PROJECT or report:PROJECT."),
        QStringLiteral("PAGE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size, e.g. 390x844."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window as PNG once the first sync is done (or after 8 s), then "
                       "quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption startupProbeOption(
        QStringLiteral("startup-probe"),
        QStringLiteral("Print \"first-frame\" when the first frame is drawn, then quit "
                       "(bench/app)."));
    parser.addOptions({dataOption, serverOption, caOption, userOption, langOption, selfTestOption,
                       openOption, sizeOption, screenshotOption, startupProbeOption});
    parser.process(app);

    const QString dataFolder =
        parser.isSet(dataOption)
            ? parser.value(dataOption)
            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // The one clock of the app: the store, sync and every screen read the time from it.
    duban::app::sendCoreLogToQt();
    const duban::SystemClock clock;
    duban::app::Services services(std::filesystem::path(dataFolder.toStdString()), clock);
    if (parser.isSet(langOption))
        services.setLanguage(parser.value(langOption));
    if (!services.resumeSession() && parser.isSet(serverOption) && parser.isSet(userOption)) {
        services.signIn(parser.value(serverOption), parser.value(caOption),
                        parser.value(userOption), qEnvironmentVariable("DUBAN_PASSWORD"));
    }
    duban::app::Services::provide(&services);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    if (parser.isSet(selfTestOption))
        return selfTest(engine);
    QVariantMap initial{{QStringLiteral("startPage"), parser.value(openOption)}};
    if (const QStringList size = parser.value(sizeOption).split(u'x'); size.size() == 2) {
        initial.insert(QStringLiteral("width"), size[0].toInt());
        initial.insert(QStringLiteral("height"), size[1].toInt());
    }
    engine.setInitialProperties(initial);
    engine.load(kMainQml);
    if (engine.rootObjects().isEmpty())
        return EXIT_FAILURE;
    if (parser.isSet(startupProbeOption)) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [] {
                std::fputs("first-frame\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            },
            Qt::SingleShotConnection);
    }
    if (parser.isSet(screenshotOption)) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        scheduleScreenshot(window, services, parser.value(screenshotOption));
    }
    return QGuiApplication::exec();
}
