#pragma once
// The project list of design.md §8: search, filters, sort, and pages read from SQL — never the
// whole table. One query per page (units come along in the same query, no N+1).
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/store/database.h"
#include "core/store/sql_where.h"

namespace duban {

struct ProjectFilter {
    std::string text;                       // search words (all must match)
    std::optional<std::string> category;    // 新型工业 …
    std::optional<std::string> listCode;    // key_projects_2022 …
    std::optional<std::string> unitId;      // lead or responsible unit
    std::optional<std::string> townshipId;  // township the project lies in
    std::optional<std::string> stage;       // 续建 / 新开 …
    std::optional<int> minWarningLevel;     // 1..3
    std::optional<std::string> myUnitId;    // "my projects": any tie to this unit
    std::optional<ProjectKind> kind;
};

enum class ProjectSort {
    seedOrder,
    name,
    totalInvestmentDesc,
    planInvestmentDesc,
    warningLevelDesc
};

struct ProjectRow {
    std::string id;
    std::string code;
    std::string name;
    ProjectKind kind = ProjectKind::investment_project;
    std::string category;
    std::string stage;
    std::optional<int> startYear;
    std::optional<int> endYear;
    std::optional<Yuan> totalInvestment;
    std::optional<Yuan> planInvestment;
    Yuan completedThisYear = 0;
    int warningLevel = 0;
    std::string unitNames;  // lead first, then responsible units, "、"-separated
};

// The values a filter can take on this device, for the filter menus (each list is small).
struct FilterChoice {
    std::string value;  // what the filter is set to (an id or code, or the text itself)
    std::string label;
};
struct FilterOptions {
    std::vector<FilterChoice> categories;
    std::vector<FilterChoice> stages;
    std::vector<FilterChoice> lists;
    std::vector<FilterChoice> units;      // leading or responsible for a project here
    std::vector<FilterChoice> townships;  // where a project here lies
};
[[nodiscard]] FilterOptions loadFilterOptions(const Database& db);

// The filter as a WHERE clause over `project p` (for other views of the same projects).
[[nodiscard]] SqlWhere projectWhere(const ProjectFilter& filter);
[[nodiscard]] std::vector<ProjectRow> listProjects(const Database& db, const ProjectFilter& filter,
                                                   ProjectSort sort, int limit, int offset);
[[nodiscard]] int countProjects(const Database& db, const ProjectFilter& filter);

}  // namespace duban
