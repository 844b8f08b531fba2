#include "qml/app/todo_model.h"

#include "core/store/todo.h"
#include "qml/app/log_categories.h"
#include "qml/app/todo_text.h"

namespace duban::app {
namespace {

constexpr int kRowsPerSection = 5;  // a glance; "全部" shows more in place
constexpr int kMorePerTap = 50;

QString sectionName(TodoSection section) {
    return QString::fromLatin1(toString(section));
}

struct Loaded {
    std::vector<TodoItem> rows;
    TodoCounts counts;
    ReportDeadline due;
    QString deadline;
    QString error;  // why the store could not be read
};

// On the store's thread: the home as rows, each section's header fields on each of its rows.
Loaded loadHome(const LocalStore& store, const Actor& actor, const Date& today,
                TodoSection expanded, int expandedLimit) {
    Loaded out;
    try {
        const TodoHome home =
            readTodoHome(store.database(), actor, today, kRowsPerSection, expanded, expandedLimit);
        out.counts = home.counts;
        out.due = home.deadline;
        out.deadline = deadlineText(home.deadline);
        for (const TodoSectionRows& section : home.sections) {
            const QString name = sectionName(section.section);
            const QString title = sectionTitleText(section.section, home);
            std::vector<TodoItem> items;
            for (const TodoRow& row : section.rows)
                items.push_back(todoItemOf(row, home));
            if (items.empty())
                items.push_back(emptySectionItem(section.section));
            items.back().more = section.total - static_cast<int>(section.rows.size());
            for (TodoItem& item : items) {
                item.section = name;
                item.sectionTitle = title;
                item.sectionCount = section.total;
                out.rows.push_back(std::move(item));
            }
        }
    } catch (const DatabaseError& e) {
        out.error = storeReadFailed("the to-do list", e);
    }
    return out;
}

}  // namespace

TodoModel::TodoModel(QObject* parent) : QAbstractListModel(parent) {}

int TodoModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TodoModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return gadgetRole(m_rows[static_cast<std::size_t>(index.row())], role);
}

QHash<int, QByteArray> TodoModel::roleNames() const {
    return gadgetRoleNames<TodoItem>();
}

TodoItem TodoModel::get(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows[static_cast<std::size_t>(row)];
}

int TodoModel::badgeCount() const {
    return todoBadgeCount(m_role, m_counts, m_due);
}

void TodoModel::setServices(Services* services) {
    if (services == m_services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    followServices(m_services, services, this, &TodoModel::reload);
    if (m_services) {
        connect(m_services, &Services::deviceChanged, this, &TodoModel::followNewStore);
        connect(m_services, &Services::languageChanged, this, &TodoModel::reload);
    }
    emit servicesChanged();
    reload();
}

void TodoModel::followNewStore() {
    // Another sign-in: another store (the old one, gone, took its connection with it).
    if (m_services && m_services->store()) {
        connect(m_services->store(), &StoreExecutor::changed, this, &TodoModel::reload,
                Qt::UniqueConnection);
    }
    reload();
}

void TodoModel::showMore(const QString& section) {
    for (const TodoSection s : todoSectionsFor(m_role)) {
        if (sectionName(s) != section)
            continue;
        m_expandedLimit =
            (s == m_expanded ? std::max(m_expandedLimit, kRowsPerSection) : kRowsPerSection) +
            kMorePerTap;
        m_expanded = s;
        reload();
        return;
    }
}

void TodoModel::reload() {
    const quint64 generation = ++m_generation;
    if (!m_services || !m_services->store())
        return;
    m_loading = true;
    emit countsChanged();
    const Actor actor = m_services->actor();
    m_services->store()->run(
        this,
        [actor, today = m_services->today(), expanded = m_expanded, limit = m_expandedLimit](
            LocalStore& store) { return loadHome(store, actor, today, expanded, limit); },
        [this, generation, role = actor.role](Loaded loaded) {
            if (generation != m_generation)
                return;  // a newer read is on its way
            m_loading = false;
            m_message = loaded.error;
            if (loaded.error.isEmpty()) {
                beginResetModel();
                m_rows = std::move(loaded.rows);
                m_counts = loaded.counts;
                m_role = role;
                m_deadline = loaded.deadline;
                m_due = loaded.due;
                endResetModel();
            }
            emit countsChanged();
        });
}

}  // namespace duban::app
