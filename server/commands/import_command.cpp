#include "server/commands/import_command.h"

#include <string_view>

#include "core/domain/money.h"
#include "core/seed/importer.h"
#include "core/store/schema.h"

namespace duban::server {
namespace {

using nlohmann::json;

double wan(Yuan yuan) {
    return static_cast<double>(yuan) / static_cast<double>(kYuanPerWan);
}

json findingJson(const seed::Finding& f) {
    json j{{"severity", f.severity},
           {"code", f.code},
           {"list", f.list},
           {"where", f.where},
           {"message", f.message}};
    if (!f.field.empty())
        j["field"] = f.field;
    if (f.printed)
        j["printed"] = *f.printed;
    if (f.computed)
        j["computed"] = *f.computed;
    if (f.printed && f.computed)
        j["difference"] = *f.printed - *f.computed;
    return j;
}

json listJson(const seed::ListSummary& l) {
    json j{{"code", l.code},
           {"name", l.name},
           {"kind", toString(l.kind)},
           {"items", l.items},
           {"targets", l.targets}};
    if (l.kind == ProjectKind::investment_project) {
        j["total_investment_wan"] = wan(l.totalInvestment);
        j["completed_before_wan"] = wan(l.completedBefore);
        j["plan_investment_wan"] = wan(l.planInvestment);
    }
    return j;
}

}  // namespace

Result<json> dryRunImport(const std::filesystem::path& seedDir) {
    auto data = seed::readSeed(seedDir);
    if (!data)
        return data.error();
    const seed::SeedReport report = seed::checkSeed(data.value());

    json result{{"source", seedDir.string()},
                {"dry_run", true},
                {"lists", json::array()},
                {"findings", json::array()}};
    for (const auto& l : report.lists)
        result["lists"].push_back(listJson(l));
    for (const auto& f : report.findings)
        result["findings"].push_back(findingJson(f));

    // Load it for real into a scratch store: what would be created, and proof that it loads.
    Database scratch = Database::openInMemory();
    if (auto migrated = migrate(scratch, localStoreMigrations()); !migrated)
        return migrated.error();
    SystemClock clock;
    UuidGenerator ids(clock);
    auto imported = seed::importSeed(scratch, data.value(), ids);
    result["ok"] = imported.ok();
    if (imported) {
        result["would_import"] = {{"units", imported->units},
                                  {"projects", imported->projects},
                                  {"milestones", imported->milestones},
                                  {"list_tags", imported->listTags}};
    } else {
        result["error"] = {{"code", imported.error().code}, {"message", imported.error().message}};
    }
    return result;
}

int runImportCommand(int argc, char** argv, std::ostream& out, std::ostream& err) {
    bool dryRun = false;
    std::filesystem::path dir;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--dry-run") {
            dryRun = true;
        } else if (!arg.starts_with("-") && dir.empty()) {
            dir = arg;
        } else {
            err << "duban-server import: unknown argument '" << arg << "'\n";
            return 2;
        }
    }
    if (dir.empty()) {
        err << "usage: duban-server import --dry-run DIR   (DIR holds units.json and lists/, e.g. "
               "assets/seed)\n";
        return 2;
    }
    if (!dryRun) {
        err << "duban-server import: only --dry-run is available until the server's database "
               "exists; the\n"
               "server imports the seed itself on first start.\n";
        return 2;
    }
    auto report = dryRunImport(dir);
    if (!report) {
        err << json{{"error", {{"code", report.error().code}, {"message", report.error().message}}}}
                   .dump(2)
            << "\n";
        return 1;
    }
    out << report->dump(2) << "\n";
    return report.value()["ok"].get<bool>() ? 0 : 1;
}

}  // namespace duban::server
