// Warning letters on a device (docs/warnings.md): a supervisor issues the letter for a finding
// the proposals offer, the unit responsible for the project acknowledges it once, and nobody else
// does either; proposals leave out what a letter already answers.
#include <gtest/gtest.h>

#include "core/store/warnings.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

constexpr std::int64_t kJune12th2022 = 1654992000000;             // 2022-06-12T00:00:00Z
constexpr const char* kStartWork = "三区二期工程,2022年5月开工";  // due 2022-05-31

class WarningsTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        m_kgx = test::unitIdByName(*m_store, "市科工信局");
        m_project = test::projectIdByCode(*m_store, "key_projects_2022#1");  // 酒鬼酒, 市科工信局
        m_field = Actor{"user-field", Role::field, m_kgx, {}};
        m_supervisor =
            Actor{"user-sup", Role::supervisor, test::unitIdByName(*m_store, "市发改局"), {}};
        m_outsider =
            Actor{"user-out", Role::field, test::unitIdByName(*m_store, "市乡村振兴局"), {}};
    }

    std::vector<WarningProposal> proposals() const {
        return listWarningProposals(m_store->database(),
                                    ProposalOptions{dateAt(m_clock.nowMs()), "2022-06", {}});
    }
    // The proposal for the project's milestone that was due to start work by the end of May.
    std::optional<WarningProposal> startWorkProposal() const {
        for (const WarningProposal& p : proposals()) {
            if (p.projectId == m_project && p.milestoneTitle == kStartWork)
                return p;
        }
        return std::nullopt;
    }
    // As a sync would: the server has taken the letter.
    void serverTook(const std::string& id) const {
        m_store->database()
            .prepare("UPDATE warning SET version = 1 WHERE id = ?")
            .bindAll(id)
            .run();
    }

    test::TempDir m_dir;
    ManualClock m_clock{kJune12th2022};
    std::unique_ptr<LocalStore> m_store;
    std::string m_kgx;
    std::string m_project;
    Actor m_field;
    Actor m_supervisor;
    Actor m_outsider;
};

TEST_F(WarningsTest, ASupervisorIssuesTheProposedLetterWithItsReasonAndDeadline) {
    const auto proposal = startWorkProposal();
    ASSERT_TRUE(proposal);
    EXPECT_EQ(proposal->finding.level, 2);
    EXPECT_EQ(proposal->finding.reason, LagReason::milestone_overdue);
    EXPECT_EQ(proposal->reason, std::string("里程碑“") + kStartWork + "”已逾期12天");

    const auto issued = m_store->issueWarning(m_supervisor, *proposal, "2022-06-30");
    ASSERT_TRUE(issued) << issued.error().message;
    const auto row = loadWarning(m_store->database(), issued->id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->level, 2);
    EXPECT_EQ(row->reasonCode, "milestone_overdue");
    EXPECT_EQ(row->reason, proposal->reason);
    EXPECT_EQ(row->correctBy, "2022-06-30");
    EXPECT_EQ(row->milestoneDue, "2022-05-31");
    EXPECT_EQ(row->number, "") << "the server numbers it";
    EXPECT_EQ(row->issuedBy, "user-sup");
    EXPECT_FALSE(row->acknowledgedAt);

    const auto outbox = m_store->outbox();
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].entity, "warning");
    EXPECT_EQ(outbox[0].op, "create");
    EXPECT_EQ(outbox[0].fields["reason_code"], "milestone_overdue");
    EXPECT_EQ(outbox[0].fields["correct_by"], "2022-06-30");
    EXPECT_EQ(outbox[0].fields["level"], 2);
}

TEST_F(WarningsTest, ProposalsLeaveOutWhatALetterAnswersAlready) {
    const auto before = proposals();
    const auto proposal = startWorkProposal();
    ASSERT_TRUE(proposal);
    ASSERT_TRUE(m_store->issueWarning(m_supervisor, *proposal, "2022-06-30"));
    const auto after = proposals();
    EXPECT_EQ(after.size(), before.size() - 1);
    EXPECT_FALSE(startWorkProposal());
    // Highest level first.
    for (std::size_t i = 1; i < before.size(); ++i)
        EXPECT_GE(before[i - 1].finding.level, before[i].finding.level);
}

