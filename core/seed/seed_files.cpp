#include "core/seed/seed_files.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace duban::seed {
namespace {

using nlohmann::json;

struct FormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Typed access to one JSON object with the path to it, so an error says where it is.
class Node {
public:
    Node(const json& value, std::string path) : m_value(value), m_path(std::move(path)) {
        if (!m_value.is_object())
            fail("", "must be an object");
    }

    [[nodiscard]] std::string text(const char* key, bool required = false) const {
        const json* v = find(key);
        if (v == nullptr || v->is_null()) {
            if (required)
                fail(key, "is required");
            return {};
        }
        if (!v->is_string())
            fail(key, "must be a string");
        return v->get<std::string>();
    }
    [[nodiscard]] std::optional<std::string> optionalText(const char* key) const {
        const json* v = find(key);
        if (v == nullptr || v->is_null())
            return std::nullopt;
        if (!v->is_string())
            fail(key, "must be a string or null");
        return v->get<std::string>();
    }
    [[nodiscard]] std::optional<double> number(const char* key) const {
        const json* v = find(key);
        if (v == nullptr || v->is_null())
            return std::nullopt;
        if (!v->is_number())
            fail(key, "must be a number or null");
        return v->get<double>();
    }
    [[nodiscard]] std::optional<int> integer(const char* key) const {
        const json* v = find(key);
        if (v == nullptr || v->is_null())
            return std::nullopt;
        if (!v->is_number_integer())
            fail(key, "must be an integer or null");
        return v->get<int>();
    }
    [[nodiscard]] bool boolean(const char* key) const {
        const json* v = find(key);
        if (v == nullptr || v->is_null())
            return false;
        if (!v->is_boolean())
            fail(key, "must be true or false");
        return v->get<bool>();
    }
    [[nodiscard]] std::vector<std::string> strings(const char* key) const {
        std::vector<std::string> out;
        for (const json& v : array(key)) {
            if (!v.is_string())
                fail(key, "must be an array of strings");
            out.push_back(v.get<std::string>());
        }
        return out;
    }
    [[nodiscard]] const json& array(const char* key) const {
        static const json empty = json::array();
        const json* v = find(key);
        if (v == nullptr || v->is_null())
            return empty;
        if (!v->is_array())
            fail(key, "must be an array");
        return *v;
    }
    [[nodiscard]] bool has(const char* key) const {
        const json* v = find(key);
        return v != nullptr && !v->is_null();
    }
    [[nodiscard]] Node child(const char* key) const {
        return Node(m_value.at(key), m_path + "." + key);
    }
    [[nodiscard]] const std::string& path() const { return m_path; }

    [[noreturn]] void fail(std::string_view key, std::string_view problem) const {
        throw FormatError(m_path + (key.empty() ? "" : "." + std::string(key)) + " " +
                          std::string(problem));
    }

private:
    [[nodiscard]] const json* find(const char* key) const {
        const auto it = m_value.find(key);
        return it == m_value.end() ? nullptr : &*it;
    }
    const json& m_value;
    std::string m_path;
};

json readJsonFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw FormatError(file.string() + ": cannot be read");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        throw FormatError(file.string() + ": not valid JSON (" + e.what() + ")");
    }
}

PrintedTotal readPrintedTotal(const Node& n) {
    PrintedTotal t;
    t.label = n.text("label");
    t.count = n.integer("count");
    t.totalInvestment = n.number("total_investment");
    t.completedBefore = n.number("completed_before");
    t.planInvestment = n.number("plan_investment");
    const json& sums = n.array("target_sums");
    for (std::size_t i = 0; i < sums.size(); ++i) {
        const Node s(sums[i], n.path() + ".target_sums[" + std::to_string(i) + "]");
        TargetSum sum;
        sum.label = s.text("label", true);
        sum.name = s.optionalText("name");
        sum.textPrefix = s.optionalText("text_prefix");
        sum.period = s.optionalText("period");
        sum.baseline = s.boolean("baseline");
        const auto value = s.number("value");
        if (!value)
            s.fail("value", "is required");
        sum.value = *value;
        t.targetSums.push_back(std::move(sum));
    }
    return t;
}

