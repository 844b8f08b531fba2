// The seed and its importer. Expected figures are summed here straight from the JSON files, an
// independent path from the importer's; the key-project table's 45 projects come from the notice.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "core/seed/importer.h"
#include "core/store/schema.h"
#include "server/commands/import_command.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

using nlohmann::json;

json readList(const std::string& code) {
    std::ifstream in(std::string(DUBAN_SEED_DIR) + "/lists/" + code + ".json");
    return json::parse(in);
}

// Sum of a money field over a list's items, in yuan.
Yuan sumYuan(const json& list, const char* field) {
    Yuan sum = 0;
    for (const auto& g : list["groups"]) {
        for (const auto& i : g["items"]) {
            if (!i[field].is_null())
                sum += static_cast<Yuan>(std::llround(i[field].get<double>() * 10000));
        }
    }
    return sum;
}

const seed::Finding* findFinding(const seed::SeedReport& report, const std::string& list,
                                 const std::string& where, const std::string& field) {
    for (const auto& f : report.findings) {
        if (f.list == list && f.where == where && f.field == field)
            return &f;
    }
    return nullptr;
}

TEST(Seed, KeyProjectTableHas45ProjectsWithSumsOfItsRows) {
    const auto data = seed::readSeed(DUBAN_SEED_DIR);
    ASSERT_TRUE(data) << data.error().message;
    const auto report = seed::checkSeed(data.value());
    EXPECT_FALSE(report.hasErrors());
    const json source = readList("key_projects_2022");
    const auto& summary = report.lists.front();
    EXPECT_EQ(summary.code, "key_projects_2022");
    EXPECT_EQ(summary.items, 45);
    EXPECT_EQ(summary.totalInvestment, sumYuan(source, "total_investment"));
    EXPECT_EQ(summary.planInvestment, sumYuan(source, "plan_investment"));
    EXPECT_EQ(summary.planInvestment, 579873LL * 10000);  // agrees with the printed 合计
}

// Every subtotal or total row the notice prints is compared with its rows; a finding exists
// exactly where they disagree.
TEST(Seed, EveryPrintedSubtotalThatDisagreesIsAFindingAndOnlyThose) {
    const auto data = seed::readSeed(DUBAN_SEED_DIR);
    ASSERT_TRUE(data);
    const auto report = seed::checkSeed(data.value());
    int compared = 0;
    for (const char* code : {"key_projects_2022", "ten_industry", "ten_infrastructure"}) {
        const json list = readList(code);
        const auto check = [&](const json& printed, const json& groups, const std::string& where) {
            for (const char* field : {"total_investment", "completed_before", "plan_investment"}) {
                if (!printed.contains(field))
                    continue;
                Yuan sum = sumYuan(json{{"groups", groups}}, field);
                const auto printedYuan =
                    static_cast<Yuan>(std::llround(printed[field].get<double>() * 10000));
                const auto* finding = findFinding(report, code, where, field);
                ++compared;
                if (printedYuan == sum) {
                    EXPECT_EQ(finding, nullptr) << code << " " << where << " " << field;
                } else {
                    ASSERT_NE(finding, nullptr) << code << " " << where << " " << field;
                    EXPECT_EQ(finding->code, "subtotal_mismatch");
                    EXPECT_EQ(static_cast<Yuan>(std::llround(*finding->computed * 10000)), sum);
                }
            }
        };
        for (const auto& g : list["groups"]) {
            if (g.contains("printed_total"))
                check(g["printed_total"], json::array({g}), g["label"]);
        }
        const std::string label = list["printed_total"]["label"];
        check(list["printed_total"], list["groups"], label.empty() ? "合计" : label);
    }
    EXPECT_GE(compared, 20);
    // The disagreement the notice really has: 新型工业 prints 776019 but its 11 rows add up to
    // 751019.
    const auto* industry =
        findFinding(report, "key_projects_2022", "一、新型工业项目(11个)", "total_investment");
    ASSERT_NE(industry, nullptr);
    EXPECT_DOUBLE_EQ(*industry->printed - *industry->computed, 25000);
}

