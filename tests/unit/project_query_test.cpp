// The project list over the real seed: Chinese substring search of every length, filters, sort and
// pages. Expected results come from an independent path (plain LIKE scans), not from the index.
#include <gtest/gtest.h>

#include <set>

#include "core/store/project_query.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

class ProjectQueryTest : public ::testing::Test {
protected:
    void SetUp() override { m_store = test::openSeededStore(m_dir.file("device.db"), m_clock); }

    std::set<std::string> search(const std::string& text) const {
        ProjectFilter filter;
        filter.text = text;
        std::set<std::string> ids;
        for (const auto& row :
             listProjects(m_store->database(), filter, ProjectSort::seedOrder, 1000, 0)) {
            ids.insert(row.id);
        }
        return ids;
    }

    // The oracle: projects whose name, scope, unit names or aliases contain `text`.
    std::set<std::string> scan(const std::string& text) const {
        Statement s = m_store->database().prepare(R"sql(
            SELECT p.id FROM project p
             WHERE instr(p.name, ?1) OR instr(p.scope, ?1)
                OR EXISTS (SELECT 1 FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                            WHERE pu.project_id = p.id AND instr(u.name, ?1))
                OR EXISTS (SELECT 1 FROM project_unit pu JOIN unit_alias a ON a.unit_id = pu.unit_id
                            WHERE pu.project_id = p.id AND instr(a.alias, ?1)))sql");
        s.bindAll(text);
        std::set<std::string> ids;
        while (s.step())
            ids.insert(s.text(0));
        return ids;
    }

    test::TempDir m_dir;
    ManualClock m_clock{test::kJuly1st2022};
    std::unique_ptr<LocalStore> m_store;
};

TEST_F(ProjectQueryTest, FindsJiuguijiuAmongTheSeedProjects) {
    const auto found = search("酒鬼酒");
    EXPECT_TRUE(found.contains(test::projectIdByCode(*m_store, "key_projects_2022#1")));
    EXPECT_EQ(found, scan("酒鬼酒"));
}

TEST_F(ProjectQueryTest, TwoAndOneCharacterWordsMatchLikeASubstringScan) {
    for (const char* word : {"冷链", "物流", "茶", "5G", "酒", "园区"}) {
        const auto expected = scan(word);
        EXPECT_FALSE(expected.empty()) << word;
        EXPECT_EQ(search(word), expected) << word;
    }
    EXPECT_TRUE(search("冷链").size() >= 1);
}

TEST_F(ProjectQueryTest, LongerWordsUnitAliasesAndSeveralWords) {
    for (const char* word : {"高标准农田", "科工信", "吉首经开区", "湘西黄金茶"}) {
        EXPECT_EQ(search(word), scan(word)) << word;
    }
    std::set<std::string> both;
    const auto a = scan("冷链");
    const auto b = scan("物流园");
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                          std::inserter(both, both.begin()));
    EXPECT_EQ(search("冷链 物流园"), both);
    EXPECT_TRUE(search("不存在的项目名称").empty());
    EXPECT_EQ(search("\"OR*(").size(), scan("OR").size());  // query syntax is inert
}

TEST_F(ProjectQueryTest, PagesCoverTheListInOrderWithoutGapsOrRepeats) {
    ProjectFilter filter;
    filter.listCode = "key_projects_2022";
    EXPECT_EQ(countProjects(m_store->database(), filter), 45);
    std::vector<std::string> seen;
    for (int offset = 0;; offset += 10) {
        const auto page =
            listProjects(m_store->database(), filter, ProjectSort::seedOrder, 10, offset);
        if (page.empty())
            break;
        EXPECT_LE(page.size(), 10u);
        for (const auto& row : page)
            seen.push_back(row.id);
    }
    EXPECT_EQ(seen.size(), 45u);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 45u);
    const auto first = listProjects(m_store->database(), filter, ProjectSort::seedOrder, 1, 0);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].name, "酒鬼酒股份有限公司生产二区改造及三区建设项目");
    EXPECT_EQ(first[0].totalInvestment, 2'730'270'000);
    EXPECT_EQ(first[0].unitNames, "市科工信局");
}

TEST_F(ProjectQueryTest, FiltersByCategoryStageUnitAndWarningLevel) {
    const Database& db = m_store->database();
    ProjectFilter category;
    category.category = "新型工业";
    EXPECT_EQ(countProjects(db, category), 11);  // 一、新型工业项目(11个)

    ProjectFilter stage;
    stage.stage = "新开";
    for (const auto& row : listProjects(db, stage, ProjectSort::name, 100, 0))
        EXPECT_EQ(row.stage, "新开");

    ProjectFilter unit;
    unit.unitId = test::unitIdByName(*m_store, "市科工信局");
    const auto rows = listProjects(db, unit, ProjectSort::seedOrder, 1000, 0);
    EXPECT_FALSE(rows.empty());
    for (const auto& row : rows)
        EXPECT_NE(row.unitNames.find("市科工信局"), std::string::npos) << row.name;

    ProjectFilter warned;
    warned.minWarningLevel = 2;
    EXPECT_EQ(countProjects(db, warned), 0);
    db.prepare("UPDATE project SET warning_level = 2 WHERE code = 'key_projects_2022#3'").run();
    db.prepare("UPDATE project SET warning_level = 1 WHERE code = 'key_projects_2022#4'").run();
    EXPECT_EQ(countProjects(db, warned), 1);
    const auto top = listProjects(db, ProjectFilter{}, ProjectSort::warningLevelDesc, 2, 0);
    EXPECT_EQ(top[0].warningLevel, 2);
    EXPECT_EQ(top[1].warningLevel, 1);
}

TEST_F(ProjectQueryTest, SortsByInvestmentWithEmptyFiguresLast) {
    ProjectFilter filter;
    filter.kind = ProjectKind::investment_project;
    const auto rows =
        listProjects(m_store->database(), filter, ProjectSort::totalInvestmentDesc, 1000, 0);
    bool seenEmpty = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].totalInvestment) {
            seenEmpty = true;
            continue;
        }
        EXPECT_FALSE(seenEmpty) << "a figure after an empty one";
        if (i > 0 && rows[i - 1].totalInvestment) {
            EXPECT_GE(*rows[i - 1].totalInvestment, *rows[i].totalInvestment);
        }
    }
}

TEST_F(ProjectQueryTest, ListQueriesUseIndexesNotFullScans) {
    // The list filter and the unit filter go through their indexes (EXPLAIN QUERY PLAN).
    Statement plan = m_store->database().prepare(
        "EXPLAIN QUERY PLAN SELECT project_id FROM project_list WHERE list_code = ? ORDER BY no");
    plan.bindAll("key_projects_2022");
    std::string text;
    while (plan.step())
        text += plan.text(3) + "\n";
    EXPECT_NE(text.find("project_list_by_list"), std::string::npos) << text;
}

}  // namespace
}  // namespace duban
