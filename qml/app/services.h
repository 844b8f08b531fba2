#pragma once
// The app's services, built once in main and handed to QML as the `Services` singleton: who is
// signed in, the store (on its own thread), background sync, and the language. Screens reach
// everything through it; nothing here is a global beyond the one instance main provides.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTranslator>

#include <filesystem>
#include <memory>
#include <optional>

#include "core/domain/dates.h"
#include "core/rules/access.h"
#include "core/util/clock.h"
#include "qml/app/qt_translations.h"
#include "qml/app/store_executor.h"
#include "qml/app/sync_service.h"
#include "sync/device_profile.h"

class QQmlEngine;
class QJSEngine;
class QThread;

namespace duban::app {

class Services final : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY deviceChanged FINAL)
    Q_PROPERTY(duban::app::StoreExecutor* store READ store NOTIFY deviceChanged FINAL)
    Q_PROPERTY(duban::app::SyncService* sync READ sync NOTIFY deviceChanged FINAL)
    Q_PROPERTY(QString username READ username NOTIFY deviceChanged FINAL)
    // Empty when Qt's file dialog can open; else why not, in words (qml_modules.h).
    Q_PROPERTY(QString fileDialogProblem READ fileDialogProblem CONSTANT FINAL)
    Q_PROPERTY(QString displayName READ displayName NOTIFY deviceChanged FINAL)
    Q_PROPERTY(QString role READ role NOTIFY deviceChanged FINAL)
    Q_PROPERTY(QString unitId READ unitId NOTIFY deviceChanged FINAL)
    Q_PROPERTY(QString unitName READ unitName NOTIFY deviceChanged FINAL)
    Q_PROPERTY(QString server READ server NOTIFY deviceChanged FINAL)
    // Which screens the role offers (core rules): the forms, the supervisor's queue.
    Q_PROPERTY(bool authorsRecords READ authorsRecords NOTIFY deviceChanged FINAL)
    Q_PROPERTY(bool reviewsRecords READ reviewsRecords NOTIFY deviceChanged FINAL)
    Q_PROPERTY(bool signingIn READ signingIn NOTIFY signInStateChanged FINAL)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInStateChanged FINAL)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged FINAL)
    Q_PROPERTY(QString dataFolder READ dataFolder CONSTANT FINAL)
    Q_PROPERTY(QString version READ version CONSTANT FINAL)

public:
    // `clock` (main's, or a test's) outlives the services: the store, sync and every screen read
    // the time from it.
    Services(std::filesystem::path dataFolder, const Clock& clock, QObject* parent = nullptr);
    ~Services() override;
    Q_DISABLE_COPY_MOVE(Services)

    // main provides the instance before QML loads; QML's `Services` is that instance.
    static void provide(Services* services);
    static Services* create(QQmlEngine* engine, QJSEngine* scriptEngine);

    [[nodiscard]] bool signedIn() const { return m_store != nullptr; }
    [[nodiscard]] StoreExecutor* store() const { return m_store.get(); }
    [[nodiscard]] SyncService* sync() const { return m_sync.get(); }
    [[nodiscard]] QString username() const;
    [[nodiscard]] QString fileDialogProblem() const;
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] QString role() const;
    [[nodiscard]] QString unitId() const;
    [[nodiscard]] QString unitName() const;
    [[nodiscard]] QString server() const;
    [[nodiscard]] bool authorsRecords() const {
        return signedIn() && duban::authorsRecords(m_actor);
    }
    [[nodiscard]] bool reviewsRecords() const {
        return signedIn() && duban::reviewsRecords(m_actor);
    }
    [[nodiscard]] bool signingIn() const { return m_signInThread != nullptr; }
    [[nodiscard]] QString signInError() const { return m_signInError; }
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString& language);
    [[nodiscard]] QString dataFolder() const;
    [[nodiscard]] QString version() const;
    // The signed-in user as the core rules see them.
    [[nodiscard]] const Actor& actor() const { return m_actor; }
    [[nodiscard]] const Clock& clock() const { return m_clock; }
    // Today's date in Beijing (UTC+8), the notice's calendar, by the services' clock.
    [[nodiscard]] Date today() const { return dateAt(m_clock.nowMs()); }

    // After a record was submitted on this device: tells the user whether it is on its way now
    // or waits for the network (as the last sync found it).
    void noteSubmitted();

    // Signs in on a worker thread; `signInStateChanged` tells when it is done.
    Q_INVOKABLE void signIn(const QString& server, const QString& caFile, const QString& username,
                            const QString& password);
    // Ends the session on this device. The data and any unsent edits stay in the folder for the
    // next sign-in of the same user.
    Q_INVOKABLE void signOut();
    // Opens the store and sync for a profile already signed in (the app's start, or its return
    // from the background).
    bool resumeSession();
    // The app going to the background or quitting: sync stops (keeping what it stored), the
    // store's queued saves finish, both close. Everything typed is on disk for resumeSession().
    void suspend();

signals:
    void deviceChanged();
    void signInStateChanged();
    void languageChanged();
    // A short word for the user (the window's toast): "已提交", "已保存，联网后自动上传".
    void notice(const QString& message);

private:
    void openDevice(const sync::ClientProfile& profile);

    const Clock& m_clock;
    std::filesystem::path m_dataFolder;
    sync::ProfileDir m_profileDir;
    sync::ClientProfile m_profile;
    Actor m_actor;
    std::unique_ptr<StoreExecutor> m_store;
    std::unique_ptr<SyncService> m_sync;
    QThread* m_signInThread = nullptr;
    QString m_signInError;
    QString m_language = QStringLiteral("zh_CN");
    QTranslator m_translator;
    QtTranslations m_qtTranslations;
    QQmlEngine* m_engine = nullptr;
    mutable std::optional<QString> m_fileDialogProblem;  // asked once, on first use
};

// A model's `services` property setter: follows `services` (or none), calling `onChange` whenever
// its store changes — the old store's signals let go. Returns false when it was already that
// one; the caller then does nothing more.
template <class View>
bool followServices(QPointer<Services>& held, Services* services, View* view,
                    void (View::*onChange)()) {
    if (services == held)
        return false;
    if (held && held->store())
        QObject::disconnect(held->store(), nullptr, view, nullptr);
    held = services;
    if (held && held->store())
        QObject::connect(held->store(), &StoreExecutor::changed, view, onChange);
    return true;
}

}  // namespace duban::app
