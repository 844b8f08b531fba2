#include "qml/app/month_pdf.h"

#include <QString>

#include "core/domain/money.h"
#include "core/export/month_table.h"
#include "core/export/template_fill.h"
#include "core/rules/dispatch.h"
#include "qml/app/bar_chart.h"
#include "qml/app/pdf_document.h"

namespace duban::app {
namespace {

constexpr int kChartWidthPx = 1800;    // drawn at about 180 dpi across the landscape page
constexpr int kChartWidthDocPx = 960;  // shown across it (pdf_document.cpp)

std::string money(const std::optional<std::int64_t>& yuan) {
    return yuan ? formatWanNumber(*yuan) : std::string();
}

class Html {
public:
    Html& raw(const std::string& text) {
        m_text += text;
        return *this;
    }
    Html& text(const std::string& text) {
        m_text += escapeHtml(text);
        return *this;
    }
    Html& cell(const std::string& value, const char* align = "left") {
        return raw("<td align=\"").raw(align).raw("\">").text(value).raw("</td>");
    }
    [[nodiscard]] QString str() const { return QString::fromStdString(m_text); }

private:
    std::string m_text;
};

void totalsRow(Html& html, const std::string& label, const DispatchTotals& t, bool section) {
    html.raw(section ? "<tr style=\"background-color: #f2f2f2; font-weight: 700;\">"
                     : "<tr style=\"background-color: #e3ebf5; font-weight: 700;\">");
    html.raw("<td colspan=\"4\">").text(label).raw("</td>");
    html.cell(formatWanNumber(t.totalInvestment), "right")
        .cell(formatWanNumber(t.planInvestment), "right")
        .cell(formatWanNumber(t.completedThroughMonth), "right")
        .cell(rateCell(t.completionPercent), "right")
        .cell("")
        .cell("")
        .cell("");
    html.raw("</tr>");
}

void projectRow(Html& html, int number, const DispatchRow& row) {
    html.raw("<tr>")
        .cell(std::to_string(number), "center")
        .cell(row.name)
        .cell(yearsCell(row), "center")
        .cell(row.stage, "center")
        .cell(money(row.totalInvestment), "right")
        .cell(money(row.planInvestment), "right")
        .cell(formatWanNumber(row.completedThroughMonth), "right")
        .cell(rateCell(row.completionPercent), "right")
        .cell(row.progress)
        .cell(row.problems)
        .cell(row.unitNames)
        .raw("</tr>");
}

// 报送情况: the counts, then who did not report on time, by name — what the leaders act on.
void reportStatus(Html& html, const DispatchMonth& month, const DispatchTotals& t) {
    const std::string due = formatDateChinese(reportDueDate(month.period));
    html.raw("<p style=\"margin-top: 4pt;\"><b>报送情况：</b>")
        .text("本月应于" + due + "前报送" + std::to_string(t.projects) + "个，按时报送" +
              std::to_string(t.onTime) + "个，逾期报送" + std::to_string(t.late) + "个，被退回" +
              std::to_string(t.returned) + "个，未报送" + std::to_string(t.missing) + "个" +
              (t.notYetDue > 0 ? "，未到报送期限" + std::to_string(t.notYetDue) + "个" : "") + "。")
        .raw("</p>");
    for (const MonthReportStatus status :
         {MonthReportStatus::missing, MonthReportStatus::late, MonthReportStatus::returned}) {
        std::string names;
        for (const DispatchRow& row : month.rows) {
            if (row.reportStatus == status)
                names += (names.empty() ? "" : "、") + row.name;
        }
        if (!names.empty()) {
            html.raw("<p style=\"margin-top: 2pt;\"><b>")
                .text(std::string(statusName(status)) + "：")
                .raw("</b>")
                .text(names + "。")
                .raw("</p>");
        }
    }
}

std::vector<ChartBar> barsOf(const std::vector<DispatchGroup>& groups) {
    std::vector<ChartBar> bars;
    for (const DispatchGroup& g : groups)
        bars.push_back({QString::fromStdString(g.label), g.totals.completionPercent});
    return bars;
}

}  // namespace

Status writeMonthPdf(const DispatchMonth& month, const std::string& title,
                     const std::filesystem::path& file) {
    const MonthTable table = monthTable(month);
    Html html;
    html.raw("<html><body>")
        .raw(
            "<p align=\"center\" style=\"font-size: 18pt; font-weight: 700; margin-bottom: "
            "4pt;\">")
        .text(title)
        .raw("</p><p align=\"center\" style=\"margin-top: 0pt;\">")
        .text("数据截至" + formatDateChinese(month.today) +
              "，按各责任单位报送数汇总；金额单位：万元")
        .raw("</p>");
    reportStatus(html, month, table.total);

    html.raw(
        "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
        "style=\"border-collapse: collapse; border-color: #555555; font-size: 8pt; "
        "margin-top: 6pt;\"><thead><tr style=\"background-color: #d9d9d9;\">");
    const std::vector<std::string> columns = monthColumns(month.period);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        html.raw("<th width=\"" + std::to_string(kMonthPdfColumnWidths[c]) + "%\">")
            .text(columns[c])
            .raw("</th>");
    }
    html.raw("</tr></thead>");
    totalsRow(html, table.totalLabel, table.total, false);
    for (const MonthTableSection& section : table.sections) {
        totalsRow(html, section.label, section.totals, true);
        int number = 0;
        for (const DispatchRow* row : section.rows)
            projectRow(html, ++number, *row);
    }
    html.raw("</table>");

    const std::optional<double> share = scheduleSharePercent(month.period);
    const std::vector<PdfImage> charts = {
        {QStringLiteral("chart-category"),
         completionChart(QStringLiteral("完成率（按类别）"),
                         barsOf(groupDispatch(month, DispatchGrouping::category)), kChartWidthPx,
                         share)},
        {QStringLiteral("chart-unit"),
         completionChart(QStringLiteral("完成率（按责任单位）"),
                         barsOf(groupDispatch(month, DispatchGrouping::unit)), kChartWidthPx,
                         share)},
    };
    for (const PdfImage& chart : charts) {
        // Scaled to the page's text width (257 mm ≈ 970 px at 96 dpi, pdf_document.cpp).
        const int height = chart.image.height() * kChartWidthDocPx / chart.image.width();
        html.raw("<p style=\"margin-top: 12pt;\"><img src=\"" + chart.name.toStdString() +
                 "\" width=\"" + std::to_string(kChartWidthDocPx) + "\" height=\"" +
                 std::to_string(height) + "\"/></p>");
    }
    html.raw("</body></html>");
    return writeHtmlPdf(html.str(), file,
                        PdfOptions{QString::fromStdString(title), QPageLayout::Landscape, 9},
                        charts);
}

}  // namespace duban::app
