#include "core/seed/seed_check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/domain/dates.h"
#include "core/domain/money.h"

namespace duban::seed {
namespace {

// Money in the list's unit → yuan; compare sums exactly at one-yuan precision.
Yuan toYuan(double amount, const std::string& moneyUnit) {
    const double scale = moneyUnit == "亿元" ? 1e8 : static_cast<double>(kYuanPerWan);
    return static_cast<Yuan>(std::llround(amount * scale));
}

double fromYuan(Yuan amount, const std::string& moneyUnit) {
    const double scale = moneyUnit == "亿元" ? 1e8 : static_cast<double>(kYuanPerWan);
    return static_cast<double>(amount) / scale;
}

bool validPeriod(const std::string& period) {
    if (period.size() == 4)
        return std::all_of(period.begin(), period.end(),
                           [](unsigned char c) { return std::isdigit(c) != 0; });
    if (period.size() == 7 && period[5] == 'Q') {
        return period[4] == '-' && period[6] >= '1' && period[6] <= '4' &&
               parsePeriod(period.substr(0, 4) + "-01");
    }
    return parsePeriod(period).has_value();
}

class Checker {
public:
    explicit Checker(SeedReport& report) : m_report(report) {}

    void error(std::string code, const std::string& list, std::string where, std::string message) {
        m_report.findings.push_back({"error", std::move(code), list, std::move(where), "",
                                     std::nullopt, std::nullopt, std::move(message)});
    }

    void warning(std::string code, const std::string& list, std::string where, std::string field,
                 double printed, double computed, std::string message) {
        m_report.findings.push_back({"warning", std::move(code), list, std::move(where),
                                     std::move(field), printed, computed, std::move(message)});
    }

    void compare(const List& list, const std::string& where, const std::string& field,
                 std::optional<double> printed, double computed, bool money) {
        if (!printed)
            return;
        const bool equal =
            money ? toYuan(*printed, list.moneyUnit) == toYuan(computed, list.moneyUnit)
                  : std::llround(*printed * 10000) == std::llround(computed * 10000);
        if (equal)
            return;
        const std::string code = field == "count" ? "count_mismatch" : "subtotal_mismatch";
        m_report.findings.push_back({"warning", code, list.code, where, field, printed, computed,
                                     "the notice prints " + field + " " + number(*printed) +
                                         " for '" + where + "' but its rows add up to " +
                                         number(computed)});
    }

    static std::string number(double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        return s;
    }

private:
    SeedReport& m_report;
};

struct Sums {
    int count = 0;
    Yuan total = 0, completed = 0, plan = 0;
    void add(const Item& item, const std::string& unit) {
        ++count;
        if (item.totalInvestment)
            total += toYuan(*item.totalInvestment, unit);
        if (item.completedBefore)
            completed += toYuan(*item.completedBefore, unit);
        if (item.planInvestment)
            plan += toYuan(*item.planInvestment, unit);
    }
};

void checkPrinted(Checker& check, const List& list, const std::string& where,
                  const PrintedTotal& printed, const Sums& sums,
                  const std::vector<const Item*>& items) {
    check.compare(list, where, "count",
                  printed.count ? std::optional<double>(*printed.count) : std::nullopt, sums.count,
                  false);
    check.compare(list, where, "total_investment", printed.totalInvestment,
                  fromYuan(sums.total, list.moneyUnit), true);
    check.compare(list, where, "completed_before", printed.completedBefore,
                  fromYuan(sums.completed, list.moneyUnit), true);
    check.compare(list, where, "plan_investment", printed.planInvestment,
                  fromYuan(sums.plan, list.moneyUnit), true);
    for (const TargetSum& ts : printed.targetSums) {
        double sum = 0;
        for (const Item* item : items) {
            if (ts.name && item->name != *ts.name)
                continue;
            if (ts.baseline) {
                sum += item->baseline.value_or(0);
                continue;
            }
            for (const Target& t : item->targets) {
                if (ts.period && t.period != *ts.period)
                    continue;
                if (ts.textPrefix && t.text.rfind(*ts.textPrefix, 0) != 0)
                    continue;
                sum += t.value.value_or(0);
            }
        }
        check.compare(list, where.empty() ? ts.label : where + " / " + ts.label, "target_sum",
                      ts.value, sum, false);
    }
}

// A project printed in two lists should carry the same figures in both; where it does not, say so.
void checkLinkedFigures(Checker& check, const SeedData& data) {
    std::map<std::string, std::pair<const List*, const Item*>> byKey;
    for (const List& list : data.lists) {
        for (const Group& g : list.groups) {
            for (const Item& item : g.items)
                byKey[itemKey(list, item)] = {&list, &item};
        }
    }
    for (const List& list : data.lists) {
        for (const Group& g : list.groups) {
            for (const Item& item : g.items) {
                if (!item.sameAs || !byKey.contains(*item.sameAs))
                    continue;
                const auto [otherList, other] = byKey.at(*item.sameAs);
                const auto differs = [&](const char* field, std::optional<double> a,
                                         std::optional<double> b) {
                    if (!a || !b || toYuan(*a, list.moneyUnit) == toYuan(*b, otherList->moneyUnit))
                        return;
                    check.warning(
                        "linked_figures_differ", list.code, std::to_string(item.no), field, *a, *b,
                        "item " + std::to_string(item.no) + " (" + item.name + ") prints " + field +
                            " " + Checker::number(*a) + ", its linked " + *item.sameAs +
                            " prints " + Checker::number(*b));
                };
                differs("total_investment", item.totalInvestment, other->totalInvestment);
                differs("plan_investment", item.planInvestment, other->planInvestment);
            }
        }
    }
}

}  // namespace

bool SeedReport::hasErrors() const {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == "error"; });
}

