#include "tests/fault/fault_world.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/store/database.h"
#include "sync/cli/client_commands.h"
#include "tests/support/server_process.h"

namespace duban::test::fault {

using nlohmann::json;

ClientProcess::ClientProcess(const std::filesystem::path& profile, std::filesystem::path outputFile)
    : m_outputFile(std::move(outputFile)) {
    // Everything the child needs is made before fork: the parent has threads (the proxy).
    std::vector<std::string> args{DUBAN_CLIENT_BINARY, "--json", "--profile", profile.string(),
                                  "sync"};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const FileDescriptor out(
        ::open(m_outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (out.get() < 0)
        throw std::runtime_error("cannot create " + m_outputFile.string());
    m_pid = ::fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        ::dup2(out.get(), STDOUT_FILENO);
        ::dup2(out.get(), STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
}

ClientProcess::~ClientProcess() {
    if (m_pid > 0)
        kill();
}

void ClientProcess::reap(int status) {
    m_pid = -1;
    if (WIFSIGNALED(status)) {
        m_exitCode = 128 + WTERMSIG(status);
        m_killed = WTERMSIG(status) == SIGKILL;
    } else {
        m_exitCode = WEXITSTATUS(status);
    }
}

void ClientProcess::kill() {
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    reap(status);
}

bool ClientProcess::poll() {
    if (m_pid <= 0)
        return true;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid)
        reap(status);
    return m_pid <= 0;
}

std::string ClientProcess::output() const {
    std::ifstream in(m_outputFile);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Device::Device(std::string name, std::filesystem::path profileDir)
    : m_name(std::move(name)), m_dir(std::move(profileDir)) {
    std::ifstream in(m_dir / "profile.json");
    const json profile = json::parse(in);
    m_deviceId = profile.at("device_id").get<std::string>();
    m_username = profile.at("username").get<std::string>();
    const json& user = profile.at("user");
    m_actor.userId = user.at("id").get<std::string>();
    m_actor.role = parseEnum<Role>(user.at("role").get<std::string>()).value();
    m_actor.unitId = user.at("unit").at("id").get<std::string>();
    if (user.contains("supervised_units") && user["supervised_units"].is_array()) {
        for (const json& unit : user["supervised_units"])
            m_actor.supervisedUnitIds.push_back(unit.get<std::string>());
    }
}

std::unique_ptr<LocalStore> Device::open(const Clock& clock) const {
    auto store = LocalStore::open(storeFile(), clock, m_deviceId);
    if (!store)
        throw std::runtime_error(m_name + ": " + store.error().message);
    return std::move(store).value();
}

namespace {

constexpr const char* kSharedUnit = "市科工信局";
constexpr const char* kOtherUnit = "市文旅广电局";

HttpsClient signInAdmin(const ServerProcess& server) {
    auto http = server.client();
    const auto r =
        http.post("/v1/auth/login", {{"username", "admin"},
                                     {"password", WorldTemplate::kPassword},
                                     {"device_id", "0190f0a8-0000-7000-8000-00000000fa01"},
                                     {"device_name", "fault admin"}});
    if (r.status != 200)
        throw std::runtime_error("admin sign-in failed: " + r.body + r.error);
    http.setToken(r.json()["token"]);
    return http;
}

void createUser(const HttpsClient& admin, const std::string& username, const std::string& role,
                const std::string& unit, const json& supervised = json::array()) {
    const auto r = admin.post("/v1/admin/users", {{"username", username},
                                                  {"display_name", username},
                                                  {"role", role},
                                                  {"unit", unit},
                                                  {"password", WorldTemplate::kPassword},
                                                  {"supervised_units", supervised}});
    if (r.status != 201)
        throw std::runtime_error("creating " + username + " failed: " + r.body + r.error);
}

std::vector<std::string> column(const Database& db, const char* sql, const std::string& arg1,
                                const std::string& arg2 = {}) {
    Statement s = db.prepare(sql);
    if (arg2.empty())
        s.bindAll(arg1);
    else
        s.bindAll(arg1, arg2);
    std::vector<std::string> values;
    while (s.step())
        values.push_back(s.text(0));
    return values;
}

std::set<std::string> projectsIn(const std::filesystem::path& store) {
    const Database db = Database::open(store);
    Statement s = db.prepare("SELECT id FROM project");
    std::set<std::string> ids;
    while (s.step())
        ids.insert(s.text(0));
    return ids;
}

}  // namespace

WorldTemplate::WorldTemplate(FaultProxy& proxy)
    : m_devices{{"a1", "alice"}, {"a2", "alice"}, {"b", "bob"}, {"s", "sup"}, {"z", "zoe"}} {
    {
        std::ofstream config(configFile());
        // Fast password hashes (production: 2^17) and no sign-in throttle for one address.
        config << json{
            {"scrypt_n", 1024},
            {"login_attempts_per_minute_per_address", 100000},
            {"threads",
             4}}.dump();
    }
    ::setenv("DUBAN_ADMIN_PASSWORD", kPassword, 1);
    ServerProcess server(serverData(), {"--config", configFile().string()}, dir() / "server.log");
    proxy.clearFaults();
    proxy.setTarget(server.port());

    const HttpsClient admin = signInAdmin(server);
    createUser(admin, "alice", "field", kSharedUnit);
    createUser(admin, "bob", "field", kSharedUnit);
    createUser(admin, "sup", "supervisor", "市发改局", json::array({kSharedUnit}));
    createUser(admin, "zoe", "field", kOtherUnit);

    const std::string ca = (serverData() / "tls" / "ca.crt").string();
    ::setenv("DUBAN_PASSWORD", kPassword, 1);
    for (const DeviceSpec& d : m_devices) {
        const auto profile = dir() / "devices" / d.name;
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        // Through the proxy: the profile keeps this address, so every later sync goes through it.
        const int code = cli::runClient({"--profile", profile.string(), "login", "--server",
                                         proxy.url(), "--ca", ca, "--username", d.username},
                                        in, out, err);
        if (code != 0)
            throw std::runtime_error("login " + d.name + ": " + err.str());
        ClientProcess sync(profile, dir() / (d.name + ".out"));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (!sync.poll()) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("first sync of " + d.name + " hung");
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (sync.exitCode() != 0)
            throw std::runtime_error("first sync of " + d.name + ": " + sync.output());
    }
    ::unsetenv("DUBAN_PASSWORD");
    server.stop(SIGTERM);

    // The projects, from the links of the seed: ours are 市科工信局's responsibility; the others
    // belong to an unrelated unit and have no link to 市科工信局 at all.
    const Database db = Database::open(serverData() / "duban.db");
    const auto unitId = [&](const char* name) {
        const auto ids = column(db, "SELECT id FROM unit WHERE name = ?", name);
        if (ids.empty())
            throw std::runtime_error(std::string("no unit ") + name);
        return ids[0];
    };
    const std::string shared = unitId(kSharedUnit);
    const std::string other = unitId(kOtherUnit);
    constexpr const char* kProjectsOf = R"sql(
        SELECT p.id FROM project p JOIN project_unit pu ON pu.project_id = p.id
         WHERE pu.unit_id = ?1 AND pu.role = 'responsible'
           AND p.id NOT IN (SELECT project_id FROM project_unit WHERE unit_id = ?2)
           AND (p.total_investment IS NULL OR p.total_investment >= 10000000)
         GROUP BY p.id ORDER BY p.code LIMIT 3)sql";
    sharedProjects = column(db, kProjectsOf, shared, other);
    otherProjects = column(db, kProjectsOf, other, shared);
    if (sharedProjects.size() < 2 || otherProjects.size() < 2)
        throw std::runtime_error("the seed lacks projects for the fault scenarios");
    const std::set<std::string> sharedSet(sharedProjects.begin(), sharedProjects.end());
    const std::set<std::string> otherSet(otherProjects.begin(), otherProjects.end());
    for (const char* name : {"a1", "a2", "b", "s"})
        visible[name] = sharedSet;
    visible["z"] = otherSet;
    writesOn["alice"] = sharedProjects;
    writesOn["bob"] = sharedProjects;
    writesOn["zoe"] = otherProjects;

    // The first pull agrees with that reading of the scope rules, or the checks below mean nothing.
    for (const DeviceSpec& d : m_devices) {
        const auto has = projectsIn(dir() / "devices" / d.name / "store.db");
        for (const auto& p : sharedProjects) {
            if (has.contains(p) != visible[d.name].contains(p))
                throw std::runtime_error(d.name + " disagrees on the scope of project " + p);
        }
        for (const auto& p : otherProjects) {
            if (has.contains(p) != visible[d.name].contains(p))
                throw std::runtime_error(d.name + " disagrees on the scope of project " + p);
        }
    }
}

}  // namespace duban::test::fault