TEST(Seed, WorkTaskTotalsAreCheckedToo) {
    const auto data = seed::readSeed(DUBAN_SEED_DIR);
    ASSERT_TRUE(data);
    seed::SeedData altered = data.value();
    for (auto& list : altered.lists) {
        if (list.code == "xiangshang_quarterly_2022")
            list.groups[0].items[0].targets[1].value = 99;  // Q2 funds
    }
    const auto report = seed::checkSeed(altered);
    bool flagged = false;
    for (const auto& f : report.findings)
        flagged |= f.list == "xiangshang_quarterly_2022" && f.code == "subtotal_mismatch";
    EXPECT_TRUE(flagged);
    for (const auto& f : seed::checkSeed(data.value()).findings)
        EXPECT_NE(f.list, "xiangshang_quarterly_2022");
}

class ImportTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto data = seed::readSeed(DUBAN_SEED_DIR);
        ASSERT_TRUE(data) << data.error().message;
        m_data = std::move(data).value();
        ASSERT_TRUE(migrate(m_db, localStoreMigrations()));
    }
    int scalar(const std::string& sql) const {
        Statement s = m_db.prepare(sql);
        s.step();
        return s.integer(0);
    }

    ManualClock m_clock{test::kJuly1st2022};
    UuidGenerator m_ids{m_clock};
    Database m_db = Database::openInMemory();
    seed::SeedData m_data;
};

TEST_F(ImportTest, CountsAndSumsEqualTheSourceRows) {
    const auto stats = seed::importSeed(m_db, m_data, m_ids);
    ASSERT_TRUE(stats) << stats.error().message;
    EXPECT_EQ(scalar("SELECT count(*) FROM project_list WHERE list_code = 'key_projects_2022'"),
              45);
    Statement sums = m_db.prepare(R"sql(
        SELECT sum(p.total_investment), sum(p.plan_investment) FROM project p
          JOIN project_list l ON l.project_id = p.id WHERE l.list_code = 'key_projects_2022')sql");
    sums.step();
    const json source = readList("key_projects_2022");
    EXPECT_EQ(sums.int64(0), sumYuan(source, "total_investment"));
    EXPECT_EQ(sums.int64(1), sumYuan(source, "plan_investment"));
    int items = 0;
    int linked = 0;
    for (const auto& list : m_data.lists) {
        for (const auto& g : list.groups) {
            for (const auto& i : g.items) {
                ++items;
                linked += i.sameAs ? 1 : 0;
            }
        }
    }
    EXPECT_EQ(scalar("SELECT count(*) FROM project"), items - linked);
    EXPECT_EQ(scalar("SELECT count(*) FROM project_list"), items);
    EXPECT_EQ(scalar("SELECT count(*) FROM unit"), static_cast<int>(m_data.units.size()));
    EXPECT_EQ(scalar("SELECT count(*) FROM project_search"), items - linked);
}

TEST_F(ImportTest, AProjectInSeveralListsIsOneProjectWithEveryTag) {
    ASSERT_TRUE(seed::importSeed(m_db, m_data, m_ids));
    Statement tags = m_db.prepare(R"sql(
        SELECT group_concat(l.list_code, ','), p.completed_before FROM project p
          JOIN project_list l ON l.project_id = p.id WHERE p.code = 'key_projects_2022#1' GROUP BY p.id)sql");
    ASSERT_TRUE(tags.step());
    EXPECT_NE(tags.text(0).find("ten_industry"), std::string::npos);
    EXPECT_NE(tags.text(0).find("key_projects_2022"), std::string::npos);
    // 累计完成投资 is printed only in the 十大产业 list; the linked project gains it.
    const json ten = readList("ten_industry");
    EXPECT_EQ(tags.int64(1),
              static_cast<Yuan>(std::llround(
                  ten["groups"][0]["items"][0]["completed_before"].get<double>() * 10000)));
}

