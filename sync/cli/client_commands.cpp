#include "sync/cli/client_commands.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/store/local_store.h"
#include "core/store/project_query.h"
#include "sync/cli/client_profile.h"
#include "sync/curl_transport.h"
#include "sync/sync_engine.h"

namespace duban::cli {
namespace {

using nlohmann::json;

constexpr const char* kUsage =
    "usage: duban-client [--profile DIR] [--json] COMMAND [OPTIONS]\n"
    "commands:\n"
    "  login --server URL [--ca FILE] --username NAME   sign in (password: DUBAN_PASSWORD or "
    "stdin)\n"
    "  sync                                             push local edits, pull server changes\n"
    "  status                                           pending edits, open inbox, last sync\n"
    "  projects [--search TEXT] [--limit N]             projects in the local store\n"
    "DIR defaults to ./duban-client.\n";

constexpr const char* kLastSyncKey = "last_sync_at";

struct Invocation {
    std::string profileDir = "duban-client";
    bool json = false;
    std::string command;
    std::map<std::string, std::string> options;  // "--name" → value
};

class UsageError {
public:
    explicit UsageError(std::string text) : message(std::move(text)) {}
    std::string message;
};

// Which options each command takes; all take a value.
const std::map<std::string, std::vector<std::string>>& commandOptions() {
    static const std::map<std::string, std::vector<std::string>> options = {
        {"login", {"--server", "--ca", "--username"}},
        {"sync", {}},
        {"status", {}},
        {"projects", {"--search", "--limit"}},
    };
    return options;
}

Invocation parse(const std::vector<std::string>& args) {
    Invocation invocation;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--json") {
            invocation.json = true;
        } else if (arg == "--profile") {
            if (i + 1 >= args.size()) {
                throw UsageError("--profile needs a folder");
            }
            invocation.profileDir = args[++i];
        } else if (arg.starts_with("--")) {
            if (invocation.command.empty()) {
                throw UsageError("unknown option " + arg);
            }
            const auto& allowed = commandOptions().at(invocation.command);
            if (std::find(allowed.begin(), allowed.end(), arg) == allowed.end()) {
                throw UsageError("`" + invocation.command + "` takes no option " + arg);
            }
            if (i + 1 >= args.size()) {
                throw UsageError(arg + " needs a value");
            }
            invocation.options[arg] = args[++i];
        } else if (invocation.command.empty()) {
            if (!commandOptions().contains(arg)) {
                throw UsageError("unknown command `" + arg + "`");
            }
            invocation.command = arg;
        } else {
            throw UsageError("unexpected argument `" + arg + "`");
        }
    }
    if (invocation.command.empty()) {
        throw UsageError("no command given");
    }
    return invocation;
}

std::string option(const Invocation& invocation, const std::string& name) {
    const auto it = invocation.options.find(name);
    return it == invocation.options.end() ? std::string() : it->second;
}

int fail(std::ostream& err, const Error& error) {
    err << "duban-client: " << error.message << " (" << error.code << ")\n";
    return kExitFailure;
}

std::string describeUser(const json& user) {
    std::string text = user.value("username", std::string());
    const std::string name = user.value("display_name", std::string());
    if (!name.empty()) {
        text += " (" + name + ")";
    }
    text += ", " + user.value("role", std::string());
    if (user.contains("unit") && user["unit"].is_object()) {
        text += ", " + user["unit"].value("name", std::string());
    }
    return text;
}

Result<std::unique_ptr<sync::CurlTransport>> makeTransport(const ClientProfile& profile) {
    sync::TransportOptions options;
    options.baseUrl = profile.server;
    options.caFile = profile.caFile;
    options.bearerToken = profile.token;
    options.userAgent = "duban-client/0.1";
    return sync::CurlTransport::create(std::move(options));
}

// The signed-in profile and its store, opened together for the commands that need both.
struct Session {
    ClientProfile profile;
    SystemClock clock;
    std::unique_ptr<LocalStore> store;
};

Result<std::unique_ptr<Session>> openSession(const ProfileDir& dir) {
    auto profile = dir.load();
    if (!profile) {
        return profile.error();
    }
    if (profile->token.empty() || profile->deviceId.empty()) {
        return makeError("not_signed_in", "the profile in " + dir.path().string() +
                                              " is not signed in; run `duban-client login`.");
    }
    auto session = std::make_unique<Session>();
    session->profile = std::move(profile).value();
    auto store = LocalStore::open(dir.storeFile(), session->clock, session->profile.deviceId);
    if (!store) {
        return store.error();
    }
    session->store = std::move(store).value();
    return session;
}

