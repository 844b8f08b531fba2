#include "qml/app/review_queue_model.h"

#include <QCoreApplication>

#include "qml/app/field_errors.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

struct Page {
    std::vector<QueueRow> rows;
    int total = 0;
};

}  // namespace

ReviewQueueModel::ReviewQueueModel(QObject* parent) : QAbstractListModel(parent) {
    connect(this, &QAbstractItemModel::modelReset, this, &ReviewQueueModel::countsChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ReviewQueueModel::countsChanged);
}

int ReviewQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QueueRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case IdRole:
            return QString::fromStdString(row.id);
        case EntityRole:
            return QString::fromStdString(std::string(toString(row.entity)));
        case ProjectRole:
            return QString::fromStdString(row.projectName);
        case WhenRole:
            return row.entity == Entity::site_visit ? instantText(row.when)
                                                    : QString::fromStdString(row.when);
        case StateRole:
            return QString::fromStdString(std::string(toString(row.state)));
        case VersionRole:
            return static_cast<int>(row.version);
        case SummaryRole:
            return QString::fromStdString(row.summary);
        case PhotosRole:
            return row.photos;
        case SelectedRole:
            return m_selected.contains(QString::fromStdString(row.id));
        default:
            return {};
    }
}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const {
    return {{IdRole, "recordId"},     {EntityRole, "entity"}, {ProjectRole, "project"},
            {WhenRole, "when"},       {StateRole, "state"},   {VersionRole, "version"},
            {SummaryRole, "summary"}, {PhotosRole, "photos"}, {SelectedRole, "selected"}};
}

bool ReviewQueueModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_services && m_services->store() && !m_loading &&
           rowCount() < m_total;
}

void ReviewQueueModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    const int offset = rowCount();
    m_services->store()->run(
        this,
        [offset](LocalStore& store) {
            try {
                return listReviewQueue(store.database(), kPageSize, offset);
            } catch (const DatabaseError&) {
                return std::vector<QueueRow>{};
            }
        },
        [this, generation, offset](std::vector<QueueRow> rows) {
            if (generation != m_generation || offset != rowCount())
                return;
            m_loading = false;
            if (rows.empty())
                return;
            beginInsertRows({}, offset, offset + static_cast<int>(rows.size()) - 1);
            std::move(rows.begin(), rows.end(), std::back_inserter(m_rows));
            endInsertRows();
        });
}

void ReviewQueueModel::setServices(Services* services) {
    if (services == m_services)
        return;
    m_services = services;
    if (m_services && m_services->store())
        connect(m_services->store(), &StoreExecutor::changed, this, &ReviewQueueModel::reload);
    emit servicesChanged();
    reload();
}

void ReviewQueueModel::reload() {
    const quint64 generation = ++m_generation;
    if (!m_services || !m_services->store())
        return;
    m_loading = true;
    const int shown = std::max(rowCount(), kPageSize);
    m_services->store()->run(
        this,
        [shown](LocalStore& store) {
            Page page;
            try {
                page.total = countReviewQueue(store.database());
                page.rows = listReviewQueue(store.database(), shown, 0);
            } catch (const DatabaseError&) {
            }
            return page;
        },
        [this, generation](Page page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            beginResetModel();
            m_rows = std::move(page.rows);
            m_total = page.total;
            // A selection keeps only records still waiting.
            QSet<QString> still;
            for (const QueueRow& row : m_rows) {
                const QString id = QString::fromStdString(row.id);
                if (m_selected.contains(id))
                    still.insert(id);
            }
            m_selected = still;
            endResetModel();
        });
}

void ReviewQueueModel::setSelected(int row, bool selected) {
    if (row < 0 || row >= rowCount())
        return;
    const QString id = QString::fromStdString(m_rows[static_cast<std::size_t>(row)].id);
    if (selected)
        m_selected.insert(id);
    else
        m_selected.remove(id);
    emit dataChanged(index(row), index(row), {SelectedRole});
    emit countsChanged();
}

void ReviewQueueModel::selectAll() {
    for (const QueueRow& row : m_rows)
        m_selected.insert(QString::fromStdString(row.id));
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {SelectedRole});
    emit countsChanged();
}

void ReviewQueueModel::clearSelection() {
    m_selected.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {SelectedRole});
    emit countsChanged();
}

QString ReviewQueueModel::idAt(int row) const {
    return row >= 0 && row < rowCount()
               ? QString::fromStdString(m_rows[static_cast<std::size_t>(row)].id)
               : QString();
}

void ReviewQueueModel::approveSelected() {
    if (!m_services || !m_services->store() || m_selected.isEmpty())
        return;
    std::vector<std::pair<std::string, Entity>> targets;
    for (const QueueRow& row : m_rows) {
        if (m_selected.contains(QString::fromStdString(row.id)))
            targets.emplace_back(row.id, row.entity);
    }
    m_services->store()->run(
        this,
        [targets, actor = m_services->actor()](LocalStore& store) {
            int approved = 0;
            QStringList refused;
            for (const auto& [id, entity] : targets) {
                const Status done = store.transition(actor, entity, id, Transition::approve);
                if (done)
                    ++approved;
                else
                    refused << errorText(done.error());
            }
            QString message = QCoreApplication::translate("Duban", "已通过 %1 条").arg(approved);
            if (!refused.isEmpty())
                message += QCoreApplication::translate("Duban", "；%1 条未通过：%2")
                               .arg(refused.size())
                               .arg(refused.join(QStringLiteral("；")));
            return message;
        },
        [this](const QString& message) {
            m_message = message;
            m_selected.clear();
            m_services->store()->notifyChanged();
            if (m_services->sync())
                m_services->sync()->noteLocalChange();
            emit countsChanged();
        });
}

}  // namespace duban::app
