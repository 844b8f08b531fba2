#pragma once
// The seed files of assets/seed (docs/data.md) read into plain structs. Reading checks shape and
// types only; what the figures mean is checked by seed_check and the importer.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/util/result.h"

namespace duban::seed {

struct Milestone {
    std::string title;
    std::string due;  // YYYY-MM-DD
    std::optional<double> targetPercent;
};

struct Target {
    std::string period;  // YYYY, YYYY-Qn or YYYY-MM
    std::string text;
    std::optional<double> value;
};

struct Item {
    int no = 0;
    std::string name;
    // investment projects
    std::string category;
    std::string industryChain;
    std::optional<int> startYear;
    std::optional<int> endYear;
    std::string stage;
    std::string scope;
    std::vector<std::string> fundingSources;
    std::optional<double> totalInvestment;  // in the list's money unit, as printed
    std::optional<double> completedBefore;
    std::optional<double> planInvestment;
    std::string planContent;
    std::vector<Milestone> milestones;
    // work tasks
    std::string area;
    std::string unitOfMeasure;
    std::optional<double> baseline;
    std::vector<Target> targets;
    // both
    std::vector<std::string> leadUnits;
    std::vector<std::string> responsibleUnits;
    std::string remarks;
    std::optional<std::string> sameAs;  // "<list code>#<no>"
};

// A sum a work-task total row prints (docs/data.md, target_sums).
struct TargetSum {
    std::string label;
    std::optional<std::string> name;
    std::optional<std::string> textPrefix;
    std::optional<std::string> period;
    bool baseline = false;
    double value = 0;
};

struct PrintedTotal {
    std::string label;
    std::optional<int> count;
    std::optional<double> totalInvestment;
    std::optional<double> completedBefore;
    std::optional<double> planInvestment;
    std::vector<TargetSum> targetSums;
};

struct Group {
    std::string label;
    std::string category;
    std::optional<PrintedTotal> printedTotal;
    std::vector<Item> items;
};

struct List {
    std::string code;
    std::string name;
    std::string plan;
    std::string attachment;
    ProjectKind kind = ProjectKind::investment_project;
    std::string moneyUnit;  // 万元, 亿元 or empty
    int year = 0;
    std::optional<PrintedTotal> printedTotal;
    std::vector<Group> groups;
    std::vector<std::string> notes;
};

struct UnitEntry {
    std::string name;
    UnitKind kind = UnitKind::department;
    std::optional<std::string> parent;
    std::vector<std::string> aliases;
};

struct SeedData {
    std::vector<UnitEntry> units;
    std::vector<List> lists;  // ordered by code, key_projects_2022 first (it is the reference)
};

// Reads `dir`/units.json and every `dir`/lists/*.json. Errors name the file and the item.
[[nodiscard]] Result<SeedData> readSeed(const std::filesystem::path& dir);

}  // namespace duban::seed
