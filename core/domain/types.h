#pragma once
// The domain of design.md §3: the records every part of Duban speaks about. Plain data, no
// behaviour beyond naming; the rules that act on them live in core/rules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duban {

using Yuan = std::int64_t;  // money is integer yuan; the notice's 万元 are converted on import

enum class Role { field, enterprise, supervisor, admin };
enum class UnitKind { department, township, enterprise, platform_company, utility, group };
enum class ProjectKind { investment_project, work_task };
enum class ProjectUnitRole { lead, responsible, located };
enum class RecordState { draft, submitted, confirmed, returned, approved };
enum class Transition { submit, confirm, dispute, approve, return_, acknowledge };
enum class ReviewKind { confirm, dispute, approve, return_, acknowledge };
enum class PositionSource { gps, manual };
enum class MilestoneStatus { open, achieved };
// Records a device may create or change. Warnings are issued by supervisors; units, users and
// projects come from admins and imports.
enum class Entity {
    unit,
    user,
    project,
    milestone,
    progress_report,
    site_visit,
    photo,
    review,
    warning
};

struct Unit {
    std::string id;
    std::string name;
    UnitKind kind = UnitKind::department;
    std::optional<std::string> parentId;
};

struct User {
    std::string id;
    std::string username;
    std::string displayName;
    Role role = Role::field;
    std::string unitId;
    std::string phone;
};

struct Project {
    std::string id;
    std::string code;  // stable natural key, e.g. "key_projects_2022#1" for seed projects
    std::string name;
    ProjectKind kind = ProjectKind::investment_project;
    std::string category;
    std::optional<int> startYear;
    std::optional<int> endYear;
    std::string stage;
    std::string scope;
    std::string industryChain;
    std::vector<std::string> fundingSources;
    std::optional<Yuan> totalInvestment;
    std::optional<Yuan> completedBefore;  // 累计完成投资 before the plan year
    std::optional<int> planYear;
    std::optional<Yuan> planInvestment;
    std::string planContent;
    std::string remarks;
    std::optional<double> latitude;
    std::optional<double> longitude;
};

struct Milestone {
    std::string id;
    std::string projectId;
    int order = 0;
    std::string title;
    std::string dueDate;  // YYYY-MM-DD
    std::optional<double> targetValue;
    std::string targetUnit;  // "%", "个", "亿元" …
    MilestoneStatus status = MilestoneStatus::open;
};

struct ProgressReport {
    std::string id;
    std::string projectId;
    std::string period;  // YYYY-MM
    std::optional<std::string> milestoneId;
    std::optional<Yuan> investment;  // completed in the period
    std::optional<int> percentComplete;
    std::string narrative;
    std::string problems;      // 存在问题
    std::string coordination;  // 需协调解决事项
    RecordState state = RecordState::draft;
    std::string authorId;
    std::string deviceId;
};

struct Position {
    double latitude = 0;
    double longitude = 0;
    std::optional<double> accuracyMeters;
    PositionSource source = PositionSource::gps;
};

struct SiteVisit {
    std::string id;
    std::string projectId;
    std::string visitedAt;       // UTC instant, ISO 8601 with Z
    int utcOffsetMinutes = 480;  // the device's offset, kept for display
    std::optional<Position> position;
    std::string notes;
    std::string peopleMet;
    RecordState state = RecordState::draft;
    std::string authorId;
    std::string deviceId;
};

struct Photo {
    std::string id;
    Entity ownerKind = Entity::site_visit;
    std::string ownerId;
    std::string sha256;
    std::int64_t size = 0;
    std::string thumbnailSha256;
    int width = 0;
    int height = 0;
    std::optional<std::string> takenAt;
    std::optional<Position> position;
    std::string caption;
};

struct Review {
    std::string id;
    ReviewKind kind = ReviewKind::confirm;
    Entity targetKind = Entity::progress_report;
    std::string targetId;
    std::int64_t targetVersion = 0;
    std::string actorId;
    std::string comment;
    std::string at;
};

struct Warning {
    std::string id;
    std::string projectId;
    std::optional<std::string> milestoneId;
    int level = 1;           // 1 提醒, 2 预警, 3 纠责
    std::string reasonCode;  // the finding it came from (LagReason: milestone_overdue, …)
    std::string reason;      // the finding in words (lagReasonText)
    std::string number;  // 文号, e.g. 吉发改督〔2022〕12号; the server numbers it when empty
    std::string correctBy;  // YYYY-MM-DD: the deadline to correct
    std::string issuedAt;
    std::string issuedBy;
    std::optional<std::string> acknowledgedAt;
};

// Names as they travel in JSON and rest in SQL (snake_case); parse returns nullopt on anything
// else.
[[nodiscard]] std::string_view toString(Role value);
[[nodiscard]] std::string_view toString(UnitKind value);
[[nodiscard]] std::string_view toString(ProjectKind value);
[[nodiscard]] std::string_view toString(ProjectUnitRole value);
[[nodiscard]] std::string_view toString(RecordState value);
[[nodiscard]] std::string_view toString(Transition value);
[[nodiscard]] std::string_view toString(ReviewKind value);
[[nodiscard]] std::string_view toString(PositionSource value);
[[nodiscard]] std::string_view toString(MilestoneStatus value);
[[nodiscard]] std::string_view toString(Entity value);

template <class E>
[[nodiscard]] std::optional<E> parseEnum(std::string_view text);

}  // namespace duban
