#pragma once
// The board's figures beside its table, as typed values QML reads (Q_GADGET value types): the
// grand total (and each group's), and completion (完成率) per category and per unit as the charts
// draw them.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QVariantList>

#include <vector>

#include "core/store/dispatch_month.h"

namespace duban::app {

// A total of the board or of one group: counts, and figures as the table writes them.
struct DispatchFigures {
    Q_GADGET
    QML_VALUE_TYPE(dispatchFigures)
    Q_PROPERTY(int projects MEMBER projects FINAL)
    Q_PROPERTY(QString total MEMBER total FINAL)          // 总投资, "273,027" (万元)
    Q_PROPERTY(QString plan MEMBER plan FINAL)            // 年度计划
    Q_PROPERTY(QString completed MEMBER completed FINAL)  // 1–N月完成
    Q_PROPERTY(QString month MEMBER month FINAL)          // 本月完成
    Q_PROPERTY(QString rate MEMBER rate FINAL)            // 完成率, "16.7%"
    Q_PROPERTY(int onTime MEMBER onTime FINAL)
    Q_PROPERTY(int late MEMBER late FINAL)
    Q_PROPERTY(int returned MEMBER returned FINAL)
    Q_PROPERTY(int missing MEMBER missing FINAL)
    Q_PROPERTY(int notYetDue MEMBER notYetDue FINAL)
    Q_PROPERTY(int due MEMBER due FINAL)          // milestones due in the month
    Q_PROPERTY(int overdue MEMBER overdue FINAL)  // milestones overdue
    Q_PROPERTY(int warned MEMBER warned FINAL)
    Q_PROPERTY(int tasks MEMBER tasks FINAL)
    Q_PROPERTY(int targetsAchieved MEMBER targetsAchieved FINAL)
    Q_PROPERTY(int targetsOnTrack MEMBER targetsOnTrack FINAL)
    Q_PROPERTY(int targetsBehind MEMBER targetsBehind FINAL)
    Q_PROPERTY(int targetsNotStarted MEMBER targetsNotStarted FINAL)
    Q_PROPERTY(int targetsNone MEMBER targetsNone FINAL)
    // "目标：已完成 1 · 进行中 2 · …" for work tasks; "" for projects.
    Q_PROPERTY(QString targetCounts MEMBER targetCounts FINAL)

public:
    int projects = 0;
    QString total;
    QString plan;
    QString completed;
    QString month;
    QString rate;
    int onTime = 0;
    int late = 0;
    int returned = 0;
    int missing = 0;
    int notYetDue = 0;
    int due = 0;
    int overdue = 0;
    int warned = 0;
    int tasks = 0;
    int targetsAchieved = 0;
    int targetsOnTrack = 0;
    int targetsBehind = 0;
    int targetsNotStarted = 0;
    int targetsNone = 0;
    QString targetCounts;
};

// One bar of a chart: a group's plan against its completion, in 万元.
struct GroupBar {
    Q_GADGET
    QML_VALUE_TYPE(groupBar)
    Q_PROPERTY(QString label MEMBER label FINAL)
    Q_PROPERTY(double plan MEMBER plan FINAL)
    Q_PROPERTY(double completed MEMBER completed FINAL)
    Q_PROPERTY(double rate MEMBER rate FINAL)  // percent, -1 without a plan
    Q_PROPERTY(QString rateText MEMBER rateText FINAL)

public:
    QString label;
    double plan = 0;
    double completed = 0;
    double rate = -1;
    QString rateText;
};

[[nodiscard]] DispatchFigures figuresOf(const DispatchTotals& t);
// One GroupBar per group (a list of groupBar values for QML).
[[nodiscard]] QVariantList chartOf(const std::vector<DispatchGroup>& groups);

}  // namespace duban::app
