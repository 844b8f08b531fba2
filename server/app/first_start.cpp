#include "server/app/first_start.h"

#include <cstdlib>

#include "core/seed/importer.h"
#include "server/auth/accounts.h"
#include "server/auth/passwords.h"
#include "server/db/change_log.h"
#include "server/db/server_schema.h"

namespace duban::server {
namespace {

std::string passwordFromEnvironment(const char* variable) {
    const char* value = std::getenv(variable);
    return value != nullptr ? std::string(value) : std::string();
}

// Demo accounts that share work, so each role's journey works on the seed (D41): 市科工信局 leads
// 酒鬼酒's project and many more, among them the 算力 tasks (5G基站建设, 三千兆, 物联网平台) on
// which 中国移动吉首分公司 is a responsible unit — the enterprise confirms what the field officer
// reports there; 市发改局 supervises both.
constexpr DemoAccount kDemoAccounts[] = {
    {"demo-field", "演示·科工信局项目专干", Role::field, "市科工信局"},
    {"demo-enterprise", "演示·移动吉首分公司联络员", Role::enterprise, "中国移动吉首分公司"},
    {"demo-supervisor", "演示·发改局督查员", Role::supervisor, "市发改局"},
    {"demo-admin", "演示·系统管理员", Role::admin, "市发改局"},
};

Status ensureAccount(const Database& db, UuidGenerator& ids, const ServerConfig& config,
                     std::int64_t nowMs, const NewAccount& account, std::ostream& console,
                     bool passwordGenerated) {
    if (findUserId(db, account.username))
        return Ok{};
    const auto created = createAccount(db, ids, account, config, nowMs);
    if (!created)
        return created.error();
    console << "  " << account.username << " (" << toString(account.role) << ", " << account.unit
            << ")";
    if (passwordGenerated)
        console << "  password: " << account.password;
    console << "\n";
    return Ok{};
}

// demo-enterprise was made in 市腾达公司 before D41, which shares no project with demo-field: a
// data folder from then gets it moved once (its tokens end; the app signs in again).
constexpr const char* kRetiredDemoEnterpriseUnit = "市腾达公司";

Status moveFromRetiredDemoUnit(const Database& db, const std::string& userId,
                               const DemoAccount& demo, const ServerConfig& config,
                               const Clock& clock) {
    if (demo.role != Role::enterprise)
        return Ok{};
    const auto retired = findUnitId(db, kRetiredDemoEnterpriseUnit);
    Statement unit = db.prepare("SELECT unit_id FROM user WHERE id = ?");
    unit.bindAll(userId);
    if (!retired || !unit.step() || unit.text(0) != *retired)
        return Ok{};
    AccountChange change;
    change.unit = demo.unit;
    change.displayName = demo.displayName;
    const auto changed = changeAccount(db, userId, change, config, clock.nowMs());
    if (!changed)
        return changed.error();
    return Ok{};
}

}  // namespace

std::span<const DemoAccount> demoAccounts() {
    return kDemoAccounts;
}

Status prepareDatabase(const Database& db, const ServerConfig& config, const Clock& clock,
                       std::ostream& console) {
    if (auto migrated = migrate(db, serverMigrations()); !migrated)
        return migrated;
    if (!config.seedDir.empty()) {
        if (auto imported = importSeedIntoServer(db, config.seedDir, clock, console); !imported)
            return imported;
    }
    try {
        UuidGenerator ids(clock);
        Transaction tx(db);
        Statement admins = db.prepare("SELECT count(*) FROM user WHERE role = 'admin'");
        admins.step();
        if (admins.integer(0) == 0) {
            std::string password = passwordFromEnvironment("DUBAN_ADMIN_PASSWORD");
            const bool generated = password.empty();
            if (generated)
                password = randomToken(12);
            const auto unit = findUnitId(db, "市发改局") ? std::string("市发改局") : std::string();
            if (unit.empty()) {
                db.prepare(
                      "INSERT INTO unit (id, name, kind, version) VALUES (?, '系统管理', 'group', "
                      "1)")
                    .bindAll(ids.next())
                    .run();
            }
            console << "Created the administrator account (shown once):\n";
            if (auto s = ensureAccount(db, ids, config, clock.nowMs(),
                                       {"admin",
                                        "系统管理员",
                                        Role::admin,
                                        unit.empty() ? "系统管理" : unit,
                                        "",
                                        password,
                                        {}},
                                       console, generated);
                !s) {
                return s;
            }
        }
        if (config.demo) {
            std::string password = passwordFromEnvironment("DUBAN_DEMO_PASSWORD");
            const bool generated = password.empty();
            bool announced = false;
            for (const DemoAccount& demo : kDemoAccounts) {
                if (const auto existing = findUserId(db, demo.username)) {
                    if (auto s = moveFromRetiredDemoUnit(db, *existing, demo, config, clock); !s)
                        return s;
                    continue;
                }
                if (!announced)
                    console << "Created demo accounts:\n";
                announced = true;
                const std::string own = generated ? randomToken(9) : password;
                if (auto s = ensureAccount(
                        db, ids, config, clock.nowMs(),
                        {demo.username, demo.displayName, demo.role, demo.unit, "", own, {}},
                        console, generated);
                    !s) {
                    return s;
                }
            }
        }
        tx.commit();
    } catch (const DatabaseError& e) {
        return makeError("setup_failed", std::string("setting up accounts failed: ") + e.what());
    }
    return Ok{};
}

Status importSeedIntoServer(const Database& db, const std::filesystem::path& seedDir,
                            const Clock& clock, std::ostream& console) {
    auto data = seed::readSeed(seedDir);
    if (!data)
        return data.error();
    UuidGenerator ids(clock);
    try {
        Statement before = db.prepare("SELECT count(*) FROM project");
        before.step();
        const bool firstImport = before.integer(0) == 0;
        const auto imported = seed::importSeed(db, data.value(), ids);
        if (!imported)
            return imported.error();
        Transaction tx(db);
        const int logged = logImportedRecords(db);
        if (!firstImport && imported->projectsChanged > 0)
            bumpScopeEpoch(db);
        tx.commit();
        if (imported->rowChanges > 0) {
            console << "Imported the seed from " << seedDir.string() << ": " << imported->projects
                    << " projects, " << imported->milestones << " milestones, " << imported->units
                    << " units (" << logged << " records to sync).\n";
        }
    } catch (const DatabaseError& e) {
        return makeError("import_failed", std::string("importing the seed failed: ") + e.what());
    }
    return Ok{};
}

}  // namespace duban::server