std::optional<std::string> stateValue(const Database& db, const char* key) {
    Statement s = db.prepare("SELECT value FROM sync_state WHERE key = ?");
    s.bindAll(key);
    if (!s.step()) {
        return std::nullopt;
    }
    return s.text(0);
}

int login(const Invocation& invocation, std::istream& in, std::ostream& out, std::ostream& err) {
    const std::string server = option(invocation, "--server");
    const std::string username = option(invocation, "--username");
    if (server.empty() || username.empty()) {
        throw UsageError("login needs --server URL and --username NAME");
    }
    std::string password;
    if (const char* fromEnv = std::getenv("DUBAN_PASSWORD"); fromEnv != nullptr) {
        password = fromEnv;
    } else if (!std::getline(in, password) || password.empty()) {
        return fail(err, makeError("password_missing",
                                   "no password: set DUBAN_PASSWORD or give it on stdin."));
    }

    const ProfileDir dir(invocation.profileDir);
    SystemClock clock;
    ClientProfile profile;
    if (auto existing = dir.load(); existing) {
        profile = std::move(existing).value();
        // The store holds one user's data and unsent edits: it is not handed to someone else.
        if (!profile.username.empty() &&
            (profile.username != username || profile.server != server)) {
            return fail(err, makeError("profile_in_use", "the profile in " + dir.path().string() +
                                                             " belongs to " + profile.username +
                                                             " at " + profile.server +
                                                             "; use another --profile folder."));
        }
    }
    if (profile.deviceId.empty()) {
        profile.deviceId = newDeviceId(clock);
    }
    profile.server = server;
    // Absolute, so later commands find it whatever folder they run from.
    if (const std::string ca = option(invocation, "--ca"); !ca.empty()) {
        profile.caFile = std::filesystem::absolute(ca).string();
    } else {
        profile.caFile.clear();
    }
    profile.username = username;
    profile.token.clear();

    auto transport = makeTransport(profile);
    if (!transport) {
        return fail(err, transport.error());
    }
    sync::HttpRequest request;
    request.method = "POST";
    request.path = "/v1/auth/login";
    request.body = json{{"username", username},
                        {"password", password},
                        {"device_id", profile.deviceId},
                        {"device_name", "duban-client"}}
                       .dump();
    auto response = transport.value()->send(request);
    if (!response) {
        return fail(err, response.error());
    }
    if (response->status != 200) {
        return fail(err, sync::detail::responseError(response.value(), "sign-in refused"));
    }
    const json body = json::parse(response->body, nullptr, false);
    if (!body.is_object() || !body.contains("token") || !body["token"].is_string()) {
        return fail(err, makeError("bad_response", "the server's sign-in answer has no token."));
    }
    profile.token = body["token"].get<std::string>();
    profile.user = body.value("user", json::object());
    if (auto saved = dir.save(profile); !saved) {
        return fail(err, saved.error());
    }
    if (invocation.json) {
        out << json{{"user", profile.user},
                    {"device_id", profile.deviceId},
                    {"expires_at", body.value("expires_at", std::string())},
                    {"profile", dir.path().string()}}
                   .dump()
            << "\n";
    } else {
        out << "signed in as " << describeUser(profile.user) << "\n";
    }
    return kExitOk;
}

int syncCommand(const Invocation& invocation, std::ostream& out, std::ostream& err) {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session) {
        return fail(err, session.error());
    }
    Session& s = *session.value();
    auto transport = makeTransport(s.profile);
    if (!transport) {
        return fail(err, transport.error());
    }
    sync::SyncOptions options;
    options.deviceId = s.profile.deviceId;
    sync::SyncEngine engine(*s.store, *transport.value(), options);
    auto report = engine.syncOnce();
    if (!report) {
        Error error = report.error();
        if (error.code == "unauthorized") {
            error.message += "; sign in again with `duban-client login`.";
        }
        return fail(err, error);
    }
    const std::string syncedAt = formatInstantUtc(s.clock.nowMs());
    try {
        s.store->database()
            .prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)")
            .bindAll(kLastSyncKey, syncedAt)
            .run();
    } catch (const DatabaseError& e) {
        return fail(err, makeError("store_failed", std::string("sync done, but ") + e.what()));
    }
    const sync::SyncReport& r = report.value();
    if (invocation.json) {
        out << json{{"pushed", r.pushed},     {"applied", r.applied},
                    {"merged", r.merged},     {"duplicates", r.duplicates},
                    {"rejected", r.rejected}, {"conflicts", r.conflicts},
                    {"pulled", r.pulled},     {"skipped", r.skipped},
                    {"dropped", r.dropped},   {"scope_changed", r.scopeChanged},
                    {"synced_at", syncedAt}}
                   .dump()
            << "\n";
    } else {
        out << "pushed " << r.pushed << ", applied " << r.applied << ", rejected " << r.rejected
            << ", pulled " << r.pulled << "\n";
    }
    return kExitOk;
}

