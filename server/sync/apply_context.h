#pragma once
// What applying one mutation needs and what it answers. Shared by the per-entity appliers; the
// batch (push_apply) owns the transaction, the savepoints and the exactly-once bookkeeping.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/rules/validation.h"
#include "core/store/database.h"
#include "core/util/result.h"
#include "core/util/uuid.h"
#include "server/auth/session.h"
#include "server/sync/mutation.h"

namespace duban::server {

struct ApplyContext {
    const Database& db;
    const Session& session;
    UuidGenerator& ids;
    std::int64_t nowMs = 0;
    std::string now;  // the push's instant, ISO 8601 UTC: one time for every change of a batch
};

struct Applied {
    std::int64_t version = 0;            // the record's new server version
    std::vector<std::string> conflicts;  // fields whose concurrent value lost (status "merged")
};

struct Rejected {
    Error error;
    std::vector<FieldError> fieldErrors;  // which fields validation refused, for the device's form
};

using Outcome = std::variant<Applied, Rejected>;

inline Rejected reject(std::string code, std::string message) {
    return Rejected{makeError(std::move(code), std::move(message)), {}};
}
inline Rejected reject(const Error& error) {
    return Rejected{error, {}};
}
// A validation failure: one "invalid" rejection listing every field problem.
Rejected invalidFields(std::vector<FieldError> errors);

// Appliers, one per kind of record a device may change; each runs inside the mutation's
// savepoint and decides with the core rules only.
[[nodiscard]] Outcome applyAuthoredMutation(const ApplyContext& context, const Mutation& m);
[[nodiscard]] Outcome applyPhotoMutation(const ApplyContext& context, const Mutation& m);
[[nodiscard]] Outcome applyWarningMutation(const ApplyContext& context, const Mutation& m);

}  // namespace duban::server
