// The access rules of design.md §2: who reads which projects, who writes what, per role and scope.
#include <gtest/gtest.h>

#include "core/rules/access.h"

namespace duban {
namespace {

using R = ProjectUnitRole;
using S = RecordState;
using T = Transition;

// A project led by 市科工信局, with 酒鬼酒 responsible, in 矮寨镇.
const ProjectUnits kProject{
    {"unit-kgx", R::lead}, {"unit-jgj", R::responsible}, {"unit-aizhai", R::located}};
// A project of another department in another township.
const ProjectUnits kOther{{"unit-water", R::lead}, {"unit-hexi", R::located}};

const Actor kDepartmentStaff{"u-field", Role::field, "unit-kgx", {}};
const Actor kTownshipStaff{"u-town", Role::field, "unit-aizhai", {}};
const Actor kOtherTownship{"u-town2", Role::field, "unit-hexi", {}};
const Actor kEnterprise{"u-ent", Role::enterprise, "unit-jgj", {}};
const Actor kOtherEnterprise{"u-ent2", Role::enterprise, "unit-other-company", {}};
const Actor kSupervisor{"u-sup", Role::supervisor, "unit-fgj", {}};
const Actor kScopedSupervisor{"u-sup2", Role::supervisor, "unit-fgj", {"unit-water"}};
const Actor kAdmin{"u-admin", Role::admin, "unit-fgj", {}};

TEST(ReadScope, FieldStaffSeeTheirUnitsProjectsAndTheirTownships) {
    EXPECT_TRUE(readScope(kDepartmentStaff).includes(kProject));
    EXPECT_FALSE(readScope(kDepartmentStaff).includes(kOther));
    EXPECT_TRUE(readScope(kTownshipStaff).includes(kProject));  // located in their township
    EXPECT_FALSE(readScope(kOtherTownship).includes(kProject));
    EXPECT_TRUE(readScope(kOtherTownship).includes(kOther));
}

TEST(ReadScope, EnterprisesSeeOnlyProjectsTheyAreResponsibleFor) {
    EXPECT_TRUE(readScope(kEnterprise).includes(kProject));
    EXPECT_FALSE(readScope(kOtherEnterprise).includes(kProject));
    // An enterprise that happens to be "located" somewhere sees nothing through that.
    const Actor enterpriseAsTownship{"u", Role::enterprise, "unit-aizhai", {}};
    EXPECT_FALSE(readScope(enterpriseAsTownship).includes(kProject));
}

TEST(ReadScope, SupervisorsSeeWhatTheySuperviseAdminsEverything) {
    EXPECT_TRUE(readScope(kSupervisor).all);
    EXPECT_TRUE(readScope(kSupervisor).includes(kOther));
    EXPECT_FALSE(readScope(kScopedSupervisor).includes(kProject));
    EXPECT_TRUE(readScope(kScopedSupervisor).includes(kOther));
    EXPECT_TRUE(readScope(kAdmin).includes(kProject));
    EXPECT_FALSE(readScope(kDepartmentStaff).includes({}));  // a project tied to nobody
}

WriteRequest create(Entity e, const ProjectUnits& p) {
    return {e, WriteOp::create, std::nullopt, p, "", std::nullopt};
}
WriteRequest edit(Entity e, const ProjectUnits& p, std::string author, S state) {
    return {e, WriteOp::update, std::nullopt, p, std::move(author), state};
}
WriteRequest fire(T t, const ProjectUnits& p, std::string author, S state,
                  Entity e = Entity::progress_report) {
    return {e, WriteOp::transition, t, p, std::move(author), state};
}

TEST(MayWrite, FieldAndEnterpriseStaffCreateReportsAndVisitsInScopeOnly) {
    for (Entity e : {Entity::progress_report, Entity::site_visit}) {
        EXPECT_TRUE(mayWrite(kDepartmentStaff, create(e, kProject)));
        EXPECT_TRUE(mayWrite(kTownshipStaff, create(e, kProject)));
        EXPECT_TRUE(mayWrite(kEnterprise, create(e, kProject)));
        EXPECT_FALSE(mayWrite(kOtherTownship, create(e, kProject)));
        EXPECT_FALSE(mayWrite(kOtherEnterprise, create(e, kProject)));
        EXPECT_FALSE(mayWrite(kSupervisor, create(e, kProject)));
        EXPECT_FALSE(mayWrite(kAdmin, create(e, kProject)));
    }
    const auto refused = mayWrite(kOtherTownship, create(Entity::progress_report, kProject));
    EXPECT_EQ(refused.error().code, "forbidden");
}

TEST(MayWrite, OnlyTheAuthorEditsAndOnlyWhileDraftOrReturned) {
    EXPECT_TRUE(
        mayWrite(kDepartmentStaff, edit(Entity::progress_report, kProject, "u-field", S::draft)));
    EXPECT_TRUE(
        mayWrite(kDepartmentStaff, edit(Entity::site_visit, kProject, "u-field", S::returned)));
    EXPECT_FALSE(
        mayWrite(kTownshipStaff, edit(Entity::progress_report, kProject, "u-field", S::draft)));
    EXPECT_FALSE(
        mayWrite(kSupervisor, edit(Entity::progress_report, kProject, "u-field", S::draft)));
    for (S locked : {S::submitted, S::confirmed, S::approved}) {
        EXPECT_FALSE(
            mayWrite(kDepartmentStaff, edit(Entity::progress_report, kProject, "u-field", locked)));
    }
    WriteRequest remove = edit(Entity::progress_report, kProject, "u-field", S::draft);
    remove.op = WriteOp::remove;
    EXPECT_TRUE(mayWrite(kDepartmentStaff, remove));
    remove.state = S::returned;
    EXPECT_FALSE(mayWrite(kDepartmentStaff, remove));
}

TEST(MayWrite, SubmitIsTheAuthors) {
    EXPECT_TRUE(mayWrite(kDepartmentStaff, fire(T::submit, kProject, "u-field", S::draft)));
    EXPECT_FALSE(mayWrite(kTownshipStaff, fire(T::submit, kProject, "u-field", S::draft)));
    EXPECT_FALSE(mayWrite(kSupervisor, fire(T::submit, kProject, "u-field", S::draft)));
}

TEST(MayWrite, ConfirmAndDisputeAreTheResponsibleEnterprises) {
    for (T t : {T::confirm, T::dispute}) {
        EXPECT_TRUE(mayWrite(kEnterprise, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_FALSE(mayWrite(kOtherEnterprise, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_FALSE(mayWrite(kDepartmentStaff, fire(t, kProject, "u-town", S::submitted)));
        EXPECT_FALSE(mayWrite(kSupervisor, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_FALSE(
            mayWrite(kEnterprise, fire(t, kProject, "u-ent", S::submitted)));  // own report
        EXPECT_FALSE(
            mayWrite(kEnterprise, fire(t, kProject, "u-field", S::submitted, Entity::site_visit)));
    }
}

TEST(MayWrite, ApproveAndReturnAreSupervisorsInScope) {
    for (T t : {T::approve, T::return_}) {
        EXPECT_TRUE(mayWrite(kSupervisor, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_TRUE(
            mayWrite(kSupervisor, fire(t, kProject, "u-field", S::submitted, Entity::site_visit)));
        EXPECT_FALSE(mayWrite(kScopedSupervisor, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_TRUE(mayWrite(kScopedSupervisor, fire(t, kOther, "u-field", S::submitted)));
        EXPECT_FALSE(mayWrite(kDepartmentStaff, fire(t, kProject, "u-town", S::submitted)));
        EXPECT_FALSE(mayWrite(kEnterprise, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_FALSE(mayWrite(kAdmin, fire(t, kProject, "u-field", S::submitted)));
        EXPECT_FALSE(
            mayWrite(kSupervisor, fire(t, kProject, "u-sup", S::submitted)));  // own record
    }
}

TEST(MayWrite, WarningsAreIssuedBySupervisorsAndAcknowledgedByTheUnit) {
    const WriteRequest issue{Entity::warning, WriteOp::create, std::nullopt, kProject, "",
                             std::nullopt};
    EXPECT_TRUE(mayWrite(kSupervisor, issue));
    EXPECT_FALSE(mayWrite(kScopedSupervisor, issue));
    EXPECT_FALSE(mayWrite(kDepartmentStaff, issue));
    EXPECT_FALSE(mayWrite(kAdmin, issue));
    const WriteRequest ack{Entity::warning, WriteOp::transition, T::acknowledge, kProject, "",
                           std::nullopt};
    EXPECT_TRUE(mayWrite(kDepartmentStaff, ack));
    EXPECT_TRUE(mayWrite(kEnterprise, ack));
    EXPECT_FALSE(mayWrite(kTownshipStaff, ack));  // located there, not responsible
    EXPECT_FALSE(mayWrite(kSupervisor, ack));
    const WriteRequest change{Entity::warning, WriteOp::update, std::nullopt, kProject, "",
                              std::nullopt};
    EXPECT_FALSE(mayWrite(kSupervisor, change));
}

TEST(MayWrite, AdministrationIsTheAdminsMilestonesAlsoSupervisors) {
    for (Entity e : {Entity::unit, Entity::user, Entity::project}) {
        EXPECT_TRUE(mayWrite(kAdmin, create(e, kProject)));
        EXPECT_FALSE(mayWrite(kSupervisor, create(e, kProject)));
        EXPECT_FALSE(mayWrite(kDepartmentStaff, create(e, kProject)));
    }
    const WriteRequest milestone{Entity::milestone, WriteOp::update, std::nullopt, kProject, "",
                                 std::nullopt};
    EXPECT_TRUE(mayWrite(kSupervisor, milestone));
    EXPECT_FALSE(mayWrite(kScopedSupervisor, milestone));
    EXPECT_TRUE(mayWrite(kAdmin, milestone));
    EXPECT_FALSE(mayWrite(kDepartmentStaff, milestone));
}

TEST(MayWrite, PhotosFollowTheirRecordAndReviewsAreNeverWrittenDirectly) {
    const WriteRequest add{Entity::photo, WriteOp::create, std::nullopt,
                           kProject,      "u-field",       S::draft};
    EXPECT_TRUE(mayWrite(kDepartmentStaff, add));
    EXPECT_FALSE(mayWrite(kTownshipStaff, add));
    WriteRequest late = add;
    late.state = S::submitted;
    EXPECT_FALSE(mayWrite(kDepartmentStaff, late));
    for (const Actor& a : {kDepartmentStaff, kEnterprise, kSupervisor, kAdmin}) {
        EXPECT_FALSE(mayWrite(a, create(Entity::review, kProject)));
    }
}

}  // namespace
TEST(AccessTest, ScreensFollowTheRulesOfMayWrite) {
    // Whoever mayWrite lets approve has the queue; whoever it lets write a report, the forms.
    for (Role role : {Role::field, Role::enterprise, Role::supervisor, Role::admin}) {
        const Actor actor{"someone", role, "unit-a", {}};
        const ProjectUnits project{{"unit-a", ProjectUnitRole::responsible}};
        const bool mayApprove = static_cast<bool>(mayWrite(
            actor, WriteRequest{Entity::progress_report, WriteOp::transition, Transition::approve,
                                project, "author", RecordState::submitted}));
        const bool mayCreate = static_cast<bool>(
            mayWrite(actor, WriteRequest{Entity::progress_report, WriteOp::create, std::nullopt,
                                         project, "", std::nullopt}));
        EXPECT_EQ(reviewsRecords(actor), mayApprove) << toString(role);
        EXPECT_EQ(authorsRecords(actor), mayCreate) << toString(role);
    }
}

}  // namespace duban