int status(const Invocation& invocation, std::ostream& out, std::ostream& err) {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session) {
        return fail(err, session.error());
    }
    Session& s = *session.value();
    int pending = 0;
    int inbox = 0;
    std::optional<std::string> lastSync;
    try {
        const Database& db = s.store->database();
        pending = s.store->pendingCount();
        Statement count = db.prepare("SELECT count(*) FROM inbox WHERE resolved_at IS NULL");
        count.step();
        inbox = count.integer(0);
        lastSync = stateValue(db, kLastSyncKey);
    } catch (const DatabaseError& e) {
        return fail(err, makeError("store_failed", e.what()));
    }
    if (invocation.json) {
        out << json{{"pending", pending},
                    {"inbox", inbox},
                    {"last_sync_at", lastSync ? json(*lastSync) : json(nullptr)},
                    {"server", s.profile.server},
                    {"device_id", s.profile.deviceId},
                    {"user", s.profile.user}}
                   .dump()
            << "\n";
    } else {
        out << "user: " << describeUser(s.profile.user) << "\n"
            << "server: " << s.profile.server << "\n"
            << "pending edits: " << pending << "\n"
            << "open inbox items: " << inbox << "\n"
            << "last sync: " << lastSync.value_or("never") << "\n";
    }
    return kExitOk;
}

int projects(const Invocation& invocation, std::ostream& out, std::ostream& err) {
    int limit = 50;
    if (const std::string text = option(invocation, "--limit"); !text.empty()) {
        try {
            std::size_t used = 0;
            limit = std::stoi(text, &used);
            if (used != text.size() || limit < 1) {
                throw std::invalid_argument(text);
            }
        } catch (const std::exception&) {
            throw UsageError("--limit needs a whole number above 0, not `" + text + "`");
        }
    }
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session) {
        return fail(err, session.error());
    }
    ProjectFilter filter;
    filter.text = option(invocation, "--search");
    std::vector<ProjectRow> rows;
    try {
        rows = listProjects(session.value()->store->database(), filter, ProjectSort::seedOrder,
                            limit, 0);
    } catch (const DatabaseError& e) {
        return fail(err, makeError("store_failed", e.what()));
    }
    if (invocation.json) {
        json list = json::array();
        for (const ProjectRow& row : rows) {
            list.push_back({{"id", row.id},
                            {"code", row.code},
                            {"name", row.name},
                            {"category", row.category},
                            {"stage", row.stage},
                            {"total_investment",
                             row.totalInvestment ? json(*row.totalInvestment) : json(nullptr)},
                            {"warning_level", row.warningLevel},
                            {"units", row.unitNames}});
        }
        out << list.dump() << "\n";
    } else {
        for (const ProjectRow& row : rows) {
            out << row.code << "  " << row.name << "  总投资 "
                << (row.totalInvestment ? formatWan(*row.totalInvestment) : std::string("—"))
                << "\n";
        }
    }
    return kExitOk;
}

}  // namespace

int runClient(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err) {
    try {
        const Invocation invocation = parse(args);
        if (invocation.command == "login") {
            return login(invocation, in, out, err);
        }
        if (invocation.command == "sync") {
            return syncCommand(invocation, out, err);
        }
        if (invocation.command == "status") {
            return status(invocation, out, err);
        }
        return projects(invocation, out, err);
    } catch (const UsageError& e) {
        err << "duban-client: " << e.message << "\n" << kUsage;
        return kExitUsage;
    }
}

int runClient(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runClient(args, std::cin, out, err);
}

}  // namespace duban::cli
