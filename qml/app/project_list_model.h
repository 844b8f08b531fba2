#pragma once
// The project list (design.md §8): search and filters over SQL, read a page at a time on the
// store's thread — never the whole table — so 10,000 projects scroll as smoothly as 45.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <vector>

#include "core/store/project_query.h"
#include "qml/app/gadget_roles.h"
#include "qml/app/paged_rows.h"
#include "qml/app/store_executor.h"

namespace duban::app {

// One project as a row of the list and as `get(row)` gives it; the fields are the roles.
struct ProjectItem {
    Q_GADGET
    QML_VALUE_TYPE(projectItem)
    Q_PROPERTY(QString projectId MEMBER projectId FINAL)
    Q_PROPERTY(QString code MEMBER code FINAL)
    Q_PROPERTY(QString name MEMBER name FINAL)
    Q_PROPERTY(QString category MEMBER category FINAL)
    Q_PROPERTY(QString stage MEMBER stage FINAL)
    Q_PROPERTY(QString years MEMBER years FINAL)                      // "2021—2024"
    Q_PROPERTY(QString totalInvestment MEMBER totalInvestment FINAL)  // "273,027万元"
    Q_PROPERTY(QString planInvestment MEMBER planInvestment FINAL)    // this year's
    Q_PROPERTY(QString completedThisYear MEMBER completedThisYear FINAL)
    // 完成率 (core's rule) as a number, 16.67, -1 without a plan; and as text, "16.7%".
    Q_PROPERTY(double completionPercent MEMBER completionPercent FINAL)
    Q_PROPERTY(QString completionRate MEMBER completionRate FINAL)
    Q_PROPERTY(int warningLevel MEMBER warningLevel FINAL)
    Q_PROPERTY(QString units MEMBER units FINAL)
    // Its reports and visits with changes not sent yet (待上传).
    Q_PROPERTY(int waiting MEMBER waiting FINAL)

public:
    QString projectId;
    QString code;
    QString name;
    QString category;
    QString stage;
    QString years;
    QString totalInvestment;
    QString planInvestment;
    QString completedThisYear;
    double completionPercent = -1;
    QString completionRate;
    int warningLevel = 0;
    QString units;
    int waiting = 0;
};

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class ProjectListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(duban::app::StoreExecutor* store READ store WRITE setStore NOTIFY storeChanged FINAL)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString listCode READ listCode WRITE setListCode NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString stage READ stage WRITE setStage NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY filterChanged FINAL)
    Q_PROPERTY(QString townshipId READ townshipId WRITE setTownshipId NOTIFY filterChanged FINAL)
    Q_PROPERTY(int minWarningLevel READ minWarningLevel WRITE setMinWarningLevel NOTIFY
                   filterChanged FINAL)
    Q_PROPERTY(QString myUnitId READ myUnitId WRITE setMyUnitId NOTIFY filterChanged FINAL)
    Q_PROPERTY(Sort sort READ sort WRITE setSort NOTIFY filterChanged FINAL)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)  // rows loaded so far
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged FINAL)
    // Why the list could not be read (the store failed); "" when it was.
    Q_PROPERTY(QString message READ message NOTIFY loadingChanged FINAL)

public:
    enum Sort { SeedOrder, ByName, ByTotalInvestment, ByPlanInvestment, ByWarningLevel };
    Q_ENUM(Sort)

    explicit ProjectListModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(ProjectListModel)

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    [[nodiscard]] StoreExecutor* store() const { return m_store; }
    void setStore(StoreExecutor* store);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    [[nodiscard]] QString category() const { return m_category; }
    void setCategory(const QString& value);
    [[nodiscard]] QString listCode() const { return m_listCode; }
    void setListCode(const QString& value);
    [[nodiscard]] QString stage() const { return m_stage; }
    void setStage(const QString& value);
    [[nodiscard]] QString unitId() const { return m_unitId; }
    void setUnitId(const QString& value);
    [[nodiscard]] QString townshipId() const { return m_townshipId; }
    void setTownshipId(const QString& value);
    [[nodiscard]] int minWarningLevel() const { return m_minWarningLevel; }
    void setMinWarningLevel(int level);
    [[nodiscard]] QString myUnitId() const { return m_myUnitId; }
    void setMyUnitId(const QString& value);
    [[nodiscard]] Sort sort() const { return m_sort; }
    void setSort(Sort sort);
    [[nodiscard]] int totalCount() const { return m_page.total(); }
    [[nodiscard]] bool loading() const { return m_page.loading(); }
    [[nodiscard]] QString message() const { return m_message; }

    // The id at a row, for a test or a click ("" outside the loaded rows).
    Q_INVOKABLE QString idAt(int row) const;
    // A loaded row (an empty projectId outside the loaded rows).
    Q_INVOKABLE duban::app::ProjectItem get(int row) const;
    // The next page, when there is one and none is on its way.
    Q_INVOKABLE void loadMore() { fetchMore({}); }
    [[nodiscard]] int count() const { return rowCount(); }

signals:
    void storeChanged();
    void filterChanged();
    void totalCountChanged();
    void countChanged();
    void loadingChanged();

private:
    friend class PagedRows<ProjectItem>;  // inserts the pages it reads
    // What a reload read: the rows, their total, or why not.
    struct Loaded {
        std::vector<ProjectItem> rows;
        int total = 0;
        QString error;
    };

    void setFilterString(QString& field, const QString& value);
    void scheduleReload();
    void reload();
    // Reads the rows already shown again (a sync or a save changed them), keeping the scroll.
    void refresh();
    [[nodiscard]] ProjectFilter filter() const;
    [[nodiscard]] duban::ProjectSort coreSort() const;
    // Reads the first `limit` rows and the total on the store's thread; then `show` unless stale.
    template <class Show>
    void read(int limit, Show show);
    void pageRead(const QString& error);

    QPointer<StoreExecutor> m_store;
    QString m_searchText;
    QString m_category;
    QString m_listCode;
    QString m_stage;
    QString m_unitId;
    QString m_townshipId;
    int m_minWarningLevel = 0;
    QString m_myUnitId;
    Sort m_sort = SeedOrder;
    // Answers to an older filter arrive after a newer one was asked: the pager drops them.
    PagedRows<ProjectItem> m_page;
    QString m_message;
    QTimer m_debounce;
};

}  // namespace duban::app
