// The month's PDF and a warning letter's PDF, made from known reports on a real seeded store and
// read back as text with poppler's pdftotext (what a reader's copy-paste would give): every
// figure of the table, subtotals and the total that add up, the projects not reported by the 23rd
// named, and a letter's title, 文号, addressees and facts.
#include <gtest/gtest.h>

#include <QGuiApplication>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/domain/money.h"
#include "core/export/month_table.h"
#include "core/store/dispatch_month.h"
#include "core/store/letter_facts.h"
#include "core/store/warnings.h"
#include "qml/app/letter_pdf.h"
#include "qml/app/month_pdf.h"
#include "tests/support/json_tool.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

constexpr std::int64_t kDay = 24 * 3600 * 1000;
constexpr std::int64_t kJune23Last = 1655999940000;  // 2022-06-23 23:59 in Jishou
constexpr std::int64_t kJune24First = kJune23Last + 60 * 1000;
const Date kJuly1{std::chrono::year{2022}, std::chrono::July, std::chrono::day{1}};

// The PDF read back by tests/support/read_pdf.py (poppler's pdftotext): lines, images, and the
// table's rows cut into the month table's columns.
nlohmann::json readPdf(const std::filesystem::path& pdf) {
    std::string widths;
    for (const int w : app::kMonthPdfColumnWidths)
        widths += (widths.empty() ? "" : ",") + std::to_string(w);
    return test::runJsonTool(test::supportScript("read_pdf.py") + " '" + pdf.string() + "' " +
                             widths);
}

// All the text in reading order, without the spaces pdftotext puts between words and lines.
std::string flatText(const nlohmann::json& pdf) {
    std::string text;
    for (const auto& line : pdf["lines"])
        text += line.get<std::string>();
    std::erase(text, ' ');
    return text;
}

// Kangxi radicals and CJK radicals (U+2E80–U+2FDF) look like ideographs but are not: text that
// copies out of the PDF as those cannot be searched (pdf_document.h).
bool hasRadicals(const std::string& text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (lead == 0xE2 && next >= 0xBA && next <= 0xBF)
            return true;
    }
    return false;
}

// "2,648,897" → 2648897; "" → 0.
double figure(const nlohmann::json& cell) {
    std::string text = cell.get<std::string>();
    std::erase(text, ',');
    return text.empty() ? 0.0 : std::stod(text);
}

// The text between `from` and the next `until` after it.
std::string between(const std::string& text, const std::string& from, const std::string& until) {
    const auto start = text.find(from);
    if (start == std::string::npos)
        return {};
    const auto end = text.find(until, start + from.size());
    return text.substr(start + from.size(), end - start - from.size());
}

// Copies what a test made to DUBAN_KEEP_PDF (scripts/screenshots.sh renders them to images).
void keep(const std::filesystem::path& pdf, const std::string& name) {
    if (const char* folder = std::getenv("DUBAN_KEEP_PDF")) {
        std::filesystem::create_directories(folder);
        std::filesystem::copy_file(pdf, std::filesystem::path(folder) / name,
                                   std::filesystem::copy_options::overwrite_existing);
    }
}

class PdfTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        m_supervisor =
            Actor{"user-sup", Role::supervisor, test::unitIdByName(*m_store, "市发改局"), {}};
    }

    std::string id(const char* code) const { return test::projectIdByCode(*m_store, code); }

    std::string file(const char* code, const char* period, std::int64_t wan, std::int64_t atMs,
                     const std::string& narrative, bool submit = true) {
        ProgressReport r;
        r.projectId = id(code);
        r.period = period;
        r.investment = wan * kYuanPerWan;
        r.percentComplete = 40;
        r.narrative = narrative;
        r.problems = "要素保障不足";
        return test::fileReport(*m_store, m_clock, atMs, r, submit);
    }

    test::TempDir m_dir;
    ManualClock m_clock{test::kJuly1st2022};
    std::unique_ptr<LocalStore> m_store;
    Actor m_supervisor;
};

