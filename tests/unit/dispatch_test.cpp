// The month on the dispatch board, built from known reports on a real store with the real seed:
// every figure of the rows, the report status at the 23rd's boundary, totals per group that
// add up to the grand total, and work tasks' targets with the progress reported toward them.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/export/month_xlsx.h"
#include "core/store/dispatch_month.h"
#include "tests/support/json_tool.h"
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

    // Files a report at `atMs`: saved, then submitted unless `submit` is false.
    std::string file(const std::string& code, const std::string& period, std::int64_t wan,
                     std::int64_t atMs, const std::string& narrative = "按计划推进",
                     bool submit = true) {
        ProgressReport r;
        r.period = period;
        r.investment = wan * 10'000;
        r.percentComplete = 50;
        r.narrative = narrative;
        r.problems = narrative == "按计划推进" ? "" : "用地报批滞后";
        return save(code, std::move(r), atMs, submit);
    }

    // A work task's report: its percent toward `milestoneId` (none: the task as a whole).
    std::string report(const std::string& code, const std::string& period,
                       std::optional<std::string> milestoneId, int percent,
                       const std::string& narrative, std::int64_t atMs) {
        ProgressReport r;
        r.period = period;
        r.milestoneId = std::move(milestoneId);
        r.investment = 0;  // required on submit, 0 for a task
        r.percentComplete = percent;
        r.narrative = narrative;
        return save(code, std::move(r), atMs, true);
    }

    std::string save(const std::string& code, ProgressReport r, std::int64_t atMs, bool submit) {
        if (!m_ids.contains(code))
            m_ids[code] = test::projectIdByCode(*m_store, code);
        r.projectId = m_ids[code];
        return test::fileReport(*m_store, m_clock, atMs, std::move(r), submit);
    }

    // The id of the task's target whose title starts with `prefix`.
    std::string targetId(const std::string& code, const std::string& prefix) {
        if (!m_ids.contains(code))
            m_ids[code] = test::projectIdByCode(*m_store, code);
        Statement s = m_store->database().prepare(
            "SELECT id FROM milestone WHERE project_id = ? AND substr(title, 1, length(?2)) = ?2");
        s.bindAll(m_ids[code], prefix);
        EXPECT_TRUE(s.step()) << code << " has no target " << prefix;
        return s.text(0);
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

constexpr const char* kXiangshang = "xiangshang_quarterly_2022";
constexpr const char* kFundsQ2 = "2022年第二季度：湘商回湘投资项目实际到位资金(亿元): ";
constexpr const char* kFundsYear = "2022年：湘商回湘投资项目实际到位资金(亿元) 总任务数: ";

std::string task(int no) {
    return std::string(kXiangshang) + "#" + std::to_string(no);
}

// Formats a seed figure as the notice (and so the target's title) prints it: 1.5, 1, 0.25.
std::string figure(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.')
        text.pop_back();
    return text;
}

class WorkTaskTest : public DispatchTest {
protected:
    DispatchMonth tasks(const Period& period, const Date& today,
                        const char* list = kXiangshang) const {
        ProjectFilter filter;
        filter.listCode = list;
        filter.kind = ProjectKind::work_task;
        return loadDispatchMonth(m_store->database(), period, today, filter);
    }

    const DispatchRow& taskRow(const DispatchMonth& board, const std::string& code) const {
        const std::string& id = m_ids.at(code);
        for (const DispatchRow& r : board.rows) {
            if (r.projectId == id)
                return r;
        }
        throw std::runtime_error("no row for " + code);
    }

    void SetUp() override {
        DispatchTest::SetUp();
        for (int no = 1; no <= 7; ++no)
            m_ids[task(no)] = test::projectIdByCode(*m_store, task(no));
    }
};

// The seed's figures for the seven units of 湘商回湘 (the money measure; the second measure,
// new enterprises, follows it in each quarter).
constexpr double kFundsQ2Of[] = {1.5, 1, 0.7, 0.7, 0.4, 0.25, 0.25};
constexpr double kFundsYearOf[] = {4, 3, 2, 2, 1, 0.5, 0.5};

TEST_F(WorkTaskTest, EveryFigureOfTheTasksTargetsAndTheProgressTowardThem) {
    const std::int64_t day = 24 * kHour;
    // #1: on its second-quarter target, 80% in June; later the same month a report on the task
    // as a whole says 30% — of two from one month, the one on the target counts.
    report(task(1), "2022-06", targetId(task(1), kFundsQ2), 80, "到位资金1.2亿元", kJune23Last);
    report(task(1), "2022-06", std::nullopt, 30, "整体推进", kJune23Last + kHour);
    // #2: the task as a whole in May, 50%; a report on its other measure does not count.
    report(task(2), "2022-05", std::nullopt, 50, "已洽谈项目3个", kJune23Last - 30 * day);
    report(task(2), "2022-06", targetId(task(2), "2022年第二季度：湘商回湘投资新注册企业"), 100,
           "新注册企业1家", kJune23Last);
    // #3: the task as a whole in March: before the quarter, so not toward its target.
    report(task(3), "2022-03", std::nullopt, 90, "一季度洽谈", kJune23Last - 90 * day);
    // #4: the target achieved.
    m_store->database()
        .prepare("UPDATE milestone SET status = 'achieved' WHERE id = ?")
        .bindAll(targetId(task(4), kFundsQ2))
        .run();
    // #5: on its target, 90%, but returned: not reported.
    const std::string returned =
        report(task(5), "2022-06", targetId(task(5), kFundsQ2), 90, "待核实", kJune23Last);
    const Actor supervisor{"sup", Role::supervisor, test::unitIdByName(*m_store, "市发改局"), {}};
    ASSERT_TRUE(m_store->transition(supervisor, Entity::progress_report, returned,
                                    Transition::return_, "请附到位凭证"));
    // #6 and #7 report nothing.

    const DispatchMonth q2 = tasks(Period{2022, 6}, kJune30);
    ASSERT_EQ(q2.rows.size(), 7u);
    for (int no = 1; no <= 7; ++no) {
        const DispatchRow& r = taskRow(q2, task(no));
        SCOPED_TRACE(task(no));
        EXPECT_EQ(r.kind, ProjectKind::work_task);
        ASSERT_TRUE(r.currentTarget);
        EXPECT_EQ(r.currentTarget->title, kFundsQ2 + figure(kFundsQ2Of[no - 1]));
        EXPECT_EQ(r.currentTarget->milestoneId, targetId(task(no), kFundsQ2));
        EXPECT_EQ(r.currentTarget->value, kFundsQ2Of[no - 1]);
        EXPECT_EQ(r.currentTarget->unit, "") << "the list names no unit; the title says 亿元";
        EXPECT_EQ(r.currentTarget->due, kJune30);
        EXPECT_EQ(r.currentTarget->period, (TargetPeriod{2022, 2}));
        EXPECT_EQ(r.currentTarget->achieved, no == 4);
        EXPECT_EQ(r.currentTargets, 2) << "money and new enterprises";
        ASSERT_TRUE(r.yearTarget);
        EXPECT_EQ(r.yearTarget->title, kFundsYear + figure(kFundsYearOf[no - 1]));
        EXPECT_EQ(r.yearTarget->value, kFundsYearOf[no - 1]);
        EXPECT_EQ(r.yearTarget->due,
                  (Date{std::chrono::year{2022}, std::chrono::December, std::chrono::day{31}}));
        EXPECT_EQ(r.yearTarget->period, (TargetPeriod{2022, 0}));
    }
    const auto expect = [&](int no, std::optional<int> percent, const std::string& progress,
                            const std::string& period, TargetStatus status) {
        const DispatchRow& r = taskRow(q2, task(no));
        EXPECT_EQ(r.reportedPercent, percent) << task(no);
        EXPECT_EQ(r.reportedProgress, progress) << task(no);
        EXPECT_EQ(r.reportedPeriod, period) << task(no);
        EXPECT_EQ(r.targetStatus, status) << task(no);
    };
    // Read on the due day: all the quarter gone, so 80% + 20 is on track and 50% is behind.
    expect(1, 80, "到位资金1.2亿元", "2022-06", TargetStatus::on_track);
    expect(2, 50, "已洽谈项目3个", "2022-05", TargetStatus::behind);
    expect(3, std::nullopt, "", "", TargetStatus::behind);
    expect(4, std::nullopt, "", "", TargetStatus::achieved);
    expect(5, std::nullopt, "", "", TargetStatus::behind);
    expect(6, std::nullopt, "", "", TargetStatus::behind);
    expect(7, std::nullopt, "", "", TargetStatus::behind);
    EXPECT_EQ(taskRow(q2, task(1)).progress, "整体推进") << "形象进度 is still the latest";

    const DispatchTotals all = grandTotal(q2);
    EXPECT_EQ(all.tasks, 7);
    EXPECT_EQ(all.targetsAchieved, 1);
    EXPECT_EQ(all.targetsOnTrack, 1);
    EXPECT_EQ(all.targetsBehind, 5);
    EXPECT_EQ(all.targetsNotStarted, 0);
    EXPECT_EQ(all.targetsNone, 0);
    for (const DispatchGrouping grouping :
         {DispatchGrouping::category, DispatchGrouping::unit, DispatchGrouping::township}) {
        DispatchTotals sum;
        for (const DispatchGroup& g : groupDispatch(q2, grouping)) {
            const DispatchTotals& t = g.totals;
            EXPECT_EQ(t.tasks, t.projects) << g.label;
            EXPECT_EQ(t.targetsAchieved + t.targetsOnTrack + t.targetsBehind + t.targetsNotStarted +
                          t.targetsNone,
                      t.tasks)
                << g.label;
            sum.tasks += t.tasks;
            sum.targetsAchieved += t.targetsAchieved;
            sum.targetsOnTrack += t.targetsOnTrack;
            sum.targetsBehind += t.targetsBehind;
        }
        EXPECT_EQ(sum.tasks, all.tasks);
        EXPECT_EQ(sum.targetsAchieved, all.targetsAchieved);
        EXPECT_EQ(sum.targetsOnTrack, all.targetsOnTrack);
        EXPECT_EQ(sum.targetsBehind, all.targetsBehind);
    }

    // June read in August is judged as on 30 June: the same statuses.
    const DispatchMonth later = tasks(
        Period{2022, 6}, Date{std::chrono::year{2022}, std::chrono::August, std::chrono::day{2}});
    for (int no = 1; no <= 7; ++no) {
        EXPECT_EQ(taskRow(later, task(no)).targetStatus, taskRow(q2, task(no)).targetStatus)
            << task(no);
    }

    // 10 April: 10 of the quarter's 91 days gone, within the margin; nothing reported yet for
    // April (May and June are later, March is before the quarter).
    const DispatchMonth april = tasks(
        Period{2022, 4}, Date{std::chrono::year{2022}, std::chrono::April, std::chrono::day{10}});
    const DispatchTotals early = grandTotal(april);
    EXPECT_EQ(early.targetsNotStarted, 6);
    EXPECT_EQ(early.targetsAchieved, 1) << "a milestone's status is as it is now";
    EXPECT_EQ(taskRow(april, task(3)).reportedPercent, std::nullopt);

    // March has no quarter target: the year's; the March report counts toward it. On 31 March
    // 90 of 365 days are gone (24.7%): nothing reported is behind, 90% on track.
    const DispatchMonth march = tasks(
        Period{2022, 3}, Date{std::chrono::year{2022}, std::chrono::March, std::chrono::day{31}});
    for (int no = 1; no <= 7; ++no) {
        const DispatchRow& r = taskRow(march, task(no));
        ASSERT_TRUE(r.currentTarget);
        EXPECT_EQ(r.currentTarget->title, kFundsYear + figure(kFundsYearOf[no - 1]));
        EXPECT_EQ(r.currentTargets, 2);
        EXPECT_EQ(r.targetStatus, no == 3 ? TargetStatus::on_track : TargetStatus::behind)
            << task(no);
    }
    EXPECT_EQ(taskRow(march, task(3)).reportedPercent, 90);
    EXPECT_EQ(taskRow(march, task(3)).reportedPeriod, "2022-03");

    // 2023: the notice set no targets for it.
    const DispatchMonth next = tasks(
        Period{2023, 1}, Date{std::chrono::year{2023}, std::chrono::January, std::chrono::day{5}});
    EXPECT_EQ(grandTotal(next).targetsNone, 7);
    EXPECT_FALSE(taskRow(next, task(1)).currentTarget);
    EXPECT_FALSE(taskRow(next, task(1)).yearTarget);
}

TEST_F(WorkTaskTest, AYearlyTargetWithItsUnitAndInvestmentProjectsHaveNone) {
    const std::string listing = "listing_tasks_2022#1";  // 每年培育2家规模以上工业企业
    report(listing, "2022-04", std::nullopt, 30, "新增规上企业1家", kJune23Last - 60 * 24 * kHour);
    const DispatchMonth year22 = tasks(Period{2022, 6}, kJune30, "listing_tasks_2022");
    const DispatchRow& r = taskRow(year22, listing);
    ASSERT_TRUE(r.currentTarget);
    EXPECT_EQ(r.currentTarget->title, "2022年：每年培育2家规模以上工业企业。");
    EXPECT_EQ(r.currentTarget->value, 2.0);
    EXPECT_EQ(r.currentTarget->unit, "家");
    EXPECT_EQ(formatDate(r.currentTarget->due), "2022-12-31");
    EXPECT_EQ(r.currentTargets, 1);
    ASSERT_TRUE(r.yearTarget);
    EXPECT_EQ(r.yearTarget->milestoneId, r.currentTarget->milestoneId);
    // 181 of 365 days gone (49.6%): 30% + 20 is on track; the year's report counts from January.
    EXPECT_EQ(r.reportedPercent, 30);
    EXPECT_EQ(r.reportedProgress, "新增规上企业1家");
    EXPECT_EQ(r.reportedPeriod, "2022-04");
    EXPECT_EQ(r.targetStatus, TargetStatus::on_track);
    // 2023 follows the 2023 target; the 2022 report is not toward it.
    const DispatchMonth may23 = tasks(
        Period{2023, 5}, Date{std::chrono::year{2023}, std::chrono::May, std::chrono::day{31}},
        "listing_tasks_2022");
    const DispatchRow& r23 = taskRow(may23, listing);
    ASSERT_TRUE(r23.currentTarget);
    EXPECT_EQ(r23.currentTarget->title, "2023年：每年培育2家规模以上工业企业。");
    EXPECT_EQ(r23.reportedPercent, std::nullopt);
    EXPECT_EQ(r23.targetStatus, TargetStatus::behind);

    // The key projects are no work tasks: no target figures, no task counted.
    const DispatchMonth projects = june(kJune30);
    EXPECT_FALSE(row(projects, "key_projects_2022#1").currentTarget);
    EXPECT_EQ(row(projects, "key_projects_2022#1").targetStatus, TargetStatus::no_target);
    EXPECT_EQ(grandTotal(projects).tasks, 0);
    EXPECT_EQ(grandTotal(projects).targetsNone, 0);
}

// The sheet read back by openpyxl (tests/support/read_xlsx.py), not by the code that wrote it.
nlohmann::json readXlsx(const std::filesystem::path& file) {
    return test::runJsonTool(test::supportScript("read_xlsx.py") + " '" + file.string() + "'");
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
