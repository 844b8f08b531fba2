#include "qml/app/photo_uploads_model.h"

#include "qml/app/log_categories.h"

namespace duban::app {

int PhotoUploadsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant PhotoUploadsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const BlobUpload& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case ShaRole:
            return QString::fromStdString(row.sha256);
        case KindRole:
            return QString::fromStdString(std::string(toString(row.kind)));
        case StateRole:
            return QString::fromStdString(std::string(toString(row.state)));
        case ProgressRole:
            return row.size > 0 ? static_cast<double>(row.offset) / static_cast<double>(row.size)
                                : 0.0;
        case SizeRole:
            return QStringLiteral("%1 KB").arg((row.size + 1023) / 1024);
        case ErrorRole:
            return QString::fromStdString(row.errorMessage.value_or(std::string()));
        default:
            return {};
    }
}

QHash<int, QByteArray> PhotoUploadsModel::roleNames() const {
    return {{ShaRole, "sha256"},        {KindRole, "kind"}, {StateRole, "state"},
            {ProgressRole, "progress"}, {SizeRole, "size"}, {ErrorRole, "error"}};
}

void PhotoUploadsModel::setServices(Services* services) {
    if (!followServices(m_services, services, this, &PhotoUploadsModel::reload))
        return;
    if (m_services && m_services->sync()) {
        connect(m_services->sync(), &SyncService::uploadProgress, this,
                &PhotoUploadsModel::onProgress);
    }
    emit servicesChanged();
    reload();
}

void PhotoUploadsModel::reload() {
    if (!m_services || !m_services->store())
        return;
    m_services->store()->run(
        this,
        [](LocalStore& store) {
            std::vector<BlobUpload> rows;
            try {
                rows = waitingBlobUploads(store.database(), kShown);
                for (BlobUpload& failed : failedBlobUploads(store.database(), kShown))
                    rows.push_back(std::move(failed));
            } catch (const DatabaseError& e) {
                // The sync page's counts come from the sync thread; this list is what they detail.
                logReadFailed("the photo uploads", e);
            }
            return rows;
        },
        [this](std::vector<BlobUpload> rows) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            emit countChanged();
        });
}

void PhotoUploadsModel::onProgress(const QString& sha256, qint64 sent, qint64 total) {
    const std::string sha = sha256.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].sha256 != sha)
            continue;
        m_rows[i].offset = sent;
        m_rows[i].size = total;
        m_rows[i].state = BlobUploadState::uploading;
        const QModelIndex at = index(static_cast<int>(i));
        emit dataChanged(at, at, {ProgressRole, StateRole});
        return;
    }
}

}  // namespace duban::app