TEST_F(PdfTest, TheMonthsTableAddsUpAndNamesWhoDidNotReportOnTime) {
    file("key_projects_2022#1", "2022-05", 4'000, kJune23Last - 30 * kDay, "基础施工");
    file("key_projects_2022#1", "2022-06", 2'500, kJune23Last, "二区酿酒车间主体完工");
    file("key_projects_2022#2", "2022-06", 1'200, kJune24First, "设备安装调试");
    const std::string returned =
        file("key_projects_2022#3", "2022-06", 300, kJune23Last - kDay, "场平完成");
    ASSERT_TRUE(m_store->transition(m_supervisor, Entity::progress_report, returned,
                                    Transition::return_, "投资数据与台账不符"));
    ProjectFilter filter;
    filter.listCode = "key_projects_2022";
    filter.kind = ProjectKind::investment_project;
    const DispatchMonth month =
        loadDispatchMonth(m_store->database(), Period{2022, 6}, kJuly1, filter);
    const std::string title = monthTitle(m_store->database(), Period{2022, 6}, filter);
    const auto pdf = m_dir.file("month.pdf");
    ASSERT_TRUE(app::writeMonthPdf(month, title, pdf));
    keep(pdf, "month-2022-06.pdf");

    const nlohmann::json read = readPdf(pdf);
    const std::string text = flatText(read);
    EXPECT_FALSE(hasRadicals(text));
    EXPECT_NE(text.find("2022年吉首市重点产业项目表（2022年6月调度）"), std::string::npos);
    EXPECT_NE(text.find("数据截至2022年7月1日"), std::string::npos);

    // Who reported: #1 on time, #2 late, #3 returned — every other project is named as missing.
    EXPECT_NE(text.find("本月应于2022年6月23日前报送45个，按时报送1个，逾期报送1个，被退回1个，"
                        "未报送42个。"),
              std::string::npos);
    std::map<std::string, std::string> names;  // id → name
    std::string missing;                       // in the table's order, as the PDF lists them
    for (const DispatchRow& row : month.rows) {
        names[row.projectId] = row.name;
        if (row.projectId != id("key_projects_2022#1") &&
            row.projectId != id("key_projects_2022#2") &&
            row.projectId != id("key_projects_2022#3"))
            missing += (missing.empty() ? "" : "、") + row.name;
    }
    EXPECT_EQ(between(text, "未报送：", "。"), missing);
    EXPECT_EQ(between(text, "逾期报送：", "。"), names[id("key_projects_2022#2")]);
    EXPECT_EQ(between(text, "被退回：", "。"), names[id("key_projects_2022#3")]);

    // The table: 合计, then each section's subtotal and its projects numbered from 1.
    const auto& rows = read["rows"];
    const auto label = [](const nlohmann::json& row) {
        return row["cells"][0].get<std::string>() + row["cells"][1].get<std::string>();
    };
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(label(rows[0]), "合计（45个）");
    const auto& total = rows[0]["cells"];
    EXPECT_EQ(figure(total[6]), 7'700) << "4,000 + 2,500 + 1,200; the returned 300 does not count";
    double sections[3] = {0, 0, 0};
    std::size_t projects = 0;
    int sectionCount = 0;
    bool sawJiuguijiu = false;
    for (std::size_t r = 1; r < rows.size();) {
        const auto& subtotal = rows[r]["cells"];
        const std::string heading = label(rows[r]);
        EXPECT_EQ(heading.rfind(chineseNumber(++sectionCount) + "、", 0), 0u) << heading;
        double sums[3] = {0, 0, 0};
        int numbered = 0;
        for (++r; r < rows.size() && !rows[r]["cells"][0].template get<std::string>().empty();
             ++r) {
            const auto& cells = rows[r]["cells"];
            EXPECT_EQ(cells[0], std::to_string(++numbered)) << "numbered within the section";
            for (int c = 0; c < 3; ++c)
                sums[c] += figure(cells[4 + c]);
            if (figure(cells[5]) > 0) {
                const double rate = std::round(figure(cells[6]) / figure(cells[5]) * 1000) / 10;
                EXPECT_NEAR(figure(cells[7]), rate, 0.051) << cells[1];
            }
            if (cells[1].template get<std::string>().starts_with("酒鬼酒")) {
                sawJiuguijiu = true;
                EXPECT_EQ(cells[4], "273,027");
                EXPECT_EQ(cells[5], "105,018");
                EXPECT_EQ(cells[6], "6,500");
                EXPECT_EQ(cells[7], "6.2%");
                EXPECT_EQ(cells[8], "二区酿酒车间主体完工");
                EXPECT_EQ(cells[9], "要素保障不足");
                EXPECT_EQ(cells[10], "市科工信局");
            }
            ++projects;
        }
        for (int c = 0; c < 3; ++c) {
            EXPECT_NEAR(sums[c], figure(subtotal[4 + c]), 1e-6) << heading << " column " << 4 + c;
            sections[c] += figure(subtotal[4 + c]);
        }
        EXPECT_NE(heading.find("（" + std::to_string(numbered) + "个）"), std::string::npos)
            << heading;
    }
    EXPECT_TRUE(sawJiuguijiu);
    EXPECT_EQ(projects, month.rows.size());
    EXPECT_EQ(sectionCount, 5) << "新型工业 文化旅游 商贸物流 现代农业 现代服务业";
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(sections[c], figure(total[4 + c]), 1e-6) << "column " << 4 + c;
    EXPECT_NEAR(figure(total[7]), std::round(figure(total[6]) / figure(total[5]) * 1000) / 10,
                0.051);
    EXPECT_EQ(read["images"], 2) << "completion by category and by unit";
}

TEST_F(PdfTest, AWarningLetterStatesItsFactsInTheNoticesFormat) {
    constexpr std::int64_t kJune12th = 1654992000000;  // 2022-06-12T00:00:00Z
    file("key_projects_2022#1", "2022-05", 4'000, kJune12th - 23 * kDay, "基础施工过半");
    file("key_projects_2022#1", "2022-06", 900, kJune12th - 2 * kDay, "草稿不算", false);
    m_clock.set(kJune12th);
    const auto proposals = listWarningProposals(
        m_store->database(), ProposalOptions{dateAt(m_clock.nowMs()), "2022-06", {}});
    const auto proposal = std::find_if(proposals.begin(), proposals.end(), [&](const auto& p) {
        return p.projectId == id("key_projects_2022#1") &&
               p.milestoneTitle == "三区二期工程,2022年5月开工";
    });
    ASSERT_NE(proposal, proposals.end());
    const auto issued =
        m_store->issueWarning(m_supervisor, *proposal, "2022-06-30", "吉发改督〔2022〕7号");
    ASSERT_TRUE(issued) << issued.error().message;
    const auto facts = loadLetterFacts(m_store->database(), issued->id);
    ASSERT_TRUE(facts);
    const auto pdf = m_dir.file(app::letterFileName(facts->warning));
    EXPECT_EQ(pdf.filename(), "督办函-吉发改督〔2022〕7号.pdf");
    ASSERT_TRUE(app::writeLetterPdf(*facts, pdf));
    keep(pdf, "letter-2022-7.pdf");

    const nlohmann::json read = readPdf(pdf);
    EXPECT_EQ(read["pages"], 1) << "a letter fits on one page";
    const std::string text = flatText(read);
    EXPECT_FALSE(hasRadicals(text));
    const std::string name = facts->warning.projectName;
    for (const std::string& expected : {
             std::string("吉首市发展和改革局吉发改督〔2022〕7号"),  // letterhead, then 文号
             "关于“" + name + "”的二次限期预警函",
             std::string("市科工信局："),
             "你单位负责推进的“" + name + "”里程碑“三区二期工程,2022年5月开工”已逾期12天。",
             std::string("一、项目节点：“三区二期工程,2022年5月开工”，计划完成时间2022年5月31日。"),
             std::string(
                 "二、报送情况：最近一次报送为2022年5月进度（2022年5月20日报送）：形象进度完成"
                 "40%，当月完成投资4,000万元；“基础施工过半”。"),
             std::string(
                 "该项目本年度计划投资105,018万元，截至发函之日报送完成4,000万元，完成率3.8%。"),
             std::string("三、整改要求：请你单位于2022年6月30日前完成整改"),
             std::string("逾期未整改的，将发出三次滞后纠责函。"),
             std::string("特此函告。"),
             std::string("吉首市发展和改革局2022年6月12日"),
         }) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n— in —\n" << text;
    }
    EXPECT_EQ(text.find("草稿不算"), std::string::npos) << "a draft is not what was reported";
}

}  // namespace
}  // namespace duban

int main(int argc, char** argv) {
    // Fonts and painting need a GUI application; offscreen needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
