// Every transition from every state: the allowed ones land where design.md §3 says, the rest are
// refused.
#include <gtest/gtest.h>

#include <map>

#include "core/rules/state_machine.h"

namespace duban {
namespace {

using S = RecordState;
using T = Transition;

TEST(StateMachine, EveryTransitionFromEveryState) {
    const std::map<std::pair<S, T>, S> allowed{
        {{S::draft, T::submit}, S::submitted},      {{S::returned, T::submit}, S::submitted},
        {{S::submitted, T::confirm}, S::confirmed}, {{S::submitted, T::dispute}, S::returned},
        {{S::submitted, T::approve}, S::approved},  {{S::confirmed, T::approve}, S::approved},
        {{S::submitted, T::return_}, S::returned},  {{S::confirmed, T::return_}, S::returned},
    };
    for (S from : {S::draft, S::submitted, S::confirmed, S::returned, S::approved}) {
        for (T t : {T::submit, T::confirm, T::dispute, T::approve, T::return_, T::acknowledge}) {
            const auto result = nextState(from, t);
            const auto expected = allowed.find({from, t});
            if (expected != allowed.end()) {
                ASSERT_TRUE(result.ok()) << toString(from) << " + " << toString(t);
                EXPECT_EQ(result.value(), expected->second)
                    << toString(from) << " + " << toString(t);
            } else {
                ASSERT_FALSE(result.ok())
                    << toString(from) << " + " << toString(t) << " should be refused";
                EXPECT_EQ(result.error().code, "invalid_transition");
            }
        }
    }
}

TEST(StateMachine, ApprovedIsFinal) {
    for (T t : {T::submit, T::confirm, T::dispute, T::approve, T::return_}) {
        EXPECT_FALSE(nextState(S::approved, t).ok());
    }
}

TEST(StateMachine, OnlyDraftsAndReturnedRecordsAreEditable) {
    EXPECT_TRUE(isEditable(S::draft));
    EXPECT_TRUE(isEditable(S::returned));
    EXPECT_FALSE(isEditable(S::submitted));
    EXPECT_FALSE(isEditable(S::confirmed));
    EXPECT_FALSE(isEditable(S::approved));
}

TEST(StateMachine, ReturnAndDisputeNeedAComment) {
    EXPECT_TRUE(needsComment(T::return_));
    EXPECT_TRUE(needsComment(T::dispute));
    EXPECT_FALSE(needsComment(T::approve));
    EXPECT_FALSE(needsComment(T::submit));
    EXPECT_EQ(reviewKindOf(T::return_), ReviewKind::return_);
    EXPECT_EQ(reviewKindOf(T::submit), std::nullopt);
}

TEST(StateMachine, ACommentOfBlanksIsNoComment) {
    EXPECT_FALSE(commentSuffices(T::return_, ""));
    EXPECT_FALSE(commentSuffices(T::return_, " \t\r\n "));
    EXPECT_TRUE(commentSuffices(T::return_, " 请补充照片 "));
    EXPECT_FALSE(commentSuffices(T::dispute, "\n"));
    EXPECT_TRUE(commentSuffices(T::approve, ""));  // an approval needs none
    EXPECT_TRUE(commentSuffices(T::submit, ""));
    // Unicode white space is blank too: the ideographic space an IME types, a no-break space.
    EXPECT_FALSE(commentSuffices(T::return_, "\u3000"));
    EXPECT_FALSE(commentSuffices(T::return_, "\u00a0\u3000\u2003\u200b"));
    EXPECT_EQ(commentProblem(T::dispute, "\u3000")->field, "comment");
    EXPECT_EQ(commentProblem(T::return_, " a "), std::nullopt);
}

}  // namespace
}  // namespace duban
