#include "core/domain/types.h"

#include <array>
#include <utility>

namespace duban {
namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Role, 4> kRoles{{{Role::field, "field"},
                                 {Role::enterprise, "enterprise"},
                                 {Role::supervisor, "supervisor"},
                                 {Role::admin, "admin"}}};
constexpr Names<UnitKind, 6> kUnitKinds{{{UnitKind::department, "department"},
                                         {UnitKind::township, "township"},
                                         {UnitKind::enterprise, "enterprise"},
                                         {UnitKind::platform_company, "platform_company"},
                                         {UnitKind::utility, "utility"},
                                         {UnitKind::group, "group"}}};
constexpr Names<ProjectKind, 2> kProjectKinds{
    {{ProjectKind::investment_project, "investment_project"},
     {ProjectKind::work_task, "work_task"}}};
constexpr Names<ProjectUnitRole, 3> kProjectUnitRoles{
    {{ProjectUnitRole::lead, "lead"},
     {ProjectUnitRole::responsible, "responsible"},
     {ProjectUnitRole::located, "located"}}};
constexpr Names<RecordState, 5> kStates{{{RecordState::draft, "draft"},
                                         {RecordState::submitted, "submitted"},
                                         {RecordState::confirmed, "confirmed"},
                                         {RecordState::returned, "returned"},
                                         {RecordState::approved, "approved"}}};
constexpr Names<Transition, 6> kTransitions{{{Transition::submit, "submit"},
                                             {Transition::confirm, "confirm"},
                                             {Transition::dispute, "dispute"},
                                             {Transition::approve, "approve"},
                                             {Transition::return_, "return"},
                                             {Transition::acknowledge, "acknowledge"}}};
constexpr Names<ReviewKind, 5> kReviewKinds{{{ReviewKind::confirm, "confirm"},
                                             {ReviewKind::dispute, "dispute"},
                                             {ReviewKind::approve, "approve"},
                                             {ReviewKind::return_, "return"},
                                             {ReviewKind::acknowledge, "acknowledge"}}};
constexpr Names<PositionSource, 2> kPositionSources{
    {{PositionSource::gps, "gps"}, {PositionSource::manual, "manual"}}};
constexpr Names<MilestoneStatus, 2> kMilestoneStatuses{
    {{MilestoneStatus::open, "open"}, {MilestoneStatus::achieved, "achieved"}}};
constexpr Names<Entity, 9> kEntities{{{Entity::unit, "unit"},
                                      {Entity::user, "user"},
                                      {Entity::project, "project"},
                                      {Entity::milestone, "milestone"},
                                      {Entity::progress_report, "progress_report"},
                                      {Entity::site_visit, "site_visit"},
                                      {Entity::photo, "photo"},
                                      {Entity::review, "review"},
                                      {Entity::warning, "warning"}}};

template <class E, std::size_t N>
std::string_view nameOf(const Names<E, N>& names, E value) {
    for (const auto& [v, name] : names) {
        if (v == value)
            return name;
    }
    return "?";
}

template <class E, std::size_t N>
std::optional<E> valueOf(const Names<E, N>& names, std::string_view text) {
    for (const auto& [v, name] : names) {
        if (name == text)
            return v;
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(Role v) {
    return nameOf(kRoles, v);
}
std::string_view toString(UnitKind v) {
    return nameOf(kUnitKinds, v);
}
std::string_view toString(ProjectKind v) {
    return nameOf(kProjectKinds, v);
}
std::string_view toString(ProjectUnitRole v) {
    return nameOf(kProjectUnitRoles, v);
}
std::string_view toString(RecordState v) {
    return nameOf(kStates, v);
}
std::string_view toString(Transition v) {
    return nameOf(kTransitions, v);
}
std::string_view toString(ReviewKind v) {
    return nameOf(kReviewKinds, v);
}
std::string_view toString(PositionSource v) {
    return nameOf(kPositionSources, v);
}
std::string_view toString(MilestoneStatus v) {
    return nameOf(kMilestoneStatuses, v);
}
std::string_view toString(Entity v) {
    return nameOf(kEntities, v);
}

template <>
std::optional<Role> parseEnum(std::string_view t) {
    return valueOf(kRoles, t);
}
template <>
std::optional<UnitKind> parseEnum(std::string_view t) {
    return valueOf(kUnitKinds, t);
}
template <>
std::optional<ProjectKind> parseEnum(std::string_view t) {
    return valueOf(kProjectKinds, t);
}
template <>
std::optional<ProjectUnitRole> parseEnum(std::string_view t) {
    return valueOf(kProjectUnitRoles, t);
}
template <>
std::optional<RecordState> parseEnum(std::string_view t) {
    return valueOf(kStates, t);
}
template <>
std::optional<Transition> parseEnum(std::string_view t) {
    return valueOf(kTransitions, t);
}
template <>
std::optional<ReviewKind> parseEnum(std::string_view t) {
    return valueOf(kReviewKinds, t);
}
template <>
std::optional<PositionSource> parseEnum(std::string_view t) {
    return valueOf(kPositionSources, t);
}
template <>
std::optional<MilestoneStatus> parseEnum(std::string_view t) {
    return valueOf(kMilestoneStatuses, t);
}
template <>
std::optional<Entity> parseEnum(std::string_view t) {
    return valueOf(kEntities, t);
}

}  // namespace duban
