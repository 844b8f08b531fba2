#pragma once
// The record state machine of design.md §3, for progress reports and site visits:
//
//   draft ──submit──▶ submitted ──confirm──▶ confirmed
//                       │  │                    │  │
//                       │  └──────approve───────┼──┴──▶ approved (final)
//                       └─return/dispute─▶ returned ◀──return──┘
//   returned ──submit──▶ submitted
//
// Who may fire a transition is decided by core/rules/access; this file decides only whether a
// transition is valid from a state.
#include <optional>
#include <string_view>

#include "core/domain/types.h"
#include "core/rules/validation.h"
#include "core/util/result.h"

namespace duban {

// The state after `transition`, or an "invalid_transition" error naming both.
[[nodiscard]] Result<RecordState> nextState(RecordState from, Transition transition);
// Only the author edits, and only a draft or a returned record; submitted records change by
// transitions alone.
[[nodiscard]] bool isEditable(RecordState state);
// Transitions whose review must carry a reason (design.md §3: a return needs a comment).
[[nodiscard]] bool needsComment(Transition transition);
// Whether `comment` is enough for `transition`: something besides blanks (isBlank: any Unicode
// white space, the ideographic space 　 too) where one is needed. The device and the server both
// ask commentProblem, so a device never queues a return the server would refuse.
[[nodiscard]] bool commentSuffices(Transition transition, std::string_view comment);
// The "comment"/"required" field error when commentSuffices is false.
[[nodiscard]] std::optional<FieldError> commentProblem(Transition transition,
                                                       std::string_view comment);
// The review a transition leaves behind (append-only history); a submit leaves none.
[[nodiscard]] std::optional<ReviewKind> reviewKindOf(Transition transition);

}  // namespace duban
