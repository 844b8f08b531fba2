#include "core/rules/access.h"

#include <algorithm>

#include "core/rules/state_machine.h"

namespace duban {
namespace {

Error forbidden(std::string message) {
    return makeError("forbidden", std::move(message));
}

bool isFieldAuthorRole(Role role) {
    return role == Role::field || role == Role::enterprise;
}

// A unit is "responsible" for a project when it leads it or is one of its responsible units.
bool unitIsResponsible(const ProjectUnits& project, const std::string& unitId) {
    return std::any_of(project.begin(), project.end(), [&](const ProjectUnitLink& link) {
        return link.unitId == unitId && link.role != ProjectUnitRole::located;
    });
}

Status mayWriteAuthoredRecord(const Actor& actor, const WriteRequest& request) {
    const ReadScope scope = readScope(actor);
    const bool inScope = scope.includes(request.project);
    const bool isAuthor = !request.authorId.empty() && request.authorId == actor.userId;
    const std::string what =
        request.entity == Entity::site_visit ? "site visit" : "progress report";

    switch (request.op) {
        case WriteOp::create:
            if (!isFieldAuthorRole(actor.role)) {
                return forbidden("Only township, department and enterprise staff write " + what +
                                 "s.");
            }
            if (!inScope)
                return forbidden("This project is not one of your unit's projects.");
            return Ok{};
        case WriteOp::update:
        case WriteOp::remove:
            if (!isAuthor)
                return forbidden("Only the author may change this " + what + ".");
            if (!request.state || !isEditable(*request.state) ||
                (request.op == WriteOp::remove && *request.state != RecordState::draft)) {
                return forbidden("This " + what +
                                 " has been submitted; it changes only by review.");
            }
            if (!inScope)
                return forbidden("This project is no longer one of your unit's projects.");
            return Ok{};
        case WriteOp::transition:
            break;
    }
    if (!request.transition)
        return forbidden("No transition was named.");
    switch (*request.transition) {
        case Transition::submit:
            if (!isAuthor)
                return forbidden("Only the author may submit this " + what + ".");
            if (!inScope)
                return forbidden("This project is no longer one of your unit's projects.");
            return Ok{};
        case Transition::confirm:
        case Transition::dispute:
            if (actor.role != Role::enterprise || request.entity != Entity::progress_report) {
                return forbidden(
                    "Only the enterprise responsible for the project confirms or disputes its "
                    "reports.");
            }
            if (!unitIsResponsible(request.project, actor.unitId)) {
                return forbidden("Your enterprise is not responsible for this project.");
            }
            if (isAuthor)
                return forbidden("A report is confirmed by someone other than its author.");
            return Ok{};
        case Transition::approve:
        case Transition::return_:
            if (actor.role != Role::supervisor)
                return forbidden("Only supervisors approve or return records.");
            if (!inScope)
                return forbidden("This project is not among the units you supervise.");
            if (isAuthor)
                return forbidden("Nobody approves their own record.");
            return Ok{};
        case Transition::acknowledge:
            break;
    }
    return forbidden("A " + what + " cannot be acknowledged; warnings are.");
}

Status mayWriteWarning(const Actor& actor, const WriteRequest& request) {
    if (request.op == WriteOp::create) {
        if (actor.role != Role::supervisor)
            return forbidden("Only supervisors issue warnings.");
        if (!readScope(actor).includes(request.project)) {
            return forbidden("This project is not among the units you supervise.");
        }
        return Ok{};
    }
    if (request.op == WriteOp::transition && request.transition == Transition::acknowledge) {
        if (!isFieldAuthorRole(actor.role) || !unitIsResponsible(request.project, actor.unitId)) {
            return forbidden("A warning is acknowledged by the unit responsible for the project.");
        }
        return Ok{};
    }
    return forbidden("An issued warning is not changed; it is acknowledged by its unit.");
}

}  // namespace

bool ReadScope::includes(const ProjectUnits& project) const {
    if (all)
        return true;
    return std::any_of(project.begin(), project.end(), [&](const ProjectUnitLink& link) {
        return unitIds.contains(link.unitId) && roles.contains(link.role);
    });
}

ReadScope readScope(const Actor& actor) {
    using R = ProjectUnitRole;
    switch (actor.role) {
        case Role::admin:
            return ReadScope{.all = true, .unitIds = {}, .roles = {}};
        case Role::supervisor:
            if (actor.supervisedUnitIds.empty())
                return ReadScope{.all = true, .unitIds = {}, .roles = {}};
            return ReadScope{
                .all = false,
                .unitIds = {actor.supervisedUnitIds.begin(), actor.supervisedUnitIds.end()},
                .roles = {R::lead, R::responsible, R::located}};
        case Role::field:
            // Their unit's projects, and for township staff every project in their township.
            return ReadScope{.all = false,
                             .unitIds = {actor.unitId},
                             .roles = {R::lead, R::responsible, R::located}};
        case Role::enterprise:
            return ReadScope{
                .all = false, .unitIds = {actor.unitId}, .roles = {R::lead, R::responsible}};
    }
    return ReadScope{};
}

bool authorsRecords(const Actor& actor) {
    return isFieldAuthorRole(actor.role);
}

bool reviewsRecords(const Actor& actor) {
    return actor.role == Role::supervisor;
}

Status mayWrite(const Actor& actor, const WriteRequest& request) {
    switch (request.entity) {
        case Entity::unit:
        case Entity::user:
        case Entity::project:
            if (actor.role == Role::admin)
                return Ok{};
            return forbidden("Only administrators manage units, accounts and projects.");
        case Entity::milestone:
            if (actor.role == Role::admin)
                return Ok{};
            if (actor.role == Role::supervisor && readScope(actor).includes(request.project))
                return Ok{};
            return forbidden("Only supervisors of the project's units edit its milestones.");
        case Entity::progress_report:
        case Entity::site_visit:
            return mayWriteAuthoredRecord(actor, request);
        case Entity::photo: {
            // A photo belongs to a visit or report: whoever may edit that record may add or
            // remove its photos.
            WriteRequest owner = request;
            owner.entity = Entity::site_visit;
            owner.op = request.op == WriteOp::create ? WriteOp::update : request.op;
            if (!mayWriteAuthoredRecord(actor, owner)) {
                return forbidden(
                    "Photos are added by the author of a visit or report that is still a draft.");
            }
            return Ok{};
        }
        case Entity::review:
            return forbidden(
                "Reviews are written by transitions (confirm, approve, return…), not directly.");
        case Entity::warning:
            return mayWriteWarning(actor, request);
    }
    return forbidden("Unknown record type.");
}

}  // namespace duban
