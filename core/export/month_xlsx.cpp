#include "core/export/month_xlsx.h"

#include <xlsxwriter.h>

#include <memory>

namespace duban {
namespace {

constexpr int kColumns = 11;

double wan(std::int64_t yuan) {
    return static_cast<double>(yuan) / 10'000.0;
}

struct WorkbookCloser {
    void operator()(lxw_workbook* book) const {
        if (book)
            workbook_close(book);
    }
};

// The sheet being written: its formats and the next row.
class Sheet {
public:
    Sheet(lxw_workbook* book, lxw_worksheet* sheet) : m_sheet(sheet) {
        m_title = workbook_add_format(book);
        format_set_bold(m_title);
        format_set_font_size(m_title, 16);
        format_set_align(m_title, LXW_ALIGN_CENTER);
        m_header = workbook_add_format(book);
        format_set_bold(m_header);
        format_set_text_wrap(m_header);
        format_set_align(m_header, LXW_ALIGN_CENTER);
        format_set_align(m_header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_border(m_header, LXW_BORDER_THIN);
        format_set_bg_color(m_header, 0xF2F2F2);
        m_text = workbook_add_format(book);
        format_set_text_wrap(m_text);
        format_set_align(m_text, LXW_ALIGN_VERTICAL_CENTER);
        format_set_border(m_text, LXW_BORDER_THIN);
        m_money = workbook_add_format(book);
        format_set_num_format(m_money, "#,##0.00");
        format_set_border(m_money, LXW_BORDER_THIN);
        m_rate = workbook_add_format(book);
        format_set_num_format(m_rate, "0.0%");
        format_set_border(m_rate, LXW_BORDER_THIN);
        m_boldText = workbook_add_format(book);
        format_set_bold(m_boldText);
        format_set_border(m_boldText, LXW_BORDER_THIN);
        m_boldMoney = workbook_add_format(book);
        format_set_bold(m_boldMoney);
        format_set_num_format(m_boldMoney, "#,##0.00");
        format_set_border(m_boldMoney, LXW_BORDER_THIN);
        m_boldRate = workbook_add_format(book);
        format_set_bold(m_boldRate);
        format_set_num_format(m_boldRate, "0.0%");
        format_set_border(m_boldRate, LXW_BORDER_THIN);
    }

    void title(const std::string& text) {
        worksheet_merge_range(m_sheet, 0, 0, 0, kColumns - 1, text.c_str(), m_title);
        worksheet_set_row(m_sheet, 0, 30, nullptr);
        m_row = 1;
    }

    void header(const Period& period) {
        const std::vector<std::string> names = monthColumns(period);
        const double widths[kColumns] = {6, 36, 12, 8, 14, 14, 14, 9, 40, 30, 20};
        for (lxw_col_t c = 0; c < kColumns; ++c) {
            worksheet_set_column(m_sheet, c, c, widths[c], nullptr);
            worksheet_write_string(m_sheet, m_row, c, names[c].c_str(), m_header);
        }
        worksheet_freeze_panes(m_sheet, m_row + 1, 2);
        ++m_row;
    }

    void totals(const std::string& label, const DispatchTotals& t) {
        worksheet_merge_range(m_sheet, m_row, 0, m_row, 3, label.c_str(), m_boldText);
        worksheet_write_number(m_sheet, m_row, 4, wan(t.totalInvestment), m_boldMoney);
        worksheet_write_number(m_sheet, m_row, 5, wan(t.planInvestment), m_boldMoney);
        worksheet_write_number(m_sheet, m_row, 6, wan(t.completedThroughMonth), m_boldMoney);
        rate(t.completionPercent, m_boldRate);
        for (lxw_col_t c = 8; c < kColumns; ++c)
            worksheet_write_blank(m_sheet, m_row, c, m_boldText);
        ++m_row;
    }

    void project(int number, const DispatchRow& row) {
        worksheet_write_number(m_sheet, m_row, 0, number, m_text);
        worksheet_write_string(m_sheet, m_row, 1, row.name.c_str(), m_text);
        worksheet_write_string(m_sheet, m_row, 2, yearsCell(row).c_str(), m_text);
        worksheet_write_string(m_sheet, m_row, 3, row.stage.c_str(), m_text);
        money(4, row.totalInvestment);
        money(5, row.planInvestment);
        worksheet_write_number(m_sheet, m_row, 6, wan(row.completedThroughMonth), m_money);
        rate(row.completionPercent, m_rate);
        worksheet_write_string(m_sheet, m_row, 8, row.progress.c_str(), m_text);
        worksheet_write_string(m_sheet, m_row, 9, row.problems.c_str(), m_text);
        worksheet_write_string(m_sheet, m_row, 10, row.unitNames.c_str(), m_text);
        ++m_row;
    }

private:
    void money(lxw_col_t column, const std::optional<std::int64_t>& yuan) {
        if (yuan)
            worksheet_write_number(m_sheet, m_row, column, wan(*yuan), m_money);
        else
            worksheet_write_blank(m_sheet, m_row, column, m_money);
    }
    void rate(const std::optional<double>& percent, lxw_format* format) {
        if (percent)
            worksheet_write_number(m_sheet, m_row, 7, *percent / 100.0, format);
        else
            worksheet_write_blank(m_sheet, m_row, 7, format);
    }

    lxw_worksheet* m_sheet;
    lxw_row_t m_row = 0;
    lxw_format* m_title;
    lxw_format* m_header;
    lxw_format* m_text;
    lxw_format* m_money;
    lxw_format* m_rate;
    lxw_format* m_boldText;
    lxw_format* m_boldMoney;
    lxw_format* m_boldRate;
};

}  // namespace

Status writeMonthXlsx(const DispatchMonth& month, const std::string& title,
                      const std::filesystem::path& file) {
    std::unique_ptr<lxw_workbook, WorkbookCloser> book(workbook_new(file.string().c_str()));
    if (!book)
        return makeError("export_failed", "cannot create " + file.string() + ".");
    lxw_worksheet* worksheet = workbook_add_worksheet(book.get(), "调度表");
    Sheet sheet(book.get(), worksheet);
    sheet.title(title);
    sheet.header(month.period);
    const MonthTable table = monthTable(month);
    sheet.totals(table.totalLabel, table.total);
    for (const MonthTableSection& section : table.sections) {
        sheet.totals(section.label, section.totals);
        int number = 0;
        for (const DispatchRow* row : section.rows)
            sheet.project(++number, *row);
    }
    const lxw_error closed = workbook_close(book.release());
    if (closed != LXW_NO_ERROR) {
        return makeError("export_failed",
                         "cannot write " + file.string() + ": " + lxw_strerror(closed) + ".");
    }
    return Ok{};
}

}  // namespace duban
