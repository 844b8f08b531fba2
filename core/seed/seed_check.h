#pragma once
// Validates the seed against itself: every subtotal and total row the notice prints is compared
// with the sum of its rows, every unit name must resolve, every link must point somewhere.
// Disagreements are findings — reported, never corrected.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/seed/seed_files.h"

namespace duban::seed {

struct Finding {
    std::string
        severity;  // "error": the import is refused; "warning": the notice disagrees with itself
    std::string code;  // subtotal_mismatch, count_mismatch, unknown_unit, broken_link, …
    std::string list;
    std::string where;  // group label, item number or unit name
    std::string field;
    std::optional<double> printed;
    std::optional<double> computed;
    std::string message;
};

struct ListSummary {
    std::string code;
    std::string name;
    ProjectKind kind = ProjectKind::investment_project;
    std::string moneyUnit;
    int items = 0;
    int targets = 0;           // milestones (projects) or targets (tasks)
    Yuan totalInvestment = 0;  // sums in yuan, for investment lists
    Yuan completedBefore = 0;
    Yuan planInvestment = 0;
};

struct SeedReport {
    std::vector<ListSummary> lists;
    std::vector<Finding> findings;
    [[nodiscard]] bool hasErrors() const;
};

// Unit strings as the text prints them → the canonical unit name.
class UnitIndex {
public:
    explicit UnitIndex(const std::vector<UnitEntry>& units,
                       std::vector<Finding>* findings = nullptr);
    [[nodiscard]] std::optional<std::string> resolve(const std::string& printed) const;

private:
    std::map<std::string, std::string> m_names;
};

// "<list>#<no>" of the first appearance of an item, following same_as links.
[[nodiscard]] std::string itemKey(const List& list, const Item& item);

[[nodiscard]] SeedReport checkSeed(const SeedData& data);

}  // namespace duban::seed