TEST_F(WarningsTest, OnlySupervisorsIssueAndNotWithAPassedDeadline) {
    const auto proposal = startWorkProposal();
    ASSERT_TRUE(proposal);
    for (const Actor& actor : {m_field, m_outsider}) {
        const auto refused = m_store->issueWarning(actor, *proposal, "2022-06-30");
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, "forbidden");
    }
    const auto late = m_store->issueWarning(m_supervisor, *proposal, "2022-06-11");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, "invalid");
    const auto badDate = m_store->issueWarning(m_supervisor, *proposal, "30.06.2022");
    ASSERT_FALSE(badDate);
    EXPECT_EQ(badDate.error().code, "invalid");
    EXPECT_EQ(m_store->pendingCount(), 0);
}

TEST_F(WarningsTest, AGivenNumberIsRefusedWhenTheDeviceKnowsItAlready) {
    const auto all = proposals();
    ASSERT_GE(all.size(), 2u);
    ASSERT_TRUE(m_store->issueWarning(m_supervisor, all[0], "2022-06-30", "吉发改督〔2022〕7号"));
    const auto again =
        m_store->issueWarning(m_supervisor, all[1], "2022-06-30", "吉发改督〔2022〕7号");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "conflict");
}

TEST_F(WarningsTest, OnlyTheResponsibleUnitAcknowledgesAndOnlyOnce) {
    const auto issued = m_store->issueWarning(m_supervisor, *startWorkProposal(), "2022-06-30");
    ASSERT_TRUE(issued);
    serverTook(issued->id);
    const std::string id = issued->id;

    EXPECT_EQ(countWarnings(m_store->database(), warningsFor(m_field, true)), 1);
    EXPECT_EQ(countWarnings(m_store->database(), warningsFor(m_outsider, true)), 0);
    EXPECT_TRUE(m_store->permissions(m_field, Entity::warning, id).may(Transition::acknowledge));
    EXPECT_FALSE(
        m_store->permissions(m_supervisor, Entity::warning, id).may(Transition::acknowledge));

    for (const Actor& actor : {m_supervisor, m_outsider}) {
        const Status refused =
            m_store->transition(actor, Entity::warning, id, Transition::acknowledge);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, "forbidden");
    }
    const Status approve = m_store->transition(m_field, Entity::warning, id, Transition::approve);
    ASSERT_FALSE(approve);

    ASSERT_TRUE(m_store->transition(m_field, Entity::warning, id, Transition::acknowledge));
    const auto row = loadWarning(m_store->database(), id);
    ASSERT_TRUE(row->acknowledgedAt);
    const auto outbox = m_store->outbox();
    ASSERT_EQ(outbox.size(), 2u);
    EXPECT_EQ(outbox[1].op, "transition");
    EXPECT_EQ(outbox[1].transition.value_or(""), "acknowledge");
    EXPECT_EQ(outbox[1].baseVersion, 1);
    EXPECT_EQ(countWarnings(m_store->database(), warningsFor(m_field, true)), 0);
    EXPECT_EQ(countWarnings(m_store->database(), warningsFor(m_field, false)), 1);
    EXPECT_FALSE(m_store->permissions(m_field, Entity::warning, id).may(Transition::acknowledge));

    const Status again = m_store->transition(m_field, Entity::warning, id, Transition::acknowledge);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "invalid_transition");
    EXPECT_EQ(m_store->pendingCount(), 2);
}

TEST_F(WarningsTest, TheOpenListIsPagedNewestFirst) {
    const auto all = proposals();
    ASSERT_GE(all.size(), 3u);
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        m_clock.advance(60'000);
        const auto issued = m_store->issueWarning(m_supervisor, all[i], "2022-06-30");
        ASSERT_TRUE(issued) << issued.error().message;
        ids.push_back(issued->id);
    }
    const WarningFilter open = warningsFor(m_supervisor, true);
    EXPECT_EQ(countWarnings(m_store->database(), open), 3);
    const auto first = listWarnings(m_store->database(), open, 2, 0);
    const auto second = listWarnings(m_store->database(), open, 2, 2);
    ASSERT_EQ(first.size(), 2u);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(first[0].id, ids[2]);
    EXPECT_EQ(first[1].id, ids[1]);
    EXPECT_EQ(second[0].id, ids[0]);
    WarningFilter one;
    one.warningId = ids[1];
    const auto letter = listWarnings(m_store->database(), one, 50, 0);
    ASSERT_EQ(letter.size(), 1u);
    EXPECT_EQ(letter[0].id, ids[1]);
    // The open list is read through its index.
    Statement plan = m_store->database().prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM warning WHERE acknowledged_at IS NULL "
        "ORDER BY issued_at DESC, id LIMIT 2");
    std::string detail;
    while (plan.step())
        detail += plan.text(3) + "\n";
    EXPECT_NE(detail.find("warning_open"), std::string::npos) << detail;
}

}  // namespace
}  // namespace duban
