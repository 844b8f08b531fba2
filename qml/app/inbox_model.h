#pragma once
// The sync panel's inbox: what the server refused and values that lost to a later edit, each
// with what was typed and the server's version, and the user's two answers (resubmit, discard).
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>

#include <vector>

#include "core/store/inbox.h"
#include "qml/app/services.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class InboxModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY changed FINAL)
    Q_PROPERTY(QString message READ message NOTIFY changed FINAL)

public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, EntityRole, TextRole, TypedRole, AtRole };
    Q_ENUM(Role)

    explicit InboxModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] int count() const { return rowCount(); }
    // Why the inbox could not be read, else what the last resolve said.
    [[nodiscard]] QString message() const {
        return m_readError.isEmpty() ? m_message : m_readError;
    }

    Q_INVOKABLE void resubmit(const QString& itemId) { resolve(itemId, InboxAction::resubmit); }
    Q_INVOKABLE void discard(const QString& itemId) { resolve(itemId, InboxAction::discard); }

signals:
    void servicesChanged();
    void changed();

private:
    static constexpr int kShown = 200;  // an inbox holds a handful; more waits for these
    void reload();
    void resolve(const QString& itemId, InboxAction action);

    QPointer<Services> m_services;
    std::vector<InboxItem> m_items;
    QString m_readError;
    QString m_message;
};

}  // namespace duban::app
