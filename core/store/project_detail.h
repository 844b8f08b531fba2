#pragma once
// One project as its detail screen shows it (design.md §8): the seed's facts, its units and lists,
// its milestones, and a timeline of reports, visits, reviews and warnings — each a single
// indexed query.
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/store/database.h"

namespace duban {

struct ProjectDetailFacts {
    std::string id;
    std::string code;
    std::string name;
    std::string category;
    std::string stage;
    std::string scope;
    std::string industryChain;
    std::string planContent;
    std::string remarks;
    std::optional<int> startYear;
    std::optional<int> endYear;
    std::optional<int> planYear;
    std::optional<Yuan> totalInvestment;
    std::optional<Yuan> completedBefore;
    std::optional<Yuan> planInvestment;
    Yuan completedThisYear = 0;
    int warningLevel = 0;
    std::string leadUnits;         // "、"-separated
    std::string responsibleUnits;  // "、"-separated
    std::string township;          // where it lies, if the notice says
    std::string lists;             // "2022年重点项目表 · 新型工业" …, "；"-separated
};

struct MilestoneRow {
    std::string id;
    int ord = 0;
    std::string title;
    std::string dueDate;  // YYYY-MM-DD
    std::string status;   // open | achieved
};

struct TimelineEntry {
    std::string kind;  // report | visit | review | warning
    std::string id;
    std::string at;      // ISO instant (a report: when submitted or last saved)
    std::string state;   // record state, review kind, or warning level
    std::string text;    // narrative, notes, comment, reason
    std::string period;  // reports: YYYY-MM
    std::optional<int> percent;
    std::optional<Yuan> amount;
};

[[nodiscard]] std::optional<ProjectDetailFacts> loadProjectDetailFacts(
    const Database& db, const std::string& projectId);
[[nodiscard]] std::vector<MilestoneRow> loadMilestones(const Database& db,
                                                       const std::string& projectId);
// Newest first.
[[nodiscard]] std::vector<TimelineEntry> loadTimeline(const Database& db,
                                                      const std::string& projectId, int limit);

}  // namespace duban
