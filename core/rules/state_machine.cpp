#include "core/rules/state_machine.h"

#include <string>

#include "core/util/utf8.h"

namespace duban {

Result<RecordState> nextState(RecordState from, Transition transition) {
    using S = RecordState;
    switch (transition) {
        case Transition::submit:
            if (from == S::draft || from == S::returned)
                return S::submitted;
            break;
        case Transition::confirm:
            if (from == S::submitted)
                return S::confirmed;
            break;
        case Transition::dispute:
            if (from == S::submitted)
                return S::returned;
            break;
        case Transition::approve:
            if (from == S::submitted || from == S::confirmed)
                return S::approved;
            break;
        case Transition::return_:
            if (from == S::submitted || from == S::confirmed)
                return S::returned;
            break;
        case Transition::acknowledge:
            break;  // warnings are acknowledged, records are not
    }
    return makeError("invalid_transition", "A record that is " + std::string(toString(from)) +
                                               " cannot be given '" +
                                               std::string(toString(transition)) +
                                               "'; reload it to see its current state.");
}

bool isEditable(RecordState state) {
    return state == RecordState::draft || state == RecordState::returned;
}

bool needsComment(Transition transition) {
    return transition == Transition::return_ || transition == Transition::dispute;
}

bool commentSuffices(Transition transition, std::string_view comment) {
    return !needsComment(transition) || !isBlank(comment);
}

std::optional<FieldError> commentProblem(Transition transition, std::string_view comment) {
    if (commentSuffices(transition, comment))
        return std::nullopt;
    return FieldError{"comment", "required",
                      "a return or dispute needs a comment saying what to correct."};
}

std::optional<ReviewKind> reviewKindOf(Transition transition) {
    switch (transition) {
        case Transition::confirm:
            return ReviewKind::confirm;
        case Transition::dispute:
            return ReviewKind::dispute;
        case Transition::approve:
            return ReviewKind::approve;
        case Transition::return_:
            return ReviewKind::return_;
        case Transition::acknowledge:
            return ReviewKind::acknowledge;
        case Transition::submit:
            break;
    }
    return std::nullopt;
}

}  // namespace duban
