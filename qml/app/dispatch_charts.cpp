#include "qml/app/dispatch_charts.h"

#include "qml/app/dispatch_text.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

double wan(Yuan amount) {
    return static_cast<double>(amount) / 10'000.0;
}

}  // namespace

DispatchFigures figuresOf(const DispatchTotals& t) {
    DispatchFigures f;
    f.projects = t.projects;
    f.total = wanNumber(t.totalInvestment);
    f.plan = wanNumber(t.planInvestment);
    f.completed = wanNumber(t.completedThroughMonth);
    f.month = wanNumber(t.completedInMonth);
    f.rate = rateText(t.completionPercent);
    f.onTime = t.onTime;
    f.late = t.late;
    f.returned = t.returned;
    f.missing = t.missing;
    f.notYetDue = t.notYetDue;
    f.due = t.milestonesDueInMonth;
    f.overdue = t.milestonesOverdue;
    f.warned = t.warned;
    f.tasks = t.tasks;
    f.targetsAchieved = t.targetsAchieved;
    f.targetsOnTrack = t.targetsOnTrack;
    f.targetsBehind = t.targetsBehind;
    f.targetsNotStarted = t.targetsNotStarted;
    f.targetsNone = t.targetsNone;
    f.targetCounts = targetCountsText(t);
    return f;
}

QVariantList chartOf(const std::vector<DispatchGroup>& groups) {
    QVariantList bars;
    for (const DispatchGroup& g : groups) {
        bars.append(QVariant::fromValue(
            GroupBar{QString::fromStdString(g.label), wan(g.totals.planInvestment),
                     wan(g.totals.completedThroughMonth), g.totals.completionPercent.value_or(-1.0),
                     rateText(g.totals.completionPercent)}));
    }
    return bars;
}

}  // namespace duban::app
