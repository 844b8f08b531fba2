#pragma once
// The to-do home (待办, core/rules/todo): the signed-in user's sections — each with its count and
// first rows — read from the device's store (offline too) on the store's thread, again after
// every save or sync. A row says what it opens; the page only lays it out. The counts feed the
// navigation's badges.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>

#include <vector>

#include "core/rules/todo.h"
#include "qml/app/gadget_roles.h"
#include "qml/app/services.h"

namespace duban::app {

// One row of the home; the fields are the roles. A section without items has one row of kind
// "none" (its header still shows, with the words that nothing waits).
struct TodoItem {
    Q_GADGET
    QML_VALUE_TYPE(todoItem)
    Q_PROPERTY(QString section MEMBER section FINAL)            // report_due, returned, …
    Q_PROPERTY(QString sectionTitle MEMBER sectionTitle FINAL)  // "本月待报 · 12月23日前"
    Q_PROPERTY(int sectionCount MEMBER sectionCount FINAL)
    // What a tap opens: project | progress_report | site_visit | warning | inbox | dispatch |
    // proposals; "none" for an empty section's row.
    Q_PROPERTY(QString target MEMBER target FINAL)
    Q_PROPERTY(QString targetId MEMBER targetId FINAL)
    Q_PROPERTY(QString projectId MEMBER projectId FINAL)
    Q_PROPERTY(QString period MEMBER period FINAL)  // YYYY-MM (the dispatch board's month)
    Q_PROPERTY(QString title MEMBER title FINAL)
    Q_PROPERTY(QString detail MEMBER detail FINAL)  // the reason, the narrative, the message
    Q_PROPERTY(QString meta MEMBER meta FINAL)      // "12月23日前 · 还剩15天", who and when
    Q_PROPERTY(QString tag MEMBER tag FINAL)        // "草稿已存", "预警函", … or ""
    Q_PROPERTY(bool urgent MEMBER urgent FINAL)     // overdue, or a letter of level 2 or more
    // On a section's last row: how many more it has than are shown (0 when all are).
    Q_PROPERTY(int more MEMBER more FINAL)

public:
    QString section;
    QString sectionTitle;
    int sectionCount = 0;
    QString target;
    QString targetId;
    QString projectId;
    QString period;
    QString title;
    QString detail;
    QString meta;
    QString tag;
    bool urgent = false;
    int more = 0;
};

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class TodoModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    Q_PROPERTY(bool loading READ loading NOTIFY countsChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countsChanged FINAL)
    // Every item of the role's sections (core's todoBadgeCount): the home's badge.
    Q_PROPERTY(int badgeCount READ badgeCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int queueCount READ queueCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int lettersCount READ lettersCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int proposalsCount READ proposalsCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int toConfirmCount READ toConfirmCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int reportsDueCount READ reportsDueCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int returnedCount READ returnedCount NOTIFY countsChanged FINAL)
    // This month's deadline in words: "12月23日前报送 · 还剩15天".
    Q_PROPERTY(QString deadline READ deadline NOTIFY countsChanged FINAL)
    Q_PROPERTY(QString message READ message NOTIFY countsChanged FINAL)

public:
    explicit TodoModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int badgeCount() const;
    [[nodiscard]] int queueCount() const { return m_counts[TodoSection::queue]; }
    [[nodiscard]] int lettersCount() const { return m_counts[TodoSection::letters]; }
    [[nodiscard]] int proposalsCount() const { return m_counts[TodoSection::proposals]; }
    [[nodiscard]] int toConfirmCount() const { return m_counts[TodoSection::to_confirm]; }
    [[nodiscard]] int reportsDueCount() const { return m_counts[TodoSection::report_due]; }
    [[nodiscard]] int returnedCount() const { return m_counts[TodoSection::returned]; }
    [[nodiscard]] QString deadline() const { return m_deadline; }
    [[nodiscard]] QString message() const { return m_message; }

    Q_INVOKABLE duban::app::TodoItem get(int row) const;
    // Shows more of a section in place (a page more each time).
    Q_INVOKABLE void showMore(const QString& section);
    // Reads everything again (after a save, a sync, a change of language).
    Q_INVOKABLE void reload();

signals:
    void servicesChanged();
    void countsChanged();

private:
    void followNewStore();

    QPointer<Services> m_services;
    std::vector<TodoItem> m_rows;
    TodoCounts m_counts;
    Role m_role = Role::field;
    ReportDeadline m_due;
    QString m_deadline;
    QString m_message;
    bool m_loading = false;
    quint64 m_generation = 0;
    TodoSection m_expanded = TodoSection::report_due;
    int m_expandedLimit = 0;
};

}  // namespace duban::app