UnitIndex::UnitIndex(const std::vector<UnitEntry>& units, std::vector<Finding>* findings) {
    for (const UnitEntry& unit : units) {
        std::vector<std::string> spellings = unit.aliases;
        spellings.insert(spellings.begin(), unit.name);
        for (const std::string& spelling : spellings) {
            const auto [it, inserted] = m_names.emplace(spelling, unit.name);
            if (!inserted && it->second != unit.name && findings != nullptr) {
                findings->push_back(
                    {"error", "ambiguous_unit", "units", spelling, "", std::nullopt, std::nullopt,
                     "'" + spelling + "' names both " + it->second + " and " + unit.name});
            }
        }
    }
}

std::optional<std::string> UnitIndex::resolve(const std::string& printed) const {
    const auto it = m_names.find(printed);
    if (it == m_names.end())
        return std::nullopt;
    return it->second;
}

std::string itemKey(const List& list, const Item& item) {
    return list.code + "#" + std::to_string(item.no);
}

SeedReport checkSeed(const SeedData& data) {
    SeedReport report;
    Checker check(report);
    const UnitIndex units(data.units, &report.findings);
    std::set<std::string> unitNames;
    for (const UnitEntry& u : data.units) {
        if (!unitNames.insert(u.name).second)
            check.error("duplicate_unit", "units", u.name, "unit listed twice");
    }
    for (const UnitEntry& u : data.units) {
        if (u.parent && !unitNames.contains(*u.parent)) {
            check.error("unknown_unit", "units", u.name,
                        "parent '" + *u.parent + "' is not a unit");
        }
    }

    std::set<std::string> keys;
    for (const List& list : data.lists) {
        for (const Group& g : list.groups) {
            for (const Item& item : g.items) {
                if (!keys.insert(itemKey(list, item)).second) {
                    check.error("duplicate_item", list.code, std::to_string(item.no),
                                "item number used twice");
                }
            }
        }
    }

    checkLinkedFigures(check, data);

    for (const List& list : data.lists) {
        ListSummary summary{list.code, list.name, list.kind, list.moneyUnit, 0, 0, 0, 0, 0};
        Sums listSums;
        std::vector<const Item*> listItems;
        for (const Group& group : list.groups) {
            Sums groupSums;
            std::vector<const Item*> groupItems;
            for (const Item& item : group.items) {
                const std::string where = std::to_string(item.no);
                groupSums.add(item, list.moneyUnit);
                listSums.add(item, list.moneyUnit);
                groupItems.push_back(&item);
                listItems.push_back(&item);
                summary.targets += static_cast<int>(item.milestones.size() + item.targets.size());
                for (const auto* names : {&item.leadUnits, &item.responsibleUnits}) {
                    for (const std::string& name : *names) {
                        if (!units.resolve(name)) {
                            check.error("unknown_unit", list.code, where,
                                        "'" + name + "' is not in units.json");
                        }
                    }
                }
                if (item.sameAs && !keys.contains(*item.sameAs)) {
                    check.error("broken_link", list.code, where,
                                "same_as '" + *item.sameAs + "' names no item");
                }
                for (const Milestone& m : item.milestones) {
                    if (!parseDate(m.due))
                        check.error("invalid_date", list.code, where, "due '" + m.due + "'");
                }
                for (const Target& t : item.targets) {
                    if (!validPeriod(t.period)) {
                        check.error("invalid_period", list.code, where,
                                    "period '" + t.period + "'");
                    }
                }
            }
            if (group.printedTotal)
                checkPrinted(check, list, group.label, *group.printedTotal, groupSums, groupItems);
        }
        if (list.printedTotal) {
            checkPrinted(check, list,
                         list.printedTotal->label.empty() ? "合计" : list.printedTotal->label,
                         *list.printedTotal, listSums, listItems);
        }
        summary.items = listSums.count;
        summary.totalInvestment = listSums.total;
        summary.completedBefore = listSums.completed;
        summary.planInvestment = listSums.plan;
        report.lists.push_back(std::move(summary));
    }
    return report;
}

}  // namespace duban::seed
