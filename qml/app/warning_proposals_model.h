#pragma once
// A supervisor's proposals for warning letters (督办函): lag findings no letter answers yet, from
// core's rules over the device's data, and issuing one.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>

#include <vector>

#include "core/store/warnings.h"
#include "qml/app/services.h"

namespace duban::app {

// Each project's lag findings without a letter, highest level first, and issuing one with its
// deadline to correct. Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class WarningProposalsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY changed FINAL)
    Q_PROPERTY(QString message READ message NOTIFY changed FINAL)
    // A deadline to offer: two weeks from today (YYYY-MM-DD).
    Q_PROPERTY(QString suggestedDeadline READ suggestedDeadline NOTIFY changed FINAL)

public:
    enum Role {
        ProjectRole = Qt::UserRole + 1,
        ProjectCodeRole,
        LevelRole,
        LetterRole,
        ReasonRole,
    };
    Q_ENUM(Role)

    explicit WarningProposalsModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] QString message() const {
        return m_readError.isEmpty() ? m_message : m_readError;
    }
    [[nodiscard]] QString suggestedDeadline() const;

    // 签发: the letter for the finding in `row`, to be corrected by `correctBy` (YYYY-MM-DD).
    Q_INVOKABLE void issue(int row, const QString& correctBy);

signals:
    void servicesChanged();
    void changed();
    void issued();

private:
    void reload();

    QPointer<Services> m_services;
    std::vector<WarningProposal> m_rows;
    QString m_readError;
    QString m_message;
};

}  // namespace duban::app
