#pragma once
// The month as the notice's table (月调度表), written as .xlsx with libxlsxwriter: 序号, 项目名称,
// 建设起止年限, 建设阶段, 总投资, 年度计划投资, 1–N月完成投资, 完成率, 形象进度, 存在问题,
// 责任单位 — money in 万元 — with a subtotal row per category (一、新型工业…) and a grand total
// (合计) whose figures are the core's totals, so they add up.
#include <filesystem>
#include <string>

#include "core/export/month_table.h"
#include "core/store/dispatch_month.h"
#include "core/util/result.h"

namespace duban {

// `title`: the sheet's heading, e.g. "2022年吉首市重点产业项目6月调度表".
[[nodiscard]] Status writeMonthXlsx(const DispatchMonth& month, const std::string& title,
                                    const std::filesystem::path& file);

}  // namespace duban
