#pragma once
// Who may see and who may change what (design.md §2). One function decides read scope, one decides
// write permission; the server checks every pull and push with them and the app uses the same
// answers to decide what it shows and enables.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/util/result.h"

namespace duban {

struct Actor {
    std::string userId;
    Role role = Role::field;
    std::string unitId;
    // Units a supervisor supervises; empty means every unit (the 发改局 / 督查室 default).
    std::vector<std::string> supervisedUnitIds;
};

// How a project is tied to units: its lead unit, responsible units and the township it lies in.
struct ProjectUnitLink {
    std::string unitId;
    ProjectUnitRole role = ProjectUnitRole::responsible;
};
using ProjectUnits = std::vector<ProjectUnitLink>;

// The projects an actor may read: every project, or those linked to one of `unitIds` in one of
// `roles`. Data, so the server can turn it into one indexed SQL filter.
struct ReadScope {
    bool all = false;
    std::set<std::string> unitIds;
    std::set<ProjectUnitRole> roles;

    [[nodiscard]] bool includes(const ProjectUnits& project) const;
};

[[nodiscard]] ReadScope readScope(const Actor& actor);

enum class WriteOp { create, update, remove, transition };

// One intended change, with the facts about its target that the rule needs.
struct WriteRequest {
    Entity entity = Entity::progress_report;
    WriteOp op = WriteOp::create;
    std::optional<Transition> transition;  // for op == transition
    ProjectUnits project;                  // the project the record belongs to (if any)
    std::string authorId;                  // author of the existing record (or owner record)
    std::optional<RecordState> state;      // state of the existing record (or owner record)
};

// What a role's screens offer at all (each action on a record is still decided by mayWrite):
// writing visits and reports, and the supervisor's review queue.
[[nodiscard]] bool authorsRecords(const Actor& actor);
[[nodiscard]] bool reviewsRecords(const Actor& actor);

// Ok, or a "forbidden" error that says why in words a user understands.
[[nodiscard]] Status mayWrite(const Actor& actor, const WriteRequest& request);

}  // namespace duban
