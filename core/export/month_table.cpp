#include "core/export/month_table.h"

#include <cmath>
#include <cstdio>

namespace duban {

MonthTable monthTable(const DispatchMonth& month) {
    MonthTable table;
    table.totalLabel = "合计（" + std::to_string(month.rows.size()) + "个）";
    table.total = grandTotal(month);
    int section = 0;
    for (const DispatchGroup& group : groupDispatch(month, DispatchGrouping::category)) {
        MonthTableSection s;
        s.label = chineseNumber(++section) + "、" + group.label + "（" +
                  std::to_string(group.rows.size()) + "个）";
        s.totals = group.totals;
        for (const std::size_t i : group.rows)
            s.rows.push_back(&month.rows[i]);
        table.sections.push_back(std::move(s));
    }
    return table;
}

std::vector<std::string> monthColumns(const Period& period) {
    const std::string through = period.month == 1
                                    ? "1月完成投资（万元）"
                                    : "1—" + std::to_string(period.month) + "月完成投资（万元）";
    return {
        "序号",  "项目名称", "建设起止年限", "建设阶段", "总投资（万元）", "年度计划投资（万元）",
        through, "完成率",   "形象进度",     "存在问题", "责任单位"};
}

std::string monthTitle(const Database& db, const Period& period, const ProjectFilter& filter) {
    // The list's own name: "2022年吉首市重点产业项目表" already carries its year.
    std::string list = "吉首市重点项目";
    if (filter.listCode) {
        Statement s = db.prepare("SELECT name FROM list WHERE code = ?");
        s.bindAll(*filter.listCode);
        if (s.step())
            list = s.text(0);
    }
    return list + "（" + std::to_string(period.year) + "年" + std::to_string(period.month) +
           "月调度）";
}

std::string yearsCell(const DispatchRow& row) {
    if (row.startYear && row.endYear && *row.startYear != *row.endYear)
        return std::to_string(*row.startYear) + "—" + std::to_string(*row.endYear);
    if (row.startYear || row.endYear)
        return std::to_string(row.startYear ? *row.startYear : *row.endYear);
    return {};
}

std::string rateCell(const std::optional<double>& percent) {
    if (!percent || !std::isfinite(*percent))
        return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", *percent);
    return text;
}

double scheduleSharePercent(const Period& period) {
    return static_cast<double>(period.month) * 100.0 / 12.0;
}

std::string chineseNumber(int n) {
    static const char* const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n >= 100)
        return std::to_string(n);
    const int tens = n / 10;
    const int ones = n % 10;
    std::string out;
    if (tens > 1)
        out += kDigits[tens];
    if (tens > 0)
        out += "十";
    out += kDigits[ones];
    return out;
}

}  // namespace duban
