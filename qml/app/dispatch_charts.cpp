#include "qml/app/dispatch_charts.h"

#include "qml/app/dispatch_text.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

double wan(Yuan amount) {
    return static_cast<double>(amount) / 10'000.0;
}

}  // namespace

QVariantMap totalsMap(const DispatchTotals& t) {
    return {{"projects", t.projects},
            {"total", wanNumber(t.totalInvestment)},
            {"plan", wanNumber(t.planInvestment)},
            {"completed", wanNumber(t.completedThroughMonth)},
            {"month", wanNumber(t.completedInMonth)},
            {"rate", rateText(t.completionPercent)},
            {"onTime", t.onTime},
            {"late", t.late},
            {"returned", t.returned},
            {"missing", t.missing},
            {"notYetDue", t.notYetDue},
            {"due", t.milestonesDueInMonth},
            {"overdue", t.milestonesOverdue},
            {"warned", t.warned},
            {"tasks", t.tasks},
            {"targetsAchieved", t.targetsAchieved},
            {"targetsOnTrack", t.targetsOnTrack},
            {"targetsBehind", t.targetsBehind},
            {"targetsNotStarted", t.targetsNotStarted},
            {"targetsNone", t.targetsNone},
            {"targetCounts", targetCountsText(t)}};
}

QVariantList chartOf(const std::vector<DispatchGroup>& groups) {
    QVariantList bars;
    for (const DispatchGroup& g : groups) {
        bars.append(QVariantMap{{"label", QString::fromStdString(g.label)},
                                {"plan", wan(g.totals.planInvestment)},
                                {"completed", wan(g.totals.completedThroughMonth)},
                                {"rate", g.totals.completionPercent.value_or(-1.0)},
                                {"rateText", rateText(g.totals.completionPercent)}});
    }
    return bars;
}

}  // namespace duban::app