Item readItem(const Node& n) {
    Item item;
    const auto no = n.integer("no");
    if (!no)
        n.fail("no", "is required");
    item.no = *no;
    item.name = n.text("name", true);
    item.category = n.text("category");
    item.industryChain = n.text("industry_chain");
    item.startYear = n.integer("start_year");
    item.endYear = n.integer("end_year");
    item.stage = n.text("stage");
    item.scope = n.text("scope");
    item.fundingSources = n.strings("funding_sources");
    item.totalInvestment = n.number("total_investment");
    item.completedBefore = n.number("completed_before");
    item.planInvestment = n.number("plan_investment");
    item.planContent = n.text("plan_content");
    const json& milestones = n.array("milestones");
    for (std::size_t i = 0; i < milestones.size(); ++i) {
        const Node m(milestones[i], n.path() + ".milestones[" + std::to_string(i) + "]");
        item.milestones.push_back(
            {m.text("title", true), m.text("due", true), m.number("target_percent")});
    }
    item.area = n.text("area");
    item.unitOfMeasure = n.text("unit_of_measure");
    item.baseline = n.number("baseline");
    const json& targets = n.array("targets");
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const Node t(targets[i], n.path() + ".targets[" + std::to_string(i) + "]");
        item.targets.push_back({t.text("period", true), t.text("text"), t.number("value")});
    }
    item.leadUnits = n.strings("lead_units");
    item.responsibleUnits = n.strings("responsible_units");
    item.remarks = n.text("remarks");
    item.sameAs = n.optionalText("same_as");
    return item;
}

List readList(const std::filesystem::path& file) {
    const json document = readJsonFile(file);
    const Node n(document, file.filename().string());
    if (n.text("schema") != "duban.seed.list/1")
        n.fail("schema", "must be \"duban.seed.list/1\"");
    List list;
    list.code = n.text("code", true);
    if (list.code != file.stem().string())
        n.fail("code", "must equal the file name without .json");
    list.name = n.text("name", true);
    list.plan = n.text("plan");
    list.attachment = n.text("attachment");
    const auto kind = parseEnum<ProjectKind>(n.text("kind", true));
    if (!kind)
        n.fail("kind", "must be investment_project or work_task");
    list.kind = *kind;
    list.moneyUnit = n.text("money_unit");
    list.year = n.integer("year").value_or(0);
    if (n.has("printed_total"))
        list.printedTotal = readPrintedTotal(n.child("printed_total"));
    list.notes = n.strings("notes");
    const json& groups = n.array("groups");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const Node gn(groups[g], n.path() + ".groups[" + std::to_string(g) + "]");
        Group group;
        group.label = gn.text("label");
        group.category = gn.text("category");
        if (gn.has("printed_total"))
            group.printedTotal = readPrintedTotal(gn.child("printed_total"));
        const json& items = gn.array("items");
        for (std::size_t i = 0; i < items.size(); ++i) {
            group.items.push_back(
                readItem(Node(items[i], gn.path() + ".items[" + std::to_string(i) + "]")));
        }
        list.groups.push_back(std::move(group));
    }
    return list;
}

std::vector<UnitEntry> readUnits(const std::filesystem::path& file) {
    const json document = readJsonFile(file);
    if (!document.is_array())
        throw FormatError("units.json must be an array of units");
    std::vector<UnitEntry> units;
    for (std::size_t i = 0; i < document.size(); ++i) {
        const Node n(document[i], "units.json[" + std::to_string(i) + "]");
        UnitEntry unit;
        unit.name = n.text("name", true);
        const auto kind = parseEnum<UnitKind>(n.text("kind", true));
        if (!kind)
            n.fail("kind",
                   "must be department, township, enterprise, platform_company, utility or group");
        unit.kind = *kind;
        unit.parent = n.optionalText("parent");
        unit.aliases = n.strings("aliases");
        units.push_back(std::move(unit));
    }
    return units;
}

}  // namespace

Result<SeedData> readSeed(const std::filesystem::path& dir) {
    try {
        SeedData data;
        data.units = readUnits(dir / "units.json");
        std::vector<std::filesystem::path> files;
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(dir / "lists", error)) {
            if (entry.path().extension() == ".json")
                files.push_back(entry.path());
        }
        if (error)
            throw FormatError((dir / "lists").string() + ": cannot be listed (" + error.message() +
                              ")");
        std::sort(files.begin(), files.end());
        for (const auto& file : files)
            data.lists.push_back(readList(file));
        // The key-project table is the reference other lists link to: read it first.
        std::stable_partition(data.lists.begin(), data.lists.end(),
                              [](const List& l) { return l.code == "key_projects_2022"; });
        return data;
    } catch (const FormatError& e) {
        return makeError("seed_invalid", std::string("the seed data is malformed: ") + e.what());
    } catch (const json::exception& e) {
        return makeError("seed_invalid", std::string("the seed data is malformed: ") + e.what());
    }
}

}  // namespace duban::seed
