#pragma once
// The month as the notice's table (月调度表), independent of the file it is written to: the
// columns, the 合计 line, one section per category (一、新型工业（11个）) with its subtotal and
// its projects numbered from 1, and the cell texts. The .xlsx and the PDF are both written from
// this, so both have the same lines in the same order and the same totals.
#include <string>
#include <vector>

#include "core/store/database.h"
#include "core/store/dispatch_month.h"

namespace duban {

struct MonthTableSection {
    std::string label;  // "一、新型工业（11个）"
    DispatchTotals totals;
    std::vector<const DispatchRow*> rows;  // numbered 1… within the section
};

struct MonthTable {
    std::string totalLabel;  // "合计（45个）"
    DispatchTotals total;
    std::vector<MonthTableSection> sections;
};

// `month` must outlive the table (rows point into it).
[[nodiscard]] MonthTable monthTable(const DispatchMonth& month);

// 序号, 项目名称, 建设起止年限, 建设阶段, 总投资（万元）, 年度计划投资（万元）,
// 1–N月完成投资（万元）, 完成率, 形象进度, 存在问题, 责任单位.
[[nodiscard]] std::vector<std::string> monthColumns(const Period& period);

// The table's heading: "<list name>（2022年6月调度）"; 吉首市重点项目 without a list.
[[nodiscard]] std::string monthTitle(const Database& db, const Period& period,
                                     const ProjectFilter& filter);

// Cell texts: "2021—2023"; "45.2%" (empty without a plan); money is formatWanNumber.
[[nodiscard]] std::string yearsCell(const DispatchRow& row);
[[nodiscard]] std::string rateCell(const std::optional<double>& percent);

// 序时进度: the share of the year gone by the end of the month (June: 50%), which a table's
// completion rates are read against.
[[nodiscard]] double scheduleSharePercent(const Period& period);

// "一", "二", … "九十九": how a government table numbers its sections.
[[nodiscard]] std::string chineseNumber(int n);

}  // namespace duban
