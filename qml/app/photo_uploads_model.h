#pragma once
// The sync panel's photo files: each one still to upload or refused, with its progress (live
// while a sync sends it) and the server's reason for a refusal.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>

#include <vector>

#include "core/store/blob_uploads.h"
#include "qml/app/services.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class PhotoUploadsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        ShaRole = Qt::UserRole + 1,
        KindRole,
        StateRole,
        ProgressRole,
        SizeRole,
        ErrorRole
    };
    Q_ENUM(Role)

    explicit PhotoUploadsModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] int count() const { return rowCount(); }

signals:
    void servicesChanged();
    void countChanged();

private:
    static constexpr int kShown = 200;
    void reload();
    void onProgress(const QString& sha256, qint64 sent, qint64 total);

    QPointer<Services> m_services;
    std::vector<BlobUpload> m_rows;
};

}  // namespace duban::app
