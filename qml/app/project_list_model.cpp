#include "qml/app/project_list_model.h"

#include <algorithm>

#include "core/rules/dispatch.h"
#include "core/store/pending_uploads.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

constexpr int kTypingPauseMs = 120;  // a search runs when typing pauses, not on every key

std::optional<std::string> optionalText(const QString& text) {
    return text.isEmpty() ? std::nullopt : std::optional(text.toStdString());
}

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

// On the store's thread: a page of projects as the list shows them, with what waits to upload.
std::vector<ProjectItem> itemsOf(const Database& db, const std::vector<ProjectRow>& rows) {
    const std::map<std::string, int> waiting = pendingRecordsByProject(db);
    std::vector<ProjectItem> items;
    items.reserve(rows.size());
    for (const ProjectRow& row : rows) {
        // 完成率: completed this year against the year's plan (core's rule and format).
        const auto rate = completionRate(row.completedThisYear, row.planInvestment);
        items.push_back(ProjectItem{
            text(row.id), text(row.code), text(row.name), text(row.category), text(row.stage),
            yearsText(row.startYear, row.endYear), wanText(row.totalInvestment),
            wanText(row.planInvestment), wanText(row.completedThisYear), rate.value_or(-1.0),
            rateText(rate), row.warningLevel, text(row.unitNames),
            waiting.contains(row.id) ? waiting.at(row.id) : 0});
    }
    return items;
}

}  // namespace

ProjectListModel::ProjectListModel(QObject* parent) : QAbstractListModel(parent) {
    connect(this, &QAbstractItemModel::rowsInserted, this, &ProjectListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ProjectListModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ProjectListModel::countChanged);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kTypingPauseMs);
    connect(&m_debounce, &QTimer::timeout, this, &ProjectListModel::reload);
}

int ProjectListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_page.size();
}

QVariant ProjectListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return gadgetRole(m_page.at(index.row()), role);
}

QHash<int, QByteArray> ProjectListModel::roleNames() const {
    return gadgetRoleNames<ProjectItem>();
}

bool ProjectListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_store && m_page.hasMore();
}

void ProjectListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_page.fetchMore(
        this, *m_store,
        [filter = filter(), sort = coreSort()](LocalStore& store, int offset, int limit) {
            return itemsOf(store.database(),
                           listProjects(store.database(), filter, sort, limit, offset));
        },
        [this](const QString& error) { pageRead(error); });
    emit loadingChanged();
}

void ProjectListModel::pageRead(const QString& error) {
    m_message = error;
    emit loadingChanged();
}

void ProjectListModel::setStore(StoreExecutor* store) {
    if (!followStore(m_store, store, this, &ProjectListModel::refresh))
        return;
    emit storeChanged();
    reload();
}

void ProjectListModel::setFilterString(QString& field, const QString& value) {
    if (field == value)
        return;
    field = value;
    emit filterChanged();
    scheduleReload();
}

void ProjectListModel::setSearchText(const QString& text) {
    if (m_searchText == text)
        return;
    m_searchText = text;
    emit filterChanged();
    m_debounce.start();
}
void ProjectListModel::setCategory(const QString& value) {
    setFilterString(m_category, value);
}
void ProjectListModel::setListCode(const QString& value) {
    setFilterString(m_listCode, value);
}
void ProjectListModel::setStage(const QString& value) {
    setFilterString(m_stage, value);
}
void ProjectListModel::setUnitId(const QString& value) {
    setFilterString(m_unitId, value);
}
void ProjectListModel::setTownshipId(const QString& value) {
    setFilterString(m_townshipId, value);
}
void ProjectListModel::setMyUnitId(const QString& value) {
    setFilterString(m_myUnitId, value);
}
void ProjectListModel::setMinWarningLevel(int level) {
    level = std::clamp(level, 0, 3);
    if (level == m_minWarningLevel)
        return;
    m_minWarningLevel = level;
    emit filterChanged();
    scheduleReload();
}
void ProjectListModel::setSort(Sort sort) {
    if (sort == m_sort)
        return;
    m_sort = sort;
    emit filterChanged();
    scheduleReload();
}

QString ProjectListModel::idAt(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    return m_page.at(row).projectId;
}

ProjectItem ProjectListModel::get(int row) const {
    return row >= 0 && row < rowCount() ? m_page.at(row) : ProjectItem{};
}

void ProjectListModel::scheduleReload() {
    // Several filters set together (a page opening) make one query.
    m_debounce.start(0);
}

template <class Show>
void ProjectListModel::read(int limit, Show show) {
    const quint64 generation = m_page.startReload();
    emit loadingChanged();
    m_store->run(
        this,
        [filter = filter(), sort = coreSort(), limit](LocalStore& store) {
            Loaded loaded;
            try {
                loaded.total = countProjects(store.database(), filter);
                loaded.rows = itemsOf(store.database(),
                                      listProjects(store.database(), filter, sort, limit, 0));
            } catch (const DatabaseError& e) {
                loaded = Loaded{{}, 0, storeReadFailed("the project list", e)};
            }
            return loaded;
        },
        [this, generation, show = std::move(show)](Loaded loaded) {
            if (m_page.isStale(generation))
                return;
            m_message = loaded.error;
            show(std::move(loaded));
            emit totalCountChanged();
            emit loadingChanged();
        });
}

void ProjectListModel::reload() {
    m_debounce.stop();
    // Another filter: the old rows go at once, the new ones come when read.
    beginResetModel();
    m_page.startReload();
    m_page.replace({}, 0);
    endResetModel();
    if (!m_store) {
        emit totalCountChanged();
        emit loadingChanged();
        return;
    }
    read(PagedRows<ProjectItem>::kPageSize, [this](Loaded loaded) {
        if (loaded.rows.empty()) {
            m_page.replace({}, loaded.total);
            return;
        }
        beginInsertRows({}, 0, static_cast<int>(loaded.rows.size()) - 1);
        m_page.replace(std::move(loaded.rows), loaded.total);
        endInsertRows();
    });
}

void ProjectListModel::refresh() {
    if (!m_store || m_page.size() == 0) {
        reload();
        return;
    }
    // A save or a sync: the rows shown are read again, the scroll stays; a failed read keeps them.
    read(m_page.reloadSize(), [this](Loaded loaded) {
        if (!loaded.error.isEmpty()) {
            m_page.keepRows();
            return;
        }
        m_page.refresh(this, std::move(loaded.rows), loaded.total);
    });
}

ProjectFilter ProjectListModel::filter() const {
    ProjectFilter f;
    f.text = m_searchText.toStdString();
    f.category = optionalText(m_category);
    f.listCode = optionalText(m_listCode);
    f.stage = optionalText(m_stage);
    f.unitId = optionalText(m_unitId);
    f.townshipId = optionalText(m_townshipId);
    f.myUnitId = optionalText(m_myUnitId);
    if (m_minWarningLevel > 0)
        f.minWarningLevel = m_minWarningLevel;
    return f;
}

duban::ProjectSort ProjectListModel::coreSort() const {
    switch (m_sort) {
        case ByName:
            return duban::ProjectSort::name;
        case ByTotalInvestment:
            return duban::ProjectSort::totalInvestmentDesc;
        case ByPlanInvestment:
            return duban::ProjectSort::planInvestmentDesc;
        case ByWarningLevel:
            return duban::ProjectSort::warningLevelDesc;
        case SeedOrder:
            break;
    }
    return duban::ProjectSort::seedOrder;
}

}  // namespace duban::app
