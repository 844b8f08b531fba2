#include "qml/app/review_queue_model.h"

#include <QCoreApplication>

#include "qml/app/field_errors.h"
#include "qml/app/filter_options.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"

namespace duban::app {
namespace {

struct Page {
    std::vector<QueueRow> rows;
    int total = 0;
    QueueChoices choices;
    QString error;  // why the queue could not be read
};

std::optional<std::string> optionalText(const QString& text) {
    return text.isEmpty() ? std::nullopt : std::optional(text.toStdString());
}

}  // namespace

ReviewQueueModel::ReviewQueueModel(QObject* parent) : QAbstractListModel(parent) {
    connect(this, &QAbstractItemModel::modelReset, this, &ReviewQueueModel::countsChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ReviewQueueModel::countsChanged);
}

int ReviewQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_page.size();
}

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QueueRow& row = m_page.at(index.row());
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
    return !parent.isValid() && m_services && m_services->store() && m_page.hasMore();
}

void ReviewQueueModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_page.fetchMore(
        this, *m_services->store(),
        [filter = filter()](LocalStore& store, int offset, int limit) {
            return listReviewQueue(store.database(), filter, limit, offset);
        },
        [this](const QString& error) {
            if (error.isEmpty())
                return;
            m_readError = error;
            emit countsChanged();
        });
}

void ReviewQueueModel::setServices(Services* services) {
    if (!followServices(m_services, services, this, &ReviewQueueModel::reload))
        return;
    emit servicesChanged();
    reload();
}

void ReviewQueueModel::reload() {
    const quint64 generation = m_page.startReload();
    if (!m_services || !m_services->store())
        return;
    const int shown = m_page.reloadSize();
    m_services->store()->run(
        this,
        [shown, filter = filter()](LocalStore& store) {
            Page page;
            try {
                page.total = countReviewQueue(store.database(), filter);
                page.rows = listReviewQueue(store.database(), filter, shown, 0);
                page.choices = loadQueueChoices(store.database());
            } catch (const DatabaseError& e) {
                page = Page{{}, 0, {}, storeReadFailed("the review queue", e)};
            }
            return page;
        },
        [this, generation](Page page) {
            if (m_page.isStale(generation))
                return;
            beginResetModel();
            m_page.replace(std::move(page.rows), page.total);
            m_units = filterMenu(page.choices.units,
                                 QCoreApplication::translate("Duban", "全部责任单位"));
            m_projects =
                filterMenu(page.choices.projects, QCoreApplication::translate("Duban", "全部项目"));
            // A selection keeps only records still waiting.
            QSet<QString> still;
            for (const QueueRow& row : m_page.rows()) {
                const QString id = QString::fromStdString(row.id);
                if (m_selected.contains(id))
                    still.insert(id);
            }
            m_selected = still;
            m_readError = page.error;
            endResetModel();
        });
}

QueueFilter ReviewQueueModel::filter() const {
    QueueFilter f;
    if (!m_kind.isEmpty()) {
        // An unknown kind matches nothing rather than everything.
        f.entity = parseEnum<Entity>(m_kind.toStdString()).value_or(Entity::milestone);
    }
    f.unitId = optionalText(m_unitId);
    f.projectId = optionalText(m_projectId);
    return f;
}

void ReviewQueueModel::setFilter(QString& field, const QString& value) {
    if (field == value)
        return;
    field = value;
    emit filterChanged();
    reload();
}

void ReviewQueueModel::setKind(const QString& kind) {
    setFilter(m_kind, kind);
}

void ReviewQueueModel::setUnitId(const QString& unitId) {
    setFilter(m_unitId, unitId);
}

void ReviewQueueModel::setProjectId(const QString& projectId) {
    setFilter(m_projectId, projectId);
}

QVariantList ReviewQueueModel::kinds() const {
    return filterMenu(
        {{"progress_report", QCoreApplication::translate("Duban", "进度填报").toStdString()},
         {"site_visit", QCoreApplication::translate("Duban", "现场走访").toStdString()}},
        QCoreApplication::translate("Duban", "全部类型"));
}

void ReviewQueueModel::setSelected(int row, bool selected) {
    if (row < 0 || row >= rowCount())
        return;
    const QString id = QString::fromStdString(m_page.at(row).id);
    if (selected)
        m_selected.insert(id);
    else
        m_selected.remove(id);
    emit dataChanged(index(row), index(row), {SelectedRole});
    emit countsChanged();
}

void ReviewQueueModel::selectAll() {
    for (const QueueRow& row : m_page.rows())
        m_selected.insert(QString::fromStdString(row.id));
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {SelectedRole});
    emit countsChanged();
}

QString ReviewQueueModel::idAt(int row) const {
    return row >= 0 && row < rowCount() ? QString::fromStdString(m_page.at(row).id) : QString();
}

void ReviewQueueModel::approveSelected() {
    if (!m_services || !m_services->store() || m_selected.isEmpty())
        return;
    std::vector<std::pair<std::string, Entity>> targets;
    for (const QueueRow& row : m_page.rows()) {
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
