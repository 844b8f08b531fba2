#include "qml/app/services.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QThread>

#include "qml/app/error_text.h"
#include "qml/app/qml_modules.h"
#include "sync/sign_in.h"

namespace duban::app {
namespace {

Services* s_provided = nullptr;

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

}  // namespace

Services::Services(std::filesystem::path dataFolder, const Clock& clock, QObject* parent)
    : QObject(parent),
      m_clock(clock),
      m_dataFolder(std::move(dataFolder)),
      m_profileDir(m_dataFolder) {
    m_qtTranslations.use(m_language);
}

Services::~Services() {
    if (m_signInThread != nullptr)
        m_signInThread->wait();
    suspend();
}

void Services::provide(Services* services) {
    s_provided = services;
}

Services* Services::create(QQmlEngine* engine, QJSEngine*) {
    Q_ASSERT_X(s_provided != nullptr, "Services::create", "main provides Services before QML");
    QJSEngine::setObjectOwnership(s_provided, QJSEngine::CppOwnership);
    s_provided->m_engine = engine;
    return s_provided;
}

QString Services::fileDialogProblem() const {
    if (!m_fileDialogProblem)
        m_fileDialogProblem = m_engine != nullptr ? app::fileDialogProblem(*m_engine) : QString();
    return *m_fileDialogProblem;
}

QString Services::username() const {
    return text(m_profile.username);
}
QString Services::displayName() const {
    const std::string name = m_profile.user.value("display_name", std::string());
    return text(name.empty() ? m_profile.username : name);
}
QString Services::role() const {
    return text(m_profile.user.value("role", std::string()));
}
QString Services::unitId() const {
    return text(m_actor.unitId);
}
QString Services::unitName() const {
    const auto& user = m_profile.user;
    return user.contains("unit") && user["unit"].is_object()
               ? text(user["unit"].value("name", std::string()))
               : QString();
}
QString Services::server() const {
    return text(m_profile.server);
}
QString Services::dataFolder() const {
    return QString::fromStdString(m_dataFolder.string());
}
QString Services::version() const {
    return QCoreApplication::applicationVersion();
}

void Services::setLanguage(const QString& language) {
    if (language == m_language)
        return;
    QCoreApplication::removeTranslator(&m_translator);
    m_qtTranslations.use(language);
    if (language != QStringLiteral("zh_CN")) {
        // Chinese is the source language; English comes from the compiled translation.
        if (!m_translator.load(QStringLiteral(":/i18n/duban_%1.qm").arg(language)))
            return;
        QCoreApplication::installTranslator(&m_translator);
    }
    m_language = language;
    emit languageChanged();
    if (m_engine != nullptr)
        m_engine->retranslate();
}

bool Services::resumeSession() {
    auto profile = m_profileDir.load();
    if (!profile || profile->token.empty() || profile->deviceId.empty())
        return false;
    openDevice(profile.value());
    return signedIn();
}

void Services::signIn(const QString& server, const QString& caFile, const QString& username,
                      const QString& password) {
    if (m_signInThread != nullptr)
        return;
    m_signInError.clear();
    sync::SignInRequest request;
    request.server = server.trimmed().toStdString();
    request.caFile = caFile.trimmed().toStdString();
    request.username = username.trimmed().toStdString();
    request.password = password.toStdString();
    request.deviceName = "duban (" + QSysInfo::prettyProductName().toStdString() + ")";
    request.userAgent = "duban-app/" + QCoreApplication::applicationVersion().toStdString();
    // The network (and the password hash on the server) take a while: never on the GUI thread.
    m_signInThread = QThread::create([this, request] {
        auto profile = sync::signInProfile(m_profileDir, request, m_clock);
        QMetaObject::invokeMethod(
            this,
            [this, profile = std::move(profile)] {
                m_signInThread->wait();
                m_signInThread->deleteLater();
                m_signInThread = nullptr;
                if (profile) {
                    openDevice(profile.value());
                } else {
                    m_signInError = userErrorText(profile.error(), ErrorScene::signIn);
                }
                emit signInStateChanged();
            },
            Qt::QueuedConnection);
    });
    m_signInThread->start();
    emit signInStateChanged();
}

void Services::signOut() {
    suspend();
    m_profile.token.clear();
    (void)m_profileDir.save(m_profile);  // without the token; data and unsent edits stay
    emit deviceChanged();
}

void Services::noteSubmitted() {
    const bool offline = m_sync == nullptr || m_sync->offline();
    emit notice(offline ? QCoreApplication::translate("Duban", "已保存，联网后自动上传")
                        : QCoreApplication::translate("Duban", "已提交"));
}

void Services::openDevice(const sync::ClientProfile& profile) {
    suspend();
    auto store = StoreExecutor::open(m_profileDir.storeFile(), profile.deviceId, m_clock);
    if (!store) {
        m_signInError = userErrorText(store.error(), ErrorScene::signIn);
        emit signInStateChanged();
        return;
    }
    m_store = std::move(store).value();
    m_profile = profile;
    m_actor = sync::actorFromUser(profile.user);
    auto started = SyncService::start(profile, m_profileDir.storeFile(), m_store.get(), m_clock);
    if (started)
        m_sync = std::move(started).value();
    else
        m_signInError = userErrorText(started.error(), ErrorScene::signIn);
    emit deviceChanged();
}

void Services::suspend() {
    const bool wasOpen = signedIn();
    m_sync.reset();  // first: it notifies the store's views
    m_store.reset();
    if (wasOpen)
        emit deviceChanged();
}

}  // namespace duban::app
