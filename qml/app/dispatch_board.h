#pragma once
// The supervisor's dispatch board (月调度, docs/dispatch.md): a month's projects or work tasks,
// grouped by category, lead unit or township, each group headed by its subtotals; the grand
// total and completion by category and by unit for the charts. Read on the store's thread,
// again whenever the store changes (a sync, an approval).
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>
#include <QVariantList>

#include <vector>

#include "core/store/dispatch_month.h"
#include "qml/app/dispatch_charts.h"
#include "qml/app/services.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class DispatchBoard : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    // "2022-06"; the current month (Beijing, by the services' clock) until set.
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY settingsChanged FINAL)
    // The day the board is read on, "2022-06-30"; today (Beijing) when empty.
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY settingsChanged FINAL)
    // "category" | "unit" | "township"
    Q_PROPERTY(QString grouping READ grouping WRITE setGrouping NOTIFY settingsChanged FINAL)
    // "investment_project" | "work_task"
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY settingsChanged FINAL)
    Q_PROPERTY(QString listCode READ listCode WRITE setListCode NOTIFY settingsChanged FINAL)
    Q_PROPERTY(bool loading READ loading NOTIFY loaded FINAL)
    Q_PROPERTY(QString periodError READ periodError NOTIFY loaded FINAL)
    // Why the month could not be read (the store failed); "" when it was.
    Q_PROPERTY(QString loadError READ loadError NOTIFY loaded FINAL)
    // The grand total: projects, plan, completed, rate, onTime, late, missing, returned, …, and
    // for work tasks: tasks, targetsAchieved, …, targetCounts (the group's words for them)
    Q_PROPERTY(duban::app::DispatchFigures totals READ totals NOTIFY loaded FINAL)
    // groupBar values (label, plan, completed, rate, rateText) in 万元, for the charts.
    Q_PROPERTY(QVariantList byCategory READ byCategory NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList byUnit READ byUnit NOTIFY loaded FINAL)
    // The last export: the file written, or why not.
    Q_PROPERTY(QString exported READ exported NOTIFY exportedChanged FINAL)
    Q_PROPERTY(QString exportError READ exportError NOTIFY exportedChanged FINAL)

public:
    enum Role {
        EntryRole = Qt::UserRole + 1,  // "group" or "project"
        LabelRole,                     // the group's label, or the project's name
        ProjectIdRole,
        YearsRole,
        StageRole,
        TotalRole,      // 总投资, "273,027"
        PlanRole,       // 年度计划, 万元 number text
        CompletedRole,  // 1–N月完成
        MonthRole,      // 本月完成
        RateRole,       // "16.7%"
        RateValueRole,  // 16.7, or -1 when there is no plan
        StatusRole,     // on_time | late | returned | missing | not_yet_due (projects)
        StatusTextRole,
        ProgressRole,
        ProblemsRole,
        UnitsRole,
        DueRole,      // milestones due this month
        OverdueRole,  // milestones overdue
        NextMilestoneRole,
        WarningRole,
        CountsRole,  // a group's "12 个 · 按时 8 · 逾期 1 · 未报送 3"
        // Work tasks (docs/dispatch.md, "Work tasks and their targets"); "" for projects.
        TargetRole,        // 本期目标: the current target's title
        TargetDetailRole,  // "目标值 2家 · 2022-12-31 到期 · 本期共 2 项"
        YearTargetRole,    // 全年目标: the year's target's title, with its figure
        ReportedRole,  // 已报进度: "80% · 2022-06 · 到位资金1.2亿元", or "未报进度"
        ReportedPercentRole,  // 80, or -1 when none was reported toward the target
        TargetStatusRole,     // achieved | on_track | behind | not_started | no_target
        TargetStatusTextRole,
        TargetCountsRole,  // a group's "目标：已完成 1 · 进行中 2 · 滞后 0 · 未开始 0 · 无目标 0"
    };
    Q_ENUM(Role)

    explicit DispatchBoard(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] QString period() const { return m_period; }
    void setPeriod(const QString& period);
    [[nodiscard]] QString today() const { return m_today; }
    void setToday(const QString& today);
    [[nodiscard]] QString grouping() const { return m_grouping; }
    void setGrouping(const QString& grouping);
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString& kind);
    [[nodiscard]] QString listCode() const { return m_listCode; }
    void setListCode(const QString& listCode);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QString periodError() const { return m_periodError; }
    [[nodiscard]] QString loadError() const { return m_loadError; }
    [[nodiscard]] DispatchFigures totals() const { return m_totals; }
    [[nodiscard]] QVariantList byCategory() const { return m_byCategory; }
    [[nodiscard]] QVariantList byUnit() const { return m_byUnit; }
    [[nodiscard]] QString exported() const { return m_exported; }
    [[nodiscard]] QString exportError() const { return m_exportError; }

    // The month before or after the one shown.
    Q_INVOKABLE void previousMonth();
    Q_INVOKABLE void nextMonth();
    // Writes the month as the notice's table (.xlsx) into <data folder>/exports/.
    Q_INVOKABLE void exportXlsx();
    // The same table as a PDF, with the charts (A4 landscape).
    Q_INVOKABLE void exportPdf();

signals:
    void servicesChanged();
    void settingsChanged();
    void loaded();
    void exportedChanged();

private:
    struct Entry {
        bool group = false;
        std::size_t index = 0;  // into m_groups or m_month.rows
    };
    struct Loaded;

    void setSetting(QString& field, const QString& value);
    void reload();
    void show(Loaded month);
    [[nodiscard]] ProjectFilter filter() const;
    void exportMonth(bool pdf);

    QPointer<Services> m_services;
    QString m_period;
    QString m_today;
    QString m_grouping = QStringLiteral("category");
    QString m_kind = QStringLiteral("investment_project");
    QString m_listCode;
    bool m_loading = false;
    QString m_periodError;
    QString m_loadError;
    DispatchMonth m_month;
    std::vector<DispatchGroup> m_groups;
    std::vector<Entry> m_entries;
    DispatchFigures m_totals;
    QVariantList m_byCategory;
    QVariantList m_byUnit;
    QString m_exported;
    QString m_exportError;
    quint64 m_generation = 0;
};

}  // namespace duban::app
