#pragma once
// The dispatch board's words and figures (docs/dispatch.md): 万元 numbers, a group's counts, a
// month's report status and a work task's targets, as the board's rows and totals show them.
#include <QString>

#include <optional>

#include "core/store/dispatch_month.h"

namespace duban::app {

// "273,027"; "—" when unknown.
[[nodiscard]] QString wanNumber(std::optional<Yuan> amount);
// A group's "12 个 · 按时 8 · 逾期 1 · 退回 0 · 未报送 3".
[[nodiscard]] QString countsText(const DispatchTotals& t);
// A work task's target counts in words; none for a board of projects.
[[nodiscard]] QString targetCountsText(const DispatchTotals& t);
// 按时报送 / 逾期报送 / 被退回 / 未报送 / 未到期
[[nodiscard]] QString statusText(MonthReportStatus status);
// 已完成 / 进行中 / 滞后 / 未开始 / 无目标
[[nodiscard]] QString targetStatusText(TargetStatus status);
// 本期目标: the current target's title, or 无.
[[nodiscard]] QString targetText(const DispatchRow& r);
// "目标值 2家 · 2022-12-31 到期 · 本期共 2 项"
[[nodiscard]] QString targetDetail(const DispatchRow& r);
// 全年目标: the year's target's title, with its figure; 无 without one.
[[nodiscard]] QString yearTargetText(const DispatchRow& r);
// 已报进度: "80% · 2022-06 · 到位资金1.2亿元", or "未报进度".
[[nodiscard]] QString reportedText(const DispatchRow& r);

}  // namespace duban::app
