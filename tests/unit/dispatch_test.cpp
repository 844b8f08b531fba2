// The month on the dispatch board, built from known reports on a real store with the real seed:
// every figure of the rows, the report status at the 23rd's boundary, and totals per group that
// add up to the grand total.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/export/month_xlsx.h"
#include "core/store/dispatch_month.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

constexpr std::int64_t kHour = 3600 * 1000;
// 2022-06-23 23:59 in Jishou (UTC+8) is 15:59 UTC: the last minute a June report is on time.
constexpr std::int64_t kJune23Last = 1655999940000;  // 2022-06-23T15:59:00Z
constexpr std::int64_t kJune24First = kJune23Last + 60 * 1000;

class DispatchTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        for (const char* code : {"key_projects_2022#1", "key_projects_2022#2",
                                 "key_projects_2022#3", "key_projects_2022#12"}) {
            m_ids[code] = test::projectIdByCode(*m_store, code);
        }
    }

    // A field officer of the project's responsible unit.
    Actor authorOf(const std::string& project) const {
        Statement s = m_store->database().prepare(
            "SELECT unit_id FROM project_unit WHERE project_id = ? AND role IN "
            "('lead','responsible') ORDER BY role = 'responsible', ord LIMIT 1");
        s.bindAll(project);
        EXPECT_TRUE(s.step());
        return Actor{"field-" + s.text(0), Role::field, s.text(0), {}};
    }

    // Files a report at `atMs`: saved, then submitted unless `submit` is false.
    std::string file(const std::string& code, const std::string& period, std::int64_t wan,
                     std::int64_t atMs, const std::string& narrative = "按计划推进",
                     bool submit = true) {
        m_clock.set(atMs);
        const Actor author = authorOf(m_ids[code]);
        ProgressReport r;
        r.projectId = m_ids[code];
        r.period = period;
        r.investment = wan * 10'000;
        r.percentComplete = 50;
        r.narrative = narrative;
        r.problems = narrative == "按计划推进" ? "" : "用地报批滞后";
        const auto saved = m_store->saveReport(author, r);
        EXPECT_TRUE(saved) << (saved ? "" : saved.error().message);
        if (submit) {
            EXPECT_TRUE(m_store->transition(author, Entity::progress_report, saved->id,
                                            Transition::submit));
        }
        return saved->id;
    }

    DispatchMonth june(const Date& today, ProjectFilter filter = {}) const {
        filter.listCode = "key_projects_2022";
        filter.kind = ProjectKind::investment_project;
        return loadDispatchMonth(m_store->database(), Period{2022, 6}, today, filter);
    }

    const DispatchRow& row(const DispatchMonth& month, const char* code) const {
        for (const DispatchRow& r : month.rows) {
            if (r.projectId == m_ids.at(code))
                return r;
        }
        throw std::runtime_error(std::string("no row for ") + code);
    }

    // The oracle for milestones: counted straight from the table.
    int milestonesWhere(const std::string& project, const char* condition,
                        const std::string& value) const {
        Statement s = m_store->database().prepare(
            std::string("SELECT count(*) FROM milestone WHERE project_id = ?1 AND ") + condition);
        s.bindAll(project, value);
        s.step();
        return s.integer(0);
    }

    test::TempDir m_dir;
    ManualClock m_clock{test::kJuly1st2022};
    std::unique_ptr<LocalStore> m_store;
    std::map<std::string, std::string> m_ids;
};

const Date kJune30{std::chrono::year{2022}, std::chrono::June, std::chrono::day{30}};

