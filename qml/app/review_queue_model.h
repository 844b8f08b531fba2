#pragma once
// The supervisor's queue: submitted (or enterprise-confirmed) reports and visits, newest first, a
// page at a time, filtered by kind, responsible unit and project; rows can be selected and
// approved together. Each approval is checked by the
// core rules like a single one, and a refusal names its record.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>
#include <QSet>

#include <vector>

#include "core/store/review_queue.h"
#include "qml/app/paged_rows.h"
#include "qml/app/services.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class ReviewQueueModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countsChanged FINAL)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(QString message READ message NOTIFY countsChanged FINAL)
    // "" for all, else "progress_report" or "site_visit"; a unit's or a project's id, "" for all.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString projectId READ projectId WRITE setProjectId NOTIFY filterChanged FINAL)
    // Menus of {value, label}: the kinds, and the units and projects that have records waiting.
    Q_PROPERTY(QVariantList kinds READ kinds CONSTANT FINAL)
    Q_PROPERTY(QVariantList units READ units NOTIFY countsChanged FINAL)
    Q_PROPERTY(QVariantList projects READ projects NOTIFY countsChanged FINAL)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        EntityRole,
        ProjectRole,
        WhenRole,
        StateRole,
        VersionRole,
        SummaryRole,
        PhotosRole,
        SelectedRole,
    };
    Q_ENUM(Role)

    explicit ReviewQueueModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] int totalCount() const { return m_page.total(); }
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int selectedCount() const { return static_cast<int>(m_selected.size()); }
    // Why the queue could not be read, else what the last approval said.
    [[nodiscard]] QString message() const {
        return m_readError.isEmpty() ? m_message : m_readError;
    }
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString& kind);
    [[nodiscard]] QString unitId() const { return m_unitId; }
    void setUnitId(const QString& unitId);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    void setProjectId(const QString& projectId);
    [[nodiscard]] QVariantList kinds() const;
    [[nodiscard]] QVariantList units() const { return m_units; }
    [[nodiscard]] QVariantList projects() const { return m_projects; }

    Q_INVOKABLE void setSelected(int row, bool selected);
    Q_INVOKABLE void selectAll();
    // Approves every selected record; `message` then says how many, and which were refused.
    Q_INVOKABLE void approveSelected();
    Q_INVOKABLE QString idAt(int row) const;

signals:
    void servicesChanged();
    void countsChanged();
    void filterChanged();

private:
    friend class PagedRows<QueueRow>;  // inserts the pages it reads
    void reload();
    void setFilter(QString& field, const QString& value);
    [[nodiscard]] QueueFilter filter() const;

    QPointer<Services> m_services;
    PagedRows<QueueRow> m_page;
    QSet<QString> m_selected;
    QString m_readError;
    QString m_message;
    QString m_kind;
    QString m_unitId;
    QString m_projectId;
    QVariantList m_units;
    QVariantList m_projects;
};

}  // namespace duban::app
