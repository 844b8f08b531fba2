// Every transition, by every kind of actor, from every state: allowed exactly when the role may
// fire it (design.md §2) and the state machine allows it from that state (design.md §3).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/rules/access.h"
#include "core/rules/state_machine.h"

namespace duban {
namespace {

using S = RecordState;
using T = Transition;

const ProjectUnits kProject{{"unit-dept", ProjectUnitRole::lead},
                            {"unit-company", ProjectUnitRole::responsible},
                            {"unit-town", ProjectUnitRole::located}};

struct Who {
    const char* name;
    Actor actor;
    std::set<T> may;  // what this actor may fire on a report written by "author"
};

const std::vector<Who> kActors{
    {"author (field)", {"author", Role::field, "unit-dept", {}}, {T::submit}},
    {"colleague (field)", {"colleague", Role::field, "unit-dept", {}}, {}},
    {"township staff", {"town", Role::field, "unit-town", {}}, {}},
    {"responsible enterprise",
     {"company", Role::enterprise, "unit-company", {}},
     {T::confirm, T::dispute}},
    {"other enterprise", {"other", Role::enterprise, "unit-elsewhere", {}}, {}},
    {"supervisor", {"sup", Role::supervisor, "unit-fgj", {}}, {T::approve, T::return_}},
    {"supervisor of other units", {"sup2", Role::supervisor, "unit-fgj", {"unit-elsewhere"}}, {}},
    {"admin", {"admin", Role::admin, "unit-fgj", {}}, {}},
};

const std::map<T, std::set<S>> kValidFrom{
    {T::submit, {S::draft, S::returned}},
    {T::confirm, {S::submitted}},
    {T::dispute, {S::submitted}},
    {T::approve, {S::submitted, S::confirmed}},
    {T::return_, {S::submitted, S::confirmed}},
    {T::acknowledge, {}},
};

TEST(TransitionMatrix, EveryRoleEveryTransitionEveryState) {
    int allowed = 0;
    int refused = 0;
    for (const Who& who : kActors) {
        for (const auto& [transition, validFrom] : kValidFrom) {
            for (S state : {S::draft, S::submitted, S::confirmed, S::returned, S::approved}) {
                const WriteRequest request{Entity::progress_report,
                                           WriteOp::transition,
                                           transition,
                                           kProject,
                                           "author",
                                           state};
                const bool permitted = mayWrite(who.actor, request).ok();
                const bool valid = nextState(state, transition).ok();
                const bool expected = who.may.contains(transition) && validFrom.contains(state);
                EXPECT_EQ(permitted && valid, expected)
                    << who.name << " / " << toString(transition) << " / from " << toString(state);
                EXPECT_EQ(permitted, who.may.contains(transition))
                    << who.name << " / " << toString(transition);
                (expected ? allowed : refused)++;
            }
        }
    }
    EXPECT_EQ(allowed, 8);  // submit×2, confirm, dispute, approve×2, return×2
    EXPECT_EQ(refused, static_cast<int>(kActors.size()) * 6 * 5 - 8);
}

}  // namespace
}  // namespace duban
