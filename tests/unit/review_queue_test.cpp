// The supervisor's queue on a real store: only what waits for a decision, newest first, filtered
// by kind, responsible unit and project, and menus that offer only what has something waiting.
#include <gtest/gtest.h>

#include <set>

#include "core/store/review_queue.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

QueueFilter filterOf(std::optional<Entity> entity, std::optional<std::string> unitId = {},
                     std::optional<std::string> projectId = {}) {
    QueueFilter f;
    f.entity = entity;
    f.unitId = std::move(unitId);
    f.projectId = std::move(projectId);
    return f;
}

class ReviewQueueTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        m_kgx = test::unitIdByName(*m_store, "市科工信局");
        m_jiuguijiu = test::projectIdByCode(*m_store, "key_projects_2022#1");
        // Another project with a responsible unit that is not 市科工信局, and that unit.
        Statement other = m_store->database().prepare(R"sql(
            SELECT pu.project_id, pu.unit_id FROM project_unit pu
             WHERE pu.role = 'responsible' AND pu.unit_id <> ?1
               AND NOT EXISTS (SELECT 1 FROM project_unit k WHERE k.project_id = pu.project_id
                                  AND k.unit_id = ?1)
             ORDER BY pu.project_id LIMIT 1)sql");
        other.bindAll(m_kgx);
        ASSERT_TRUE(other.step());
        m_other = other.text(0);
        m_otherUnit = other.text(1);

        const Actor kgxField{"user-kgx", Role::field, m_kgx, {}};
        const Actor otherField{"user-other", Role::field, m_otherUnit, {}};
        m_reportIds = {submitReport(kgxField, m_jiuguijiu, "2022-04"),
                       submitReport(kgxField, m_jiuguijiu, "2022-05"),
                       submitReport(otherField, m_other, "2022-05")};
        m_visitId = submitVisit(kgxField, m_jiuguijiu);
        ProgressReport draft = report(m_jiuguijiu, "2022-06");  // a draft waits for no one
        ASSERT_TRUE(m_store->saveReport(kgxField, draft));
    }

    static ProgressReport report(const std::string& project, const std::string& period) {
        ProgressReport r;
        r.projectId = project;
        r.period = period;
        r.investment = 1'000'000;
        r.percentComplete = 40;
        r.narrative = "进度正常";
        return r;
    }

    std::string submitReport(const Actor& actor, const std::string& project,
                             const std::string& period) {
        const auto saved = m_store->saveReport(actor, report(project, period));
        EXPECT_TRUE(saved) << period;
        EXPECT_TRUE(
            m_store->transition(actor, Entity::progress_report, saved->id, Transition::submit));
        return saved->id;
    }

    std::string submitVisit(const Actor& actor, const std::string& project) {
        SiteVisit visit;
        visit.projectId = project;
        visit.visitedAt = "2022-06-30T02:00:00Z";
        visit.position = Position{28.31, 109.73, 6.5, PositionSource::gps};
        visit.notes = "现场施工正常";
        const auto saved = m_store->saveVisit(actor, visit);
        EXPECT_TRUE(saved);
        EXPECT_TRUE(m_store->transition(actor, Entity::site_visit, saved->id, Transition::submit));
        return saved->id;
    }

    std::set<std::string> ids(const QueueFilter& filter) const {
        std::set<std::string> out;
        for (const QueueRow& row : listReviewQueue(m_store->database(), filter, 100, 0))
            out.insert(row.id);
        EXPECT_EQ(countReviewQueue(m_store->database(), filter), static_cast<int>(out.size()));
        return out;
    }

    test::TempDir m_dir;
    ManualClock m_clock{test::kJuly1st2022};
    std::unique_ptr<LocalStore> m_store;
    std::string m_kgx, m_jiuguijiu, m_other, m_otherUnit, m_visitId;
    std::vector<std::string> m_reportIds;
};

TEST_F(ReviewQueueTest, HoldsEverySubmittedRecordAndNoDraftNewestFirst) {
    const auto rows = listReviewQueue(m_store->database(), {}, 100, 0);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(countReviewQueue(m_store->database()), 4);
    EXPECT_EQ(rows[0].id, m_visitId);  // 2022-06-30… sorts after 2022-05
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_GE(rows[i - 1].when, rows[i].when);
    // Pages of two cover the queue without gaps or repeats.
    std::set<std::string> paged;
    for (int offset = 0; offset < 4; offset += 2) {
        for (const QueueRow& row : listReviewQueue(m_store->database(), {}, 2, offset))
            EXPECT_TRUE(paged.insert(row.id).second) << row.id;
    }
    EXPECT_EQ(paged, ids({}));
}

TEST_F(ReviewQueueTest, FiltersByKindUnitAndProject) {
    EXPECT_EQ(ids(filterOf(Entity::progress_report)),
              std::set<std::string>(m_reportIds.begin(), m_reportIds.end()));
    EXPECT_EQ(ids(filterOf(Entity::site_visit)), std::set<std::string>{m_visitId});
    EXPECT_TRUE(ids(filterOf(Entity::milestone)).empty()) << "other kinds never wait here";

    EXPECT_EQ(ids(filterOf({}, m_otherUnit)), std::set<std::string>{m_reportIds[2]});
    EXPECT_EQ(ids(filterOf({}, m_kgx)),
              (std::set<std::string>{m_reportIds[0], m_reportIds[1], m_visitId}));
    EXPECT_EQ(ids(filterOf({}, {}, m_other)), std::set<std::string>{m_reportIds[2]});
    EXPECT_EQ(ids(filterOf(Entity::site_visit, m_otherUnit)).size(), 0u);
    EXPECT_EQ(ids(filterOf(Entity::progress_report, {}, m_jiuguijiu)),
              (std::set<std::string>{m_reportIds[0], m_reportIds[1]}));
}

TEST_F(ReviewQueueTest, ARecordLeavesTheQueueWhenDecided) {
    const Actor supervisor{
        "user-sup", Role::supervisor, test::unitIdByName(*m_store, "市发改局"), {}};
    ASSERT_TRUE(m_store->transition(supervisor, Entity::progress_report, m_reportIds[2],
                                    Transition::approve));
    EXPECT_TRUE(ids(filterOf({}, {}, m_other)).empty());
    EXPECT_EQ(countReviewQueue(m_store->database()), 3);
}

TEST_F(ReviewQueueTest, MenusOfferOnlyWhatHasSomethingWaitingWithItsCount) {
    const QueueChoices choices = loadQueueChoices(m_store->database());
    ASSERT_EQ(choices.projects.size(), 2u);
    std::map<std::string, std::string> projects, units;
    for (const FilterChoice& c : choices.projects)
        projects[c.value] = c.label;
    for (const FilterChoice& c : choices.units)
        units[c.value] = c.label;
    EXPECT_TRUE(projects[m_jiuguijiu].ends_with("（3）")) << projects[m_jiuguijiu];
    EXPECT_TRUE(projects[m_other].ends_with("（1）")) << projects[m_other];
    EXPECT_TRUE(units[m_kgx].starts_with("市科工信局")) << units[m_kgx];
    EXPECT_TRUE(units[m_kgx].ends_with("（3）")) << units[m_kgx];
    EXPECT_TRUE(units[m_otherUnit].ends_with("（1）")) << units[m_otherUnit];
    // Every unit offered leads or is responsible for a project with something waiting.
    for (const auto& [unit, label] : units)
        EXPECT_FALSE(ids(filterOf({}, unit)).empty()) << label;
}

}  // namespace
}  // namespace duban