TEST_F(ImportTest, ASecondImportChangesNothing) {
    const auto first = seed::importSeed(m_db, m_data, m_ids);
    ASSERT_TRUE(first);
    EXPECT_GT(first->rowChanges, 0);
    const auto before = m_db.totalChanges();
    const auto second = seed::importSeed(m_db, m_data, m_ids);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->rowChanges, 0);
    EXPECT_EQ(second->projectsChanged, 0);
    EXPECT_EQ(m_db.totalChanges(), before);
}

TEST_F(ImportTest, AChangedSourceRowUpdatesOnlyItsProject) {
    ASSERT_TRUE(seed::importSeed(m_db, m_data, m_ids));
    m_data.lists.front().groups[0].items[2].planInvestment = 12000;
    const auto again = seed::importSeed(m_db, m_data, m_ids);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->projectsChanged, 1);
    EXPECT_EQ(scalar("SELECT version FROM project WHERE code = 'key_projects_2022#3'"), 2);
    EXPECT_EQ(
        scalar("SELECT plan_investment / 10000 FROM project WHERE code = 'key_projects_2022#3'"),
        12000);
}

TEST_F(ImportTest, ASeedWithErrorsIsRefusedAndChangesNothing) {
    m_data.lists.front().groups[0].items[0].responsibleUnits.push_back("不存在的单位");
    const auto result = seed::importSeed(m_db, m_data, m_ids);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "seed_invalid");
    EXPECT_NE(result.error().message.find("不存在的单位"), std::string::npos);
    EXPECT_EQ(scalar("SELECT count(*) FROM unit"), 0);
}

TEST(SeedFiles, MalformedFilesGiveAClearError) {
    test::TempDir dir;
    std::filesystem::create_directories(dir.file("lists"));
    std::filesystem::copy_file(std::string(DUBAN_SEED_DIR) + "/units.json", dir.file("units.json"));
    std::ofstream(dir.file("lists/broken.json"))
        << "{\"schema\": \"duban.seed.list/1\", \"code\": ";
    auto result = seed::readSeed(dir.path());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "seed_invalid");
    EXPECT_NE(result.error().message.find("broken.json"), std::string::npos);

    std::ofstream(dir.file("lists/broken.json"), std::ios::trunc)
        << R"({"schema": "duban.seed.list/1", "code": "broken", "name": "x", "kind": "investment_project",
              "groups": [{"label": "", "items": [{"no": "one", "name": "y"}]}]})";
    result = seed::readSeed(dir.path());
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("items[0].no"), std::string::npos)
        << result.error().message;
}

TEST(ImportCommand, DryRunReportsListsSumsAndFindings) {
    const auto report = server::dryRunImport(DUBAN_SEED_DIR);
    ASSERT_TRUE(report) << report.error().message;
    const json& j = report.value();
    EXPECT_TRUE(j["ok"].get<bool>());
    const json source = readList("key_projects_2022");
    bool listed = false;
    for (const auto& list : j["lists"]) {
        if (list["code"] != "key_projects_2022")
            continue;
        listed = true;
        EXPECT_EQ(list["items"], 45);
        EXPECT_EQ(
            static_cast<Yuan>(std::llround(list["total_investment_wan"].get<double>() * 10000)),
            sumYuan(source, "total_investment"));
        EXPECT_EQ(
            static_cast<Yuan>(std::llround(list["plan_investment_wan"].get<double>() * 10000)),
            sumYuan(source, "plan_investment"));
    }
    EXPECT_TRUE(listed);
    bool mismatch = false;
    for (const auto& f : j["findings"]) {
        mismatch |= f["code"] == "subtotal_mismatch" && f["list"] == "key_projects_2022" &&
                    f["difference"] == 25000.0;
    }
    EXPECT_TRUE(mismatch);
}

}  // namespace
}  // namespace duban
