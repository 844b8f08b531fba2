#pragma once
// The board's figures beside its table: the grand total, and completion (完成率) per category and
// per unit as the charts draw them.
#include <QVariantList>
#include <QVariantMap>

#include <vector>

#include "core/store/dispatch_month.h"

namespace duban::app {

// projects, total, plan, completed, month, rate, onTime, late, …, targetCounts.
[[nodiscard]] QVariantMap totalsMap(const DispatchTotals& t);
// [{label, plan, completed, rate, rateText}] in 万元, one bar per group.
[[nodiscard]] QVariantList chartOf(const std::vector<DispatchGroup>& groups);

}  // namespace duban::app
