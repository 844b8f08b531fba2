// The to-do home's sections on a real seeded store (core/store/todo, pending_uploads): what each
// role sees, and that acting on an item takes it off the list.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/store/pending_uploads.h"
#include "core/store/todo.h"
#include "tests/support/test_photos.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

constexpr std::int64_t kJune10th2022 = 1654819200000;  // 2022-06-10T00:00:00Z, 08:00 in Beijing
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

class TodoStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        m_kgx = test::unitIdByName(*m_store, "市科工信局");
        m_field = Actor{"user-kgx", Role::field, m_kgx, {}};
        m_jiuguijiu = test::projectIdByCode(*m_store, "key_projects_2022#1");
    }

    [[nodiscard]] Date today() const { return dateAt(m_clock.nowMs()); }
    [[nodiscard]] const Database& db() const { return m_store->database(); }

    // Projects the unit leads or is responsible for, counted straight from the seed.
    int unitProjects(const std::string& unitId) const {
        Statement s = db().prepare(
            "SELECT count(DISTINCT project_id) FROM project_unit WHERE unit_id = ? "
            "AND role IN ('lead', 'responsible')");
        s.bindAll(unitId);
        s.step();
        return s.integer(0);
    }

    std::string saveReport(const Actor& actor, const std::string& project,
                           const std::string& period, bool submit) {
        ProgressReport r;
        r.projectId = project;
        r.period = period;
        r.investment = 1'000'000;
        r.percentComplete = 40;
        r.narrative = "按计划推进";
        const auto saved = m_store->saveReport(actor, r);
        EXPECT_TRUE(saved) << (saved ? "" : saved.error().message);
        if (submit) {
            EXPECT_TRUE(
                m_store->transition(actor, Entity::progress_report, saved->id, Transition::submit));
        }
        return saved->id;
    }

    static bool lists(const TodoSectionRows& section, const std::string& id) {
        return std::any_of(section.rows.begin(), section.rows.end(),
                           [&](const TodoRow& r) { return r.targetId == id; });
    }

    test::TempDir m_dir;
    ManualClock m_clock{kJune10th2022};
    std::unique_ptr<LocalStore> m_store;
    std::string m_kgx;
    Actor m_field;
    std::string m_jiuguijiu;
};

TEST_F(TodoStoreTest, EveryProjectOfTheUnitIsDueUntilItsMonthIsFiled) {
    const Period june{2022, 6};
    const int all = unitProjects(m_kgx);
    ASSERT_GT(all, 5);
    TodoSectionRows due = readReportsDue(db(), m_field, june, 5);
    EXPECT_EQ(due.total, all);
    EXPECT_EQ(due.rows.size(), 5u) << "only the first rows are read";

    saveReport(m_field, m_jiuguijiu, "2022-06", true);
    due = readReportsDue(db(), m_field, june, 500);
    EXPECT_EQ(due.total, all - 1);
    EXPECT_FALSE(lists(due, m_jiuguijiu)) << "filed: no longer due";
    EXPECT_EQ(readReportsDue(db(), m_field, Period{2022, 5}, 1).total, all)
        << "May is another month";
}

TEST_F(TodoStoreTest, ADraftOfTheMonthsReportIsShownAsThatReportDueNotTwice) {
    const std::string other =
        readReportsDue(db(), m_field, Period{2022, 6}, 1).rows.at(0).projectId;
    const std::string juneDraft = saveReport(m_field, other, "2022-06", false);
    const std::string mayDraft = saveReport(m_field, m_jiuguijiu, "2022-05", false);

    const TodoSectionRows due = readReportsDue(db(), m_field, Period{2022, 6}, 500);
    const auto row = std::find_if(due.rows.begin(), due.rows.end(),
                                  [&](const TodoRow& r) { return r.projectId == other; });
    ASSERT_NE(row, due.rows.end());
    EXPECT_TRUE(row->hasDraft);

    const TodoSectionRows drafts = readDrafts(db(), m_field, Period{2022, 6}, 10);
    EXPECT_EQ(drafts.total, 1);
    EXPECT_TRUE(lists(drafts, mayDraft));
    EXPECT_FALSE(lists(drafts, juneDraft));
    EXPECT_EQ(drafts.rows.at(0).period, "2022-05");
}

