#pragma once
// What the signed-in user may do with one report or visit, and doing it: the core access rules
// and state machine decide (the server applies the same ones), QML only shows what is allowed.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include "qml/app/services.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class RecordActions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged FINAL)
    Q_PROPERTY(QString entity READ entity NOTIFY loaded FINAL)  // progress_report | site_visit
    Q_PROPERTY(QString state READ state NOTIFY loaded FINAL)
    Q_PROPERTY(int version READ version NOTIFY loaded FINAL)
    // The record's fields as the reviewer sees them (the exact version approved).
    Q_PROPERTY(QVariantMap record READ record NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList photos READ photos NOTIFY loaded FINAL)
    Q_PROPERTY(bool canEdit READ canEdit NOTIFY loaded FINAL)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY loaded FINAL)
    Q_PROPERTY(bool canConfirm READ canConfirm NOTIFY loaded FINAL)
    Q_PROPERTY(bool canDispute READ canDispute NOTIFY loaded FINAL)
    Q_PROPERTY(bool canApprove READ canApprove NOTIFY loaded FINAL)
    Q_PROPERTY(bool canReturn READ canReturn NOTIFY loaded FINAL)
    Q_PROPERTY(QString message READ message NOTIFY loaded FINAL)
    // The reviewer's comment as typed; a return or dispute is ready only when core's rule for
    // comments is met (the store checks it again when it is sent).
    Q_PROPERTY(QString comment READ comment WRITE setComment NOTIFY commentChanged FINAL)
    Q_PROPERTY(bool returnReady READ returnReady NOTIFY commentChanged FINAL)
    Q_PROPERTY(bool disputeReady READ disputeReady NOTIFY commentChanged FINAL)

public:
    explicit RecordActions(QObject* parent = nullptr) : QObject(parent) {}

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] QString recordId() const { return m_recordId; }
    void setRecordId(const QString& id);
    [[nodiscard]] QString entity() const { return m_entity; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] QVariantMap record() const { return m_record; }
    [[nodiscard]] QVariantList photos() const { return m_photos; }
    [[nodiscard]] bool canEdit() const { return m_permissions.edit; }
    [[nodiscard]] bool canSubmit() const { return m_permissions.may(Transition::submit); }
    [[nodiscard]] bool canConfirm() const { return m_permissions.may(Transition::confirm); }
    [[nodiscard]] bool canDispute() const { return m_permissions.may(Transition::dispute); }
    [[nodiscard]] bool canApprove() const { return m_permissions.may(Transition::approve); }
    [[nodiscard]] bool canReturn() const { return m_permissions.may(Transition::return_); }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString comment() const { return m_comment; }
    void setComment(const QString& comment);
    [[nodiscard]] bool returnReady() const { return ready(Transition::return_); }
    [[nodiscard]] bool disputeReady() const { return ready(Transition::dispute); }

    // Each checks the rules again on the store's thread; a refusal says why in `message`.
    Q_INVOKABLE void submit() { act(Transition::submit, {}); }
    Q_INVOKABLE void confirm() { act(Transition::confirm, {}); }
    Q_INVOKABLE void dispute() { act(Transition::dispute, m_comment); }
    Q_INVOKABLE void approve() { act(Transition::approve, {}); }
    Q_INVOKABLE void returnForCorrection() { act(Transition::return_, m_comment); }

signals:
    void servicesChanged();
    void recordIdChanged();
    void loaded();
    void acted();
    void commentChanged();

private:
    void reload();
    void act(Transition transition, const QString& comment);
    [[nodiscard]] bool ready(Transition transition) const;

    QPointer<Services> m_services;
    QString m_recordId;
    QString m_comment;
    QString m_entity;
    QString m_state;
    int m_version = 0;
    QVariantMap m_record;
    QVariantList m_photos;
    RecordPermissions m_permissions;
    QString m_message;
};

}  // namespace duban::app
