#pragma once
// What the report and visit forms share: the signed-in services, saving the draft shortly after
// every change (one save at a time, the last change always saved), the core's validation
// problems per field, and submitting. The forms themselves (ReportEditor, VisitEditor) only map
// their fields to a record.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVariantMap>

#include <vector>

#include "core/rules/validation.h"
#include "qml/app/services.h"

namespace duban::app {

class RecordEditor : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(QString projectId READ projectId WRITE setProjectId NOTIFY projectIdChanged FINAL)
    Q_PROPERTY(QString recordId READ recordId NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool editable READ editable NOTIFY stateChanged FINAL)
    Q_PROPERTY(bool saving READ saving NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString savedAt READ savedAt NOTIFY stateChanged FINAL)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged FINAL)

public:
    explicit RecordEditor(QObject* parent = nullptr);

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    void setProjectId(const QString& id);
    [[nodiscard]] QString recordId() const { return m_recordId; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] bool editable() const { return m_editable; }
    [[nodiscard]] bool saving() const { return m_saving; }
    [[nodiscard]] QString savedAt() const { return m_savedAt; }
    [[nodiscard]] QVariantMap errors() const { return m_errors; }
    [[nodiscard]] QString message() const { return m_message; }

    // Saves the draft now (the form also saves by itself shortly after each change).
    Q_INVOKABLE void save();
    // Saves, then submits if the core's checks for a submission pass; says why not otherwise.
    Q_INVOKABLE void submit();
    // Opens an existing record of this kind.
    Q_INVOKABLE void load(const QString& recordId);

signals:
    void servicesChanged();
    void projectIdChanged();
    void stateChanged();
    void submitted();

protected:
    struct Outcome {
        bool ok = false;
        std::string id;
        std::string state;
        std::vector<FieldError> errors;
        std::string message;
    };
    // Called by a form's setters.
    void edited();
    // The form's problems that never reach the core (a figure that is not a number).
    void setFormError(const QString& field, const QString& message);
    void clearFormError(const QString& field);
    // The job that saves (and with `submit`, submits) the form as it is now, on the store's
    // thread. `id` is empty for a record not yet saved.
    using SaveJob = std::function<Outcome(LocalStore&, const Actor&)>;
    virtual SaveJob saveJob(const std::string& id, bool submit) const = 0;
    // The one save path of both forms (on the store's thread): the draft through the store's
    // rules, then, with `submit`, the checks for a submission and the submit transition.
    template <class Record>
    static Outcome saveAndSubmit(LocalStore& store, const Actor& actor, const Record& form,
                                 bool submit);
    // Loads a record into the form (on the store's thread, then applied on the GUI thread).
    using LoadJob = std::function<std::function<void()>(LocalStore&, const Actor&)>;
    virtual LoadJob loadJob(const std::string& id) = 0;
    void setLoaded(const std::string& id, const std::string& state, bool editable);
    // After each successful save, on the GUI thread (the record has its id by now).
    virtual void afterSave() {}
    // The services arrived for a form that holds no record yet: the form fills in what it
    // starts with (today's month, the time now) from the services' clock, leaving what was set.
    virtual void fillDefaults(const Services& services) { Q_UNUSED(services) }

private:
    void run(bool submit);
    void finish(const Outcome& outcome, bool submit);

    QPointer<Services> m_services;
    QString m_projectId;
    QString m_recordId;
    QString m_state = QStringLiteral("draft");
    bool m_editable = true;
    bool m_saving = false;
    bool m_dirty = false;         // edited since the save in flight began
    bool m_submitQueued = false;  // submit() came while a save was in flight
    QString m_savedAt;
    QVariantMap m_errors;
    QVariantMap m_formErrors;
    QString m_message;
    QTimer m_autosave;
};

}  // namespace duban::app
