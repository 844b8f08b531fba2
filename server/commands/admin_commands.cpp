// duban-server user … / unit … / backup …: operations on the data folder without the API.
#include <iostream>
#include <optional>

#include "core/domain/types.h"
#include "server/app/first_start.h"
#include "server/audit/audit_log.h"
#include "server/auth/accounts.h"
#include "server/auth/passwords.h"
#include "server/commands/serve_command.h"
#include "server/db/backup.h"
#include "server/db/change_log.h"
#include "server/db/server_schema.h"

namespace duban::server {
namespace {

// --name value pairs after the subcommand.
std::optional<std::string> option(const std::vector<std::string>& args, std::string_view name) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == name)
            return args[i + 1];
    }
    return std::nullopt;
}

std::filesystem::path dataDir(const std::vector<std::string>& args) {
    return option(args, "--data").value_or("duban-data");
}

std::optional<Database> openData(const std::vector<std::string>& args, std::ostream& err) {
    const auto file = dataDir(args) / "duban.db";
    if (!std::filesystem::exists(file)) {
        err << "no database at " << file.string()
            << "; start the server once (duban-server serve) or pass --data DIR\n";
        return std::nullopt;
    }
    Database db = Database::open(file);
    if (auto migrated = migrate(db, serverMigrations()); !migrated) {
        err << migrated.error().message << "\n";
        return std::nullopt;
    }
    return db;
}

void audit(const Database& db, const Clock& clock, std::string action, std::string target,
           nlohmann::json detail) {
    appendAudit(db, clock,
                AuditEntry{std::nullopt, std::nullopt, std::move(action), std::move(target), "ok",
                           std::move(detail), "cli"});
}

}  // namespace

int runUserCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const std::string usage =
        "usage: duban-server user add USERNAME --role ROLE --unit UNIT [--name NAME] [--phone P] "
        "[--data DIR]\n"
        "       duban-server user (disable|enable) USERNAME [--data DIR]\n"
        "       duban-server user role USERNAME ROLE [--data DIR]\n"
        "       duban-server user password USERNAME [--data DIR]   (password from DUBAN_PASSWORD "
        "or generated)\n"
        "       duban-server user list [--data DIR]\n";
    if (args.empty()) {
        err << usage;
        return 2;
    }
    auto db = openData(args, err);
    if (!db)
        return 1;
    ServerConfig config;
    SystemClock clock;
    const std::string& verb = args[0];
    Transaction tx(*db);
    if (verb == "list") {
        Statement users = db->prepare(
            "SELECT u.username, u.role, n.name, a.disabled FROM user u JOIN account a ON a.user_id "
            "= u.id"
            " LEFT JOIN unit n ON n.id = u.unit_id ORDER BY u.username");
        while (users.step()) {
            out << users.text(0) << "\t" << users.text(1) << "\t" << users.text(2)
                << (users.integer(3) != 0 ? "\tdisabled" : "") << "\n";
        }
        return 0;
    }
    if (args.size() < 2) {
        err << usage;
        return 2;
    }
    const std::string& username = args[1];
    const char* env = std::getenv("DUBAN_PASSWORD");
    const std::string password = env != nullptr ? env : randomToken(12);
    if (verb == "add") {
        const auto role = parseEnum<Role>(option(args, "--role").value_or(""));
        const auto unit = option(args, "--unit");
        if (!role || !unit) {
            err << usage;
            return 2;
        }
        UuidGenerator ids(clock);
        const auto created = createAccount(*db, ids,
                                           {username,
                                            option(args, "--name").value_or(username),
                                            *role,
                                            *unit,
                                            option(args, "--phone").value_or(""),
                                            password,
                                            {}},
                                           config, clock.nowMs());
        if (!created) {
            err << created.error().message << "\n";
            return 1;
        }
        audit(*db, clock, "user_create", "user:" + username,
              {{"role", toString(*role)}, {"unit", *unit}});
        tx.commit();
        out << "created " << username << (env == nullptr ? "  password: " + password : "") << "\n";
        return 0;
    }
    const auto userId = findUserId(*db, username);
    if (!userId) {
        err << "no user " << username << "\n";
        return 1;
    }
    AccountChange change;
    if (verb == "disable" || verb == "enable") {
        change.disabled = verb == "disable";
    } else if (verb == "role" && args.size() >= 3 && parseEnum<Role>(args[2])) {
        change.role = parseEnum<Role>(args[2]);
    } else if (verb == "password") {
        change.password = password;
    } else {
        err << usage;
        return 2;
    }
    const auto changed = changeAccount(*db, *userId, change, config, clock.nowMs());
    if (!changed) {
        err << changed.error().message << "\n";
        return 1;
    }
    audit(*db, clock, "user_update", "user:" + *userId, changed.value());
    tx.commit();
    out << "updated " << username
        << (verb == "password" && env == nullptr ? "  password: " + password : "") << "\n";
    return 0;
}

int runUnitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const std::string usage =
        "usage: duban-server unit add NAME --kind KIND [--parent UNIT] [--data DIR]\n"
        "       duban-server unit list [--data DIR]\n";
    if (args.empty()) {
        err << usage;
        return 2;
    }
    auto db = openData(args, err);
    if (!db)
        return 1;
    if (args[0] == "list") {
        Statement units = db->prepare("SELECT name, kind FROM unit ORDER BY kind, name");
        while (units.step())
            out << units.text(0) << "\t" << units.text(1) << "\n";
        return 0;
    }
    const auto kind = parseEnum<UnitKind>(option(args, "--kind").value_or(""));
    if (args[0] != "add" || args.size() < 2 || !kind) {
        err << usage;
        return 2;
    }
    Transaction tx(*db);
    if (findUnitId(*db, args[1])) {
        err << "a unit named " << args[1] << " exists\n";
        return 1;
    }
    std::optional<std::string> parent;
    if (const auto p = option(args, "--parent")) {
        parent = findUnitId(*db, *p);
        if (!parent) {
            err << "no unit " << *p << "\n";
            return 1;
        }
    }
    SystemClock clock;
    const std::string id = UuidGenerator(clock).next();
    db->prepare("INSERT INTO unit (id, name, kind, parent_id, version) VALUES (?, ?, ?, ?, 1)")
        .bindAll(id, args[1], std::string(toString(*kind)), parent)
        .run();
    recordChanged(*db, "unit", id, ChangeScope{}, 1);
    audit(*db, clock, "unit_create", "unit:" + id, {{"name", args[1]}});
    tx.commit();
    out << "created unit " << args[1] << "\n";
    return 0;
}

int runBackupCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0].starts_with("--")) {
        err << "usage: duban-server backup TARGET.db [--data DIR]   (a consistent copy, also while "
               "serving)\n";
        return 2;
    }
    const auto result = backupDatabase(dataDir(args) / "duban.db", args[0]);
    if (!result) {
        err << result.error().message << "\n";
        return 1;
    }
    out << "backed up " << result->pages << " pages (" << result->bytes << " bytes) to "
        << result->file.string() << "\n";
    return 0;
}

}  // namespace duban::server