TEST_F(TodoStoreTest, AReturnedRecordCarriesTheReviewersReasonUntilResubmitted) {
    const std::string id = saveReport(m_field, m_jiuguijiu, "2022-06", true);
    const Actor supervisor{"user-sup", Role::supervisor, "unit-sup", {}};
    ASSERT_TRUE(m_store->transition(supervisor, Entity::progress_report, id, Transition::return_,
                                    "请补充现场照片"));
    // The review and its author arrive by the next pull (the server writes reviews).
    db().prepare(
            "INSERT INTO user (id, username, display_name, role) "
            "VALUES ('user-sup', 'sup', '督查员甲', 'supervisor')")
        .run();
    db().prepare(
            "INSERT INTO review (id, kind, target_kind, target_id, target_version, actor_id, "
            "comment, at) VALUES ('rv-1', 'return', 'progress_report', ?, 2, 'user-sup', "
            "'请补充现场照片', '2022-06-10T02:00:00Z')")
        .bindAll(id)
        .run();

    TodoSectionRows returned = readReturned(db(), m_field, 5);
    ASSERT_EQ(returned.total, 1);
    EXPECT_EQ(returned.rows.at(0).targetId, id);
    EXPECT_EQ(returned.rows.at(0).target, "progress_report");
    EXPECT_EQ(returned.rows.at(0).detail, "请补充现场照片");
    EXPECT_EQ(returned.rows.at(0).period, "2022-06");
    EXPECT_EQ(returned.rows.at(0).who, "督查员甲");
    EXPECT_EQ(readReturned(db(), Actor{"someone-else", Role::field, m_kgx, {}}, 5).total, 0)
        << "only the author's";

    ASSERT_TRUE(m_store->transition(m_field, Entity::progress_report, id, Transition::submit));
    EXPECT_EQ(readReturned(db(), m_field, 5).total, 0);
}

TEST_F(TodoStoreTest, ASupervisorChasesTheUnitsWhoseReportsAreMissing) {
    const Period june{2022, 6};
    auto rowOf = [&](const TodoSectionRows& units) {
        return std::find_if(units.rows.begin(), units.rows.end(),
                            [&](const TodoRow& r) { return r.targetId == m_kgx; });
    };
    TodoSectionRows units = readLateUnits(db(), june, 500);
    ASSERT_GT(units.total, 1);
    EXPECT_EQ(units.total, static_cast<int>(units.rows.size()));
    const auto before = rowOf(units);
    ASSERT_NE(before, units.rows.end());
    const int missing = before->count;
    EXPECT_GE(units.rows.front().count, units.rows.back().count) << "most missing first";

    saveReport(m_field, m_jiuguijiu, "2022-06", true);
    units = readLateUnits(db(), june, 500);
    const auto after = rowOf(units);
    ASSERT_NE(after, units.rows.end());
    EXPECT_EQ(after->count, missing - 1);
}

TEST_F(TodoStoreTest, TheHomeHasTheRolesSectionsInOrderWithTheirCounts) {
    const TodoHome home = readTodoHome(db(), m_field, today(), 3);
    EXPECT_EQ(home.deadline.due,
              (Date{std::chrono::year{2022}, std::chrono::June, std::chrono::day{23}}));
    EXPECT_EQ(home.deadline.daysLeft, 13);
    ASSERT_EQ(home.sections.size(), todoSectionsFor(Role::field).size());
    for (std::size_t i = 0; i < home.sections.size(); ++i) {
        EXPECT_EQ(home.sections[i].section, todoSectionsFor(Role::field)[i]);
        EXPECT_LE(home.sections[i].rows.size(), 3u);
        EXPECT_EQ(home.counts[home.sections[i].section], home.sections[i].total);
    }
    EXPECT_EQ(home.counts[TodoSection::report_due], unitProjects(m_kgx));

    const Actor supervisor{"user-sup", Role::supervisor, "unit-sup", {}};
    saveReport(m_field, m_jiuguijiu, "2022-06", true);
    m_clock.advance(15 * kDayMs);  // 25 June: June's reports are late now
    const TodoHome sup = readTodoHome(db(), supervisor, today(), 3);
    EXPECT_EQ(sup.latePeriod, (Period{2022, 6}));
    EXPECT_EQ(sup.counts[TodoSection::queue], 1);
    EXPECT_EQ(sup.sections.at(0).rows.at(0).title, "酒鬼酒股份有限公司生产二区改造及三区建设项目")
        << "the queue's first row names its project";
    EXPECT_GT(sup.counts[TodoSection::late_units], 0);
    EXPECT_GT(sup.counts[TodoSection::proposals], 0) << "June's report is missing on most projects";
}

TEST_F(TodoStoreTest, PendingUploadsCountRecordsAndPhotosNotChanges) {
    SiteVisit visit;
    visit.projectId = m_jiuguijiu;
    visit.visitedAt = "2022-06-09T01:00:00Z";
    visit.notes = "现场施工正常";
    const auto saved = m_store->saveVisit(m_field, visit);
    ASSERT_TRUE(saved) << saved.error().message;
    test::writeNoiseJpeg(m_dir.file("site.jpg"), 640, 480, 7);
    ASSERT_TRUE(
        m_store->attachPhoto(m_field, Entity::site_visit, saved->id, m_dir.file("site.jpg")));
    ASSERT_TRUE(m_store->transition(m_field, Entity::site_visit, saved->id, Transition::submit));

    ASSERT_GE(m_store->pendingCount(), 3) << "the outbox counts changes";
    const PendingUploads pending = countPendingUploads(db());
    EXPECT_EQ(pending.records, 1);
    EXPECT_EQ(pending.photos, 1) << "the thumbnail travels unseen";
    EXPECT_EQ(pending.total(), 2);
    const auto byProject = pendingRecordsByProject(db());
    ASSERT_EQ(byProject.size(), 1u);
    EXPECT_EQ(byProject.at(m_jiuguijiu), 1);
}

}  // namespace
}  // namespace duban
