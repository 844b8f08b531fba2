#pragma once
// The core's validation problems (field + stable code) in the user's language.
#include <QString>
#include <QVariantMap>

#include <vector>

#include "core/rules/validation.h"
#include "core/util/result.h"

namespace duban::app {

// "本月完成投资超过项目总投资" — a field's problem as a sentence for the form.
[[nodiscard]] QString fieldErrorText(const FieldError& error);
// field → sentence (the first problem of each field), for a form to show beside its inputs.
[[nodiscard]] QVariantMap fieldErrorMap(const std::vector<FieldError>& errors);

// An error from the store or the server, for a user: Chinese for the codes a user meets, the
// English message (with its code) for the rest.
[[nodiscard]] QString errorText(const Error& error);

}  // namespace duban::app
