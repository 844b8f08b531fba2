// The demo accounts' journey (server/app/first_start, D41): the field officer and the enterprise
// contact share projects, so a report the officer submits reaches the enterprise's 待确认, the
// enterprise may confirm it, and the supervisor then finds it in the queue.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "core/store/todo.h"
#include "server/app/first_start.h"
#include "server/auth/accounts.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

constexpr std::int64_t kJune10th2022 = 1654819200000;

const server::DemoAccount& demo(Role role) {
    const auto accounts = server::demoAccounts();
    const auto found = std::find_if(accounts.begin(), accounts.end(),
                                    [&](const server::DemoAccount& a) { return a.role == role; });
    if (found == accounts.end())
        throw std::runtime_error("no demo account for a role");
    return *found;
}

TEST(DemoJourney, TheEnterpriseConfirmsWhatTheFieldOfficerReportsOnTheirSharedProject) {
    test::TempDir dir;
    ManualClock clock{kJune10th2022};
    const auto store = test::openSeededStore(dir.file("device.db"), clock);
    const Actor field{
        "demo-field", Role::field, test::unitIdByName(*store, demo(Role::field).unit), {}};
    const Actor enterprise{"demo-enterprise",
                           Role::enterprise,
                           test::unitIdByName(*store, demo(Role::enterprise).unit),
                           {}};
    const Actor supervisor{"demo-supervisor",
                           Role::supervisor,
                           test::unitIdByName(*store, demo(Role::supervisor).unit),
                           {}};

    // The projects both units answer for: at least one, or the enterprise has nothing to do.
    Statement shared = store->database().prepare(R"sql(
        SELECT f.project_id FROM project_unit f JOIN project_unit e ON e.project_id = f.project_id
         WHERE f.unit_id = ?1 AND f.role IN ('lead', 'responsible')
           AND e.unit_id = ?2 AND e.role IN ('lead', 'responsible')
         ORDER BY f.project_id)sql");
    shared.bindAll(field.unitId, enterprise.unitId);
    ASSERT_TRUE(shared.step()) << demo(Role::field).unit << " and " << demo(Role::enterprise).unit
                               << " share no project";
    const std::string project = shared.text(0);
    EXPECT_EQ(readToConfirm(store->database(), enterprise, 5).total, 0);

    ProgressReport report;
    report.projectId = project;
    report.period = "2022-06";
    report.investment = 0;  // a work task invests nothing of its own
    report.percentComplete = 45;
    report.narrative = "新建5G基站62个";
    const auto saved = store->saveReport(field, report);
    ASSERT_TRUE(saved) << saved.error().message;
    const Status submitted =
        store->transition(field, Entity::progress_report, saved->id, Transition::submit);
    ASSERT_TRUE(submitted) << submitted.error().message;

    const TodoHome home = readTodoHome(store->database(), enterprise, dateAt(clock.nowMs()), 5);
    ASSERT_EQ(home.sections.front().section, TodoSection::to_confirm);
    ASSERT_EQ(home.counts[TodoSection::to_confirm], 1);
    EXPECT_EQ(home.sections.front().rows.at(0).targetId, saved->id);
    EXPECT_TRUE(store->permissions(enterprise, Entity::progress_report, saved->id)
                    .may(Transition::confirm));

    ASSERT_TRUE(
        store->transition(enterprise, Entity::progress_report, saved->id, Transition::confirm));
    EXPECT_EQ(readToConfirm(store->database(), enterprise, 5).total, 0);
    const TodoHome review = readTodoHome(store->database(), supervisor, dateAt(clock.nowMs()), 5);
    EXPECT_EQ(review.counts[TodoSection::queue], 1);
    EXPECT_TRUE(store->permissions(supervisor, Entity::progress_report, saved->id)
                    .may(Transition::approve));
}

// A server's data folder from before D41 (demo-enterprise in 市腾达公司) gets the account moved to
// the shared unit on its next start with --demo; other accounts stay where they are.
TEST(DemoJourney, AnEarlierDemoEnterpriseIsMovedToTheSharedUnitOnce) {
    test::TempDir dir;
    const Database db = Database::open(dir.file("server.db"));
    ManualClock clock{kJune10th2022};
    server::ServerConfig config;
    config.seedDir = DUBAN_SEED_DIR;
    config.demo = true;
    config.scryptN = 1u << 10;
    setenv("DUBAN_ADMIN_PASSWORD", "demo-journey-password-1", 1);
    setenv("DUBAN_DEMO_PASSWORD", "demo-journey-password-2", 1);
    std::ostringstream console;
    ASSERT_TRUE(server::prepareDatabase(db, config, clock, console));

    auto unitOf = [&](const char* username) {
        Statement s = db.prepare(
            "SELECT n.name FROM user u JOIN unit n ON n.id = u.unit_id WHERE u.username = ?");
        s.bindAll(std::string(username));
        return s.step() ? s.text(0) : std::string();
    };
    EXPECT_EQ(unitOf("demo-enterprise"), demo(Role::enterprise).unit);
    const auto tengda = server::findUnitId(db, "市腾达公司");
    ASSERT_TRUE(tengda);
    db.prepare("UPDATE user SET unit_id = ? WHERE username = 'demo-enterprise'")
        .bindAll(*tengda)
        .run();
    db.prepare("UPDATE user SET unit_id = ? WHERE username = 'admin'").bindAll(*tengda).run();

    ASSERT_TRUE(server::prepareDatabase(db, config, clock, console));
    EXPECT_EQ(unitOf("demo-enterprise"), "中国移动吉首分公司");
    EXPECT_EQ(unitOf("admin"), "市腾达公司") << "only the demo enterprise account moves";
}

}  // namespace
}  // namespace duban
