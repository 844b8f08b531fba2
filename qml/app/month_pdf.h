#pragma once
// The month as a PDF in the notice's table layout (docs/dispatch.md, "Export"): title, the
// reports' status with the projects not reported on time named, the table of core's MonthTable
// (合计, sections with subtotals, projects), and completion by category and by unit as charts.
// A4 landscape; the header row repeats on every page.
#include <array>
#include <filesystem>
#include <string>

#include "core/store/dispatch_month.h"
#include "core/util/result.h"

namespace duban::app {

// Each column's share of the page's width in percent, in the notice's order (monthColumns).
inline constexpr std::array<int, 11> kMonthPdfColumnWidths = {4, 17, 7, 6, 8, 8, 8, 6, 15, 12, 9};

[[nodiscard]] Status writeMonthPdf(const DispatchMonth& month, const std::string& title,
                                   const std::filesystem::path& file);

}  // namespace duban::app