TEST_F(DispatchTest, EveryFigureOfAProjectsMonth) {
    // 酒鬼酒 (#1): January to May, June on the last minute of the 23rd, and July (not in June).
    file("key_projects_2022#1", "2021-12", 999, kJune23Last - 200 * 24 * kHour);  // last year
    for (int m = 1; m <= 5; ++m)
        file("key_projects_2022#1", "2022-0" + std::to_string(m), 1'000 * m,
             kJune23Last - 30 * 24 * kHour);
    file("key_projects_2022#1", "2022-06", 2'500, kJune23Last, "二区酿酒车间主体完工");
    file("key_projects_2022#1", "2022-07", 7'000, kJune23Last + 30 * 24 * kHour);

    const DispatchMonth month = june(kJune30);
    const DispatchRow& r = row(month, "key_projects_2022#1");
    EXPECT_EQ(r.name.find("酒鬼酒"), 0u) << r.name;
    EXPECT_EQ(r.category, "新型工业");
    EXPECT_EQ(r.planInvestment, 1'050'180'000);  // 105,018 万元 in the seed
    EXPECT_EQ(r.completedThroughMonth, (1'000 + 2'000 + 3'000 + 4'000 + 5'000 + 2'500) * 10'000);
    EXPECT_EQ(r.completedInMonth, 2'500 * 10'000);
    ASSERT_TRUE(r.completionPercent);
    EXPECT_NEAR(*r.completionPercent, 100.0 * 17'500 / 105'018, 1e-9);
    EXPECT_EQ(r.progress, "二区酿酒车间主体完工");
    EXPECT_EQ(r.problems, "用地报批滞后");
    EXPECT_EQ(r.reportStatus, MonthReportStatus::on_time);
    EXPECT_EQ(r.leadUnitName, "市科工信局");
    EXPECT_EQ(r.milestonesDueInMonth,
              milestonesWhere(r.projectId, "due_date BETWEEN '2022-06-01' AND ?2", "2022-06-30"));
    EXPECT_EQ(r.milestonesOverdue,
              milestonesWhere(r.projectId, "status = 'open' AND due_date < ?2", "2022-06-30"));
    EXPECT_EQ(r.milestonesOverdue, 1) << "三区二期工程,2022年5月开工 was due 2022-05-31";
    EXPECT_NE(r.nextMilestone.find("2022-05-31"), std::string::npos) << r.nextMilestone;
    EXPECT_EQ(r.warningLevel, 0);
}

TEST_F(DispatchTest, TheTwentyThirdDecidesOnTimeLateAndMissing) {
    file("key_projects_2022#1", "2022-06", 100, kJune23Last);   // 23:59 on the 23rd
    file("key_projects_2022#2", "2022-06", 100, kJune24First);  // 00:00 on the 24th
    const std::string returned = file("key_projects_2022#3", "2022-06", 100, kJune23Last);
    const Actor supervisor{"sup", Role::supervisor, test::unitIdByName(*m_store, "市发改局"), {}};
    ASSERT_TRUE(m_store->transition(supervisor, Entity::progress_report, returned,
                                    Transition::return_, "请补充投资依据"));
    file("key_projects_2022#12", "2022-06", 100, kJune23Last, "草稿", /*submit=*/false);

    const Date june23{std::chrono::year{2022}, std::chrono::June, std::chrono::day{23}};
    const Date june24 = addDays(june23, 1);
    EXPECT_EQ(row(june(june23), "key_projects_2022#12").reportStatus,
              MonthReportStatus::not_yet_due)
        << "a draft is no report, but the 23rd is not over";
    const DispatchMonth month = june(june24);
    EXPECT_EQ(row(month, "key_projects_2022#1").reportStatus, MonthReportStatus::on_time);
    EXPECT_EQ(row(month, "key_projects_2022#2").reportStatus, MonthReportStatus::late);
    EXPECT_EQ(row(month, "key_projects_2022#3").reportStatus, MonthReportStatus::returned);
    EXPECT_EQ(row(month, "key_projects_2022#12").reportStatus, MonthReportStatus::missing)
        << "nothing submitted by the 23rd is flagged on the 24th";
    // A returned report's figures are not counted; a late one's are.
    EXPECT_EQ(row(month, "key_projects_2022#3").completedInMonth, 0);
    EXPECT_EQ(row(month, "key_projects_2022#2").completedInMonth, 100 * 10'000);
}

TEST_F(DispatchTest, GroupTotalsAddUpToTheGrandTotal) {
    file("key_projects_2022#1", "2022-06", 2'500, kJune23Last);
    file("key_projects_2022#2", "2022-05", 300, kJune23Last);
    file("key_projects_2022#12", "2022-06", 80, kJune24First);
    const DispatchMonth month = june(addDays(kJune30, 1));
    const DispatchTotals all = grandTotal(month);
    EXPECT_EQ(all.projects, static_cast<int>(month.rows.size()));
    EXPECT_EQ(all.completedThroughMonth, (2'500 + 300 + 80) * 10'000);
    EXPECT_EQ(all.onTime, 1);
    EXPECT_EQ(all.late, 1);
    EXPECT_EQ(all.missing, all.projects - 2);

    for (const DispatchGrouping grouping :
         {DispatchGrouping::category, DispatchGrouping::unit, DispatchGrouping::township}) {
        DispatchTotals sum;
        std::size_t rows = 0;
        for (const DispatchGroup& g : groupDispatch(month, grouping)) {
            EXPECT_FALSE(g.label.empty());
            sum.projects += g.totals.projects;
            sum.totalInvestment += g.totals.totalInvestment;
            sum.planInvestment += g.totals.planInvestment;
            sum.completedThroughMonth += g.totals.completedThroughMonth;
            sum.missing += g.totals.missing;
            sum.milestonesOverdue += g.totals.milestonesOverdue;
            rows += g.rows.size();
        }
        EXPECT_EQ(rows, month.rows.size()) << "each row in exactly one group";
        EXPECT_EQ(sum.projects, all.projects);
        EXPECT_EQ(sum.totalInvestment, all.totalInvestment);
        EXPECT_EQ(sum.planInvestment, all.planInvestment);
        EXPECT_EQ(sum.completedThroughMonth, all.completedThroughMonth);
        EXPECT_EQ(sum.missing, all.missing);
        EXPECT_EQ(sum.milestonesOverdue, all.milestonesOverdue);
    }
    const auto byCategory = groupDispatch(month, DispatchGrouping::category);
    ASSERT_FALSE(byCategory.empty());
    EXPECT_EQ(byCategory.front().label, "新型工业") << "groups keep the notice's order";
    EXPECT_EQ(byCategory.front().totals.completedThroughMonth, (2'500 + 300) * 10'000);
    ASSERT_TRUE(byCategory.front().totals.completionPercent);
    EXPECT_NEAR(*byCategory.front().totals.completionPercent,
                100.0 * static_cast<double>(byCategory.front().totals.completedThroughMonth) /
                    static_cast<double>(byCategory.front().totals.planInvestment),
                1e-9);
}

TEST_F(DispatchTest, FiltersAndTheWarningLevelIssuedThisYear) {
    const Database& db = m_store->database();
    const auto warn = [&](const char* id, const char* code, int level, const char* at) {
        db.prepare(
              "INSERT INTO warning (id, project_id, level, reason, issued_at, issued_by) "
              "VALUES (?, ?, ?, '逾期', ?, 'sup')")
            .bindAll(id, m_ids[code], level, at)
            .run();
    };
    warn("w1", "key_projects_2022#1", 1, "2022-03-01T02:00:00Z");
    warn("w2", "key_projects_2022#1", 2, "2022-06-24T02:00:00Z");
    warn("w3", "key_projects_2022#2", 3, "2021-12-31T15:59:00Z");  // 23:59 on 31 Dec 2021
    const DispatchMonth month = june(kJune30);
    EXPECT_EQ(row(month, "key_projects_2022#1").warningLevel, 2);
    EXPECT_EQ(row(month, "key_projects_2022#2").warningLevel, 0) << "last year's letter";
    EXPECT_EQ(grandTotal(month).warned, 1);

    ProjectFilter culture;
    culture.category = "文化旅游";
    const DispatchMonth only = june(kJune30, culture);
    ASSERT_FALSE(only.rows.empty());
    for (const DispatchRow& r : only.rows)
        EXPECT_EQ(r.category, "文化旅游");
    ProjectFilter kgx;
    kgx.unitId = test::unitIdByName(*m_store, "市科工信局");
    for (const DispatchRow& r : june(kJune30, kgx).rows)
        EXPECT_NE(r.unitNames.find("市科工信局"), std::string::npos) << r.name;
}

// The sheet read back by openpyxl (tests/support/read_xlsx.py), not by the code that wrote it.
nlohmann::json readXlsx(const std::filesystem::path& file) {
    const std::string command =
        "/usr/bin/python3 " DUBAN_SOURCE_DIR "/tests/support/read_xlsx.py '" + file.string() + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe.get()))
        out += buffer;
    return nlohmann::json::parse(out);
}

TEST_F(DispatchTest, TheMonthAsXlsxInTheNoticesLayoutAddsUp) {
    file("key_projects_2022#1", "2022-05", 1'000, kJune23Last - 30 * 24 * kHour);
    file("key_projects_2022#1", "2022-06", 2'500, kJune23Last, "二区酿酒车间主体完工");
    file("key_projects_2022#12", "2022-06", 80, kJune24First);
    const DispatchMonth month = june(addDays(kJune30, 1));
    const auto path = m_dir.file("2022-06.xlsx");
    ASSERT_TRUE(writeMonthXlsx(month, "2022年吉首市重点产业项目6月调度表", path));

    const nlohmann::json sheet = readXlsx(path);
    const auto& rows = sheet["rows"];
    EXPECT_EQ(rows[0][0], "2022年吉首市重点产业项目6月调度表");
    const std::vector<std::string> header = {"序号",
                                             "项目名称",
                                             "建设起止年限",
                                             "建设阶段",
                                             "总投资（万元）",
                                             "年度计划投资（万元）",
                                             "1—6月完成投资（万元）",
                                             "完成率",
                                             "形象进度",
                                             "存在问题",
                                             "责任单位"};
    for (std::size_t c = 0; c < header.size(); ++c)
        EXPECT_EQ(rows[1][c], header[c]);

    // Row 2 is the grand total; then each category: its subtotal, then its projects.
    const auto number = [](const nlohmann::json& cell) {
        return cell.is_number() ? cell.get<double>() : 0.0;
    };
    const DispatchTotals all = grandTotal(month);
    EXPECT_EQ(rows[2][0], "合计（" + std::to_string(month.rows.size()) + "个）");
    EXPECT_NEAR(number(rows[2][6]), 3'580.0, 1e-6);
    EXPECT_NEAR(number(rows[2][5]), static_cast<double>(all.planInvestment) / 1e4, 1e-6);
    EXPECT_NEAR(number(rows[2][7]), *all.completionPercent / 100.0, 1e-12);

    double sectionsTotal = 0, sectionsPlan = 0, sectionsCompleted = 0;
    std::size_t projects = 0;
    int sections = 0;
    for (std::size_t r = 3; r < rows.size();) {
        const std::string label = rows[r][0].get<std::string>();
        EXPECT_EQ(label.rfind(chineseNumber(++sections) + "、", 0), 0u) << label;
        const double subtotal[3] = {number(rows[r][4]), number(rows[r][5]), number(rows[r][6])};
        sectionsTotal += subtotal[0];
        sectionsPlan += subtotal[1];
        sectionsCompleted += subtotal[2];
        double sum[3] = {0, 0, 0};
        int numbered = 0;
        for (++r; r < rows.size() && rows[r][0].is_number(); ++r) {
            EXPECT_EQ(rows[r][0].get<int>(), ++numbered) << "numbered within the section";
            for (int c = 0; c < 3; ++c)
                sum[c] += number(rows[r][4 + c]);
            if (rows[r][1].get<std::string>().starts_with("酒鬼酒")) {
                EXPECT_NEAR(number(rows[r][6]), 3'500.0, 1e-6);
                EXPECT_EQ(rows[r][8], "二区酿酒车间主体完工");
                EXPECT_EQ(rows[r][10].get<std::string>().rfind("市科工信局", 0), 0u);
                EXPECT_NEAR(number(rows[r][7]), 3'500.0 / 105'018.0, 1e-12);
            }
            ++projects;
        }
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(sum[c], subtotal[c], 1e-4) << label << " column " << 4 + c;
        EXPECT_EQ(label.find("（" + std::to_string(numbered) + "个）") != std::string::npos, true)
            << label;
    }
    EXPECT_EQ(projects, month.rows.size());
    EXPECT_EQ(sections, 5) << "the key list: 新型工业 文化旅游 商贸物流 现代农业 现代服务业";
    EXPECT_NEAR(sectionsTotal, number(rows[2][4]), 1e-4);
    EXPECT_NEAR(sectionsPlan, number(rows[2][5]), 1e-4);
    EXPECT_NEAR(sectionsCompleted, number(rows[2][6]), 1e-4);
}

TEST(ChineseNumber, AsAGovernmentTableNumbersItsSections) {
    EXPECT_EQ(chineseNumber(1), "一");
    EXPECT_EQ(chineseNumber(10), "十");
    EXPECT_EQ(chineseNumber(11), "十一");
    EXPECT_EQ(chineseNumber(20), "二十");
    EXPECT_EQ(chineseNumber(36), "三十六");
}

}  // namespace
}  // namespace duban
