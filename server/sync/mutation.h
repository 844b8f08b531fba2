#pragma once
// One mutation of a push (design.md §5) as the server reads it, and the strict reading of the push
// envelope: a malformed mutation refuses the whole request before anything is applied.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/rules/access.h"
#include "core/util/result.h"

namespace duban::server {

struct Mutation {
    std::int64_t n = 0;  // the device's mutation number, 1, 2, 3, …
    std::string mid;     // global id, for logs and support
    Entity entity = Entity::progress_report;
    std::string id;  // the record's id
    WriteOp op = WriteOp::create;
    std::int64_t baseVersion = 0;  // the server version the device based the change on
    nlohmann::json fields = nlohmann::json::object();
    std::optional<Transition> transition;
    std::string comment;
    std::string hlc;  // orders a user's own edits for display; no decision rests on it
};

struct PushRequest {
    std::string device;
    std::vector<Mutation> mutations;
};

// "create" | "update" | "transition" | "delete", as mutations spell them.
[[nodiscard]] std::string_view opName(WriteOp op);

// Reads the push body: {"device", "mutations": [...]} with at most `maxMutations` entries, numbers
// strictly increasing. An "invalid" error names the first problem (and the mutation's index);
// "payload_too_large" when there are too many mutations.
[[nodiscard]] Result<PushRequest> readPushRequest(const nlohmann::json& body, int maxMutations);

}  // namespace duban::server
