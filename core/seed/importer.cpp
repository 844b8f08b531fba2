#include "core/seed/importer.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/store/search_index.h"
#include "core/util/log.h"

namespace duban::seed {

namespace {
const log::Category kLog{"duban.seed.import"};

// One project as it will be stored: its first appearance, completed by the lists that link to it.
struct ProjectPlan {
    std::string code;
    const List* list = nullptr;
    const Item* item = nullptr;
    std::optional<double> completedBefore;
    std::vector<std::string> fundingSources;
    std::vector<std::pair<std::string, ProjectUnitRole>> units;   // canonical unit names, in order
    std::vector<std::tuple<std::string, int, std::string>> tags;  // list code, no, group label
};

struct MilestonePlan {
    std::string title;
    std::string due;
    std::optional<double> value;
    std::string unit;
};

std::string periodEnd(const std::string& period) {
    const std::string year = period.substr(0, 4);
    if (period.size() == 4)
        return year + "-12-31";
    if (period[5] == 'Q') {
        static const char* ends[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
        return year + ends[period[6] - '1'];
    }
    const auto p = parsePeriod(period);
    return p ? formatDate(p->lastDay()) : year + "-12-31";
}

std::string periodLabel(const std::string& period) {
    const std::string year = period.substr(0, 4) + "年";
    if (period.size() == 4)
        return year;
    if (period[5] == 'Q') {
        static const char* quarters[] = {"第一季度", "第二季度", "第三季度", "第四季度"};
        return year + quarters[period[6] - '1'];
    }
    return year + std::to_string(std::stoi(period.substr(5))) + "月";
}

std::vector<MilestonePlan> milestonesOf(const List& list, const Item& item) {
    std::vector<MilestonePlan> plans;
    for (const Milestone& m : item.milestones) {
        plans.push_back({m.title, m.due, m.targetPercent, m.targetPercent ? "%" : ""});
    }
    for (const Target& t : item.targets) {
        const std::string unit = !item.unitOfMeasure.empty() ? item.unitOfMeasure : list.moneyUnit;
        plans.push_back({periodLabel(t.period) + "：" + (t.text.empty() ? item.name : t.text),
                         periodEnd(t.period), t.value, unit});
    }
    return plans;
}

std::string projectName(const List& list, const Item& item) {
    if (list.kind == ProjectKind::work_task && !item.area.empty())
        return item.area + "：" + item.name;
    return item.name;
}

std::optional<Yuan> money(const List& list, std::optional<double> amount) {
    if (!amount || list.kind != ProjectKind::investment_project)
        return std::nullopt;
    return wanToYuan(*amount);
}

class Importer {
public:
    Importer(const Database& db, const SeedData& data, UuidGenerator& ids)
        : m_db(db), m_data(data), m_ids(ids), m_units(data.units) {}

    ImportStats run() {
        const std::int64_t before = m_db.totalChanges();
        writeUnits();
        writeLists();
        for (const ProjectPlan& plan : planProjects())
            writeProject(plan);
        m_stats.rowChanges = m_db.totalChanges() - before;
        return m_stats;
    }

private:
    std::string unitId(const std::string& name) {
        Statement s = m_db.prepare("SELECT id FROM unit WHERE name = ?");
        s.bindAll(name);
        s.step();
        return s.text(0);
    }

    void writeUnits() {
        for (const UnitEntry& u : m_data.units) {
            m_db.prepare(R"sql(
                INSERT INTO unit (id, name, kind, version) VALUES (?, ?, ?, 1)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, version = unit.version + 1
                 WHERE unit.kind IS NOT excluded.kind)sql")
                .bindAll(m_ids.next(), u.name, std::string(toString(u.kind)))
                .run();
            ++m_stats.units;
        }
        for (const UnitEntry& u : m_data.units) {
            const std::optional<std::string> parent =
                u.parent ? std::optional(unitId(*u.parent)) : std::nullopt;
            m_db.prepare(
                    "UPDATE unit SET parent_id = ?1, version = version + 1 WHERE name = ?2 AND "
                    "parent_id IS NOT ?1")
                .bindAll(parent, u.name)
                .run();
            const std::string id = unitId(u.name);
            for (const std::string& alias : u.aliases) {
                m_db.prepare(R"sql(
                    INSERT INTO unit_alias (alias, unit_id) VALUES (?, ?)
                    ON CONFLICT (alias) DO UPDATE SET unit_id = excluded.unit_id
                     WHERE unit_alias.unit_id IS NOT excluded.unit_id)sql")
                    .bindAll(alias, id)
                    .run();
            }
        }
    }

    void writeLists() {
        for (const List& l : m_data.lists) {
            m_db.prepare(R"sql(
                INSERT INTO list (code, name, kind, plan, year) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (code) DO UPDATE SET name = ?2, kind = ?3, plan = ?4, year = ?5
                 WHERE (list.name, list.kind, list.plan, list.year) IS NOT (?2, ?3, ?4, ?5))sql")
                .bindAll(l.code, l.name, std::string(toString(l.kind)), l.plan, l.year)
                .run();
        }
    }

    // Follows same_as links to the first appearance.
    std::string rootKey(std::string key,
                        const std::map<std::string, std::pair<const List*, const Item*>>& items) {
        for (int hops = 0; hops < 8; ++hops) {
            const auto it = items.find(key);
            if (it == items.end() || !it->second.second->sameAs)
                return key;
            key = *it->second.second->sameAs;
        }
        return key;
    }

    std::vector<ProjectPlan> planProjects() {
        std::map<std::string, std::pair<const List*, const Item*>> items;
        for (const List& l : m_data.lists) {
            for (const Group& g : l.groups) {
                for (const Item& i : g.items)
                    items[itemKey(l, i)] = {&l, &i};
            }
        }
        std::vector<ProjectPlan> plans;
        std::map<std::string, std::size_t> index;
        for (const List& l : m_data.lists) {
            for (const Group& g : l.groups) {
                for (const Item& i : g.items) {
                    const std::string root = rootKey(itemKey(l, i), items);
                    if (!index.contains(root)) {
                        index[root] = plans.size();
                        const auto [rootList, rootItem] = items.at(root);
                        plans.push_back({root,
                                         rootList,
                                         rootItem,
                                         rootItem->completedBefore,
                                         rootItem->fundingSources,
                                         {},
                                         {}});
                    }
                    ProjectPlan& plan = plans[index[root]];
                    // Figures a linked list prints and the first appearance lacks complete it.
                    if (!plan.completedBefore)
                        plan.completedBefore = i.completedBefore;
                    if (plan.fundingSources.empty())
                        plan.fundingSources = i.fundingSources;
                    addUnits(plan, i.leadUnits, ProjectUnitRole::lead);
                    addUnits(plan, i.responsibleUnits, ProjectUnitRole::responsible);
                    plan.tags.emplace_back(l.code, i.no, g.label);
                }
            }
        }
        return plans;
    }

    void addUnits(ProjectPlan& plan, const std::vector<std::string>& printed,
                  ProjectUnitRole role) {
        for (const std::string& name : printed) {
            const auto unit = m_units.resolve(name);
            if (!unit)
                continue;  // checkSeed refused unknown units already
            const auto link = std::make_pair(*unit, role);
            if (std::find(plan.units.begin(), plan.units.end(), link) == plan.units.end())
                plan.units.push_back(link);
        }
    }

    void writeProject(const ProjectPlan& plan) {
        m_projectRowsChanged = 0;
        const List& l = *plan.list;
        const Item& i = *plan.item;
        const bool task = l.kind == ProjectKind::work_task;
        written(m_db.prepare(R"sql(
            INSERT INTO project (id, code, name, kind, category, start_year, end_year, stage, scope, industry_chain,
                                 funding_sources, total_investment, completed_before, plan_year, plan_investment,
                                 plan_content, remarks, version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1)
            ON CONFLICT (code) DO UPDATE SET
              name = ?3, kind = ?4, category = ?5, start_year = ?6, end_year = ?7, stage = ?8, scope = ?9,
              industry_chain = ?10, funding_sources = ?11, total_investment = ?12, completed_before = ?13,
              plan_year = ?14, plan_investment = ?15, plan_content = ?16, remarks = ?17, version = project.version + 1
            WHERE (project.name, project.kind, project.category, project.start_year, project.end_year, project.stage,
                   project.scope, project.industry_chain, project.funding_sources, project.total_investment,
                   project.completed_before, project.plan_year, project.plan_investment, project.plan_content,
                   project.remarks)
               IS NOT (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17))sql")
                    .bindAll(m_ids.next(), plan.code, projectName(l, i),
                             std::string(toString(l.kind)), i.category, i.startYear, i.endYear,
                             i.stage, task ? i.name : i.scope, i.industryChain,
                             nlohmann::json(plan.fundingSources).dump(),
                             money(l, i.totalInvestment), money(l, plan.completedBefore), l.year,
                             money(l, i.planInvestment), i.planContent, i.remarks));
        Statement idOf = m_db.prepare("SELECT id FROM project WHERE code = ?");
        idOf.bindAll(plan.code);
        idOf.step();
        const std::string projectId = idOf.text(0);

        writeProjectUnits(projectId, plan);
        for (const auto& [code, no, label] : plan.tags) {
            written(m_db.prepare(R"sql(
                INSERT INTO project_list (project_id, list_code, no, group_label) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (project_id, list_code) DO UPDATE SET no = ?3, group_label = ?4
                 WHERE (project_list.no, project_list.group_label) IS NOT (?3, ?4))sql")
                        .bindAll(projectId, code, no, label));
            ++m_stats.listTags;
        }
        writeMilestones(projectId, milestonesOf(l, i));

        ++m_stats.projects;
        if (m_projectRowsChanged > 0) {
            ++m_stats.projectsChanged;
            reindexProject(m_db, projectId);
        }
    }

    void writeProjectUnits(const std::string& projectId, const ProjectPlan& plan) {
        std::set<std::pair<std::string, std::string>> wanted;
        int order = 0;
        for (const auto& [name, role] : plan.units) {
            const std::string id = unitId(name);
            const std::string roleName(toString(role));
            wanted.emplace(id, roleName);
            written(m_db.prepare(R"sql(
                INSERT INTO project_unit (project_id, unit_id, role, ord) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (project_id, unit_id, role) DO UPDATE SET ord = ?4 WHERE project_unit.ord IS NOT ?4)sql")
                        .bindAll(projectId, id, roleName, order++));
        }
        Statement existing = m_db.prepare(
            "SELECT unit_id, role FROM project_unit WHERE project_id = ? AND role <> 'located'");
        existing.bindAll(projectId);
        std::vector<std::pair<std::string, std::string>> stale;
        while (existing.step()) {
            auto link = std::make_pair(existing.text(0), existing.text(1));
            if (!wanted.contains(link))
                stale.push_back(std::move(link));
        }
        for (const auto& [unit, role] : stale) {
            written(m_db.prepare("DELETE FROM project_unit WHERE project_id = ? AND unit_id = ? "
                                 "AND role = ?")
                        .bindAll(projectId, unit, role));
        }
    }

    void writeMilestones(const std::string& projectId,
                         const std::vector<MilestonePlan>& milestones) {
        int order = 0;
        for (const MilestonePlan& m : milestones) {
            written(
                m_db.prepare(R"sql(
                INSERT INTO milestone (id, project_id, ord, title, due_date, target_value, target_unit, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
                ON CONFLICT (project_id, ord) DO UPDATE SET title = ?4, due_date = ?5, target_value = ?6,
                  target_unit = ?7, version = milestone.version + 1
                WHERE (milestone.title, milestone.due_date, milestone.target_value, milestone.target_unit)
                   IS NOT (?4, ?5, ?6, ?7))sql")
                    .bindAll(m_ids.next(), projectId, ++order, m.title, m.due, m.value, m.unit));
            ++m_stats.milestones;
        }
        // Targets the seed no longer has go, unless a report already refers to them.
        written(m_db.prepare(R"sql(
            DELETE FROM milestone WHERE project_id = ? AND ord > ?
               AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.milestone_id = milestone.id))sql")
                    .bindAll(projectId, order));
    }

    // Runs a write of the current project and counts the rows it changed.
    void written(Statement& statement) {
        statement.run();
        m_projectRowsChanged += m_db.lastChanges();
    }

    const Database& m_db;
    const SeedData& m_data;
    UuidGenerator& m_ids;
    UnitIndex m_units;
    ImportStats m_stats;
    std::int64_t m_projectRowsChanged = 0;
};

}  // namespace

Result<ImportStats> importSeed(const Database& db, const SeedData& data, UuidGenerator& ids) {
    const SeedReport report = checkSeed(data);
    if (report.hasErrors()) {
        for (const Finding& f : report.findings) {
            if (f.severity == "error") {
                return makeError("seed_invalid", "the seed has errors (first: " + f.list + " " +
                                                     f.where + ": " + f.message +
                                                     "); run import --dry-run to list them all.");
            }
        }
    }
    try {
        Transaction tx(db);
        ImportStats stats = Importer(db, data, ids).run();
        tx.commit();
        return stats;
    } catch (const DatabaseError& e) {
        log::error(kLog, std::string("import rolled back: ") + e.what());
        return makeError("import_failed", std::string("the import was rolled back: ") + e.what());
    }
}

}  // namespace duban::seed
