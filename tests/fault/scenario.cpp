#include "tests/fault/scenario.h"

#include <signal.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/store/database.h"
#include "tests/support/server_process.h"

namespace duban::test::fault {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    int uniform(int low, int high) {  // inclusive
        return std::uniform_int_distribution<int>(low, high)(m_engine);
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_engine); }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
    }
    std::uint64_t next() { return m_engine(); }

private:
    std::mt19937_64 m_engine;
};

// A record as a device's store holds it.
struct LocalRecord {
    Entity entity = Entity::progress_report;
    std::string id;
    std::string state;
    std::string authorId;
    std::int64_t version = 0;  // 0: never reached the server as far as this device knows
};

std::vector<LocalRecord> localRecords(const Database& db) {
    Statement s = db.prepare(R"sql(
        SELECT 'progress_report', id, state, author_id, version FROM progress_report
        UNION ALL SELECT 'site_visit', id, state, author_id, version FROM site_visit ORDER BY 2)sql");
    std::vector<LocalRecord> records;
    while (s.step()) {
        records.push_back(
            {parseEnum<Entity>(s.text(0)).value(), s.text(1), s.text(2), s.text(3), s.int64(4)});
    }
    return records;
}

bool isEditable(const LocalRecord& r) {
    return r.state == "draft" || r.state == "returned";
}

Fault randomFault(Random& random) {
    const Direction direction = random.chance(0.5) ? Direction::toServer : Direction::toClient;
    // Half of the breaks fall in or near the TLS handshake, half anywhere in a request.
    const auto bytes = [&] {
        return static_cast<std::int64_t>(random.chance(0.5) ? random.uniform(0, 3000)
                                                            : random.uniform(0, 30000));
    };
    const int kind = random.uniform(0, 99);
    if (kind < 35)
        return Fault::cutAfter(direction, bytes());
    if (kind < 65)
        return Fault::resetAfter(direction, bytes());
    if (kind < 85) {
        return Fault::delayOnceAfter(direction, bytes(),
                                     std::chrono::milliseconds(random.uniform(20, 800)));
    }
    return Fault::delayEach(direction, std::chrono::milliseconds(random.uniform(1, 20)));
}

std::string firstLine(const std::string& text) {
    const std::string line = text.substr(0, text.find('\n'));
    return line.size() > 160 ? line.substr(0, 160) + "..." : line;
}

enum class Event { none, killClient, killServer, dropNetwork };

const char* eventName(Event e) {
    switch (e) {
        case Event::none:
            return "none";
        case Event::killClient:
            return "kill-client";
        case Event::killServer:
            return "kill-server";
        case Event::dropNetwork:
            return "drop-network";
    }
    return "?";
}

class Scenario {
public:
    Scenario(const WorldTemplate& world, FaultProxy& proxy, std::uint64_t seed,
             std::filesystem::path dir)
        : m_world(world), m_proxy(proxy), m_seed(seed), m_random(seed), m_dir(std::move(dir)) {
        std::filesystem::create_directories(m_dir / "out");
        std::filesystem::create_directories(m_dir / "devices");
        std::filesystem::copy(world.serverData(), m_dir / "server",
                              std::filesystem::copy_options::recursive);
        for (const DeviceSpec& d : world.devices()) {
            std::filesystem::copy(world.dir() / "devices" / d.name, m_dir / "devices" / d.name,
                                  std::filesystem::copy_options::recursive);
            m_devices.emplace_back(d.name, m_dir / "devices" / d.name);
        }
        m_server = std::make_unique<ServerProcess>(
            m_dir / "server", std::vector<std::string>{"--config", world.configFile().string()},
            m_dir / "server.log");
        m_proxy.clearFaults();
        m_proxy.setTarget(m_server->port());
        m_before = m_proxy.counters();
    }

    ~Scenario() { m_proxy.clearFaults(); }

    ScenarioResult run(const std::function<void(const std::filesystem::path&)>& beforeCheck) {
        const int rounds = m_random.uniform(3, 5);
        for (int round = 1; round <= rounds; ++round) {
            ++m_stats.rounds;
            const int edits = m_random.uniform(3, 8);
            for (int i = 0; i < edits; ++i)
                edit(randomDevice());
            // Both of alice's devices change one draft they both hold: concurrent edits (merged,
            // a conflict for the loser) or an edit racing a submit (rejected, to the inbox).
            if (m_random.chance(0.6))
                twinEdit();
            const int attempts = m_random.uniform(1, 3);
            for (int attempt = 1; attempt <= attempts; ++attempt)
                syncUnderFaults(round, attempt);
        }
        heal();
        const ProxyCounters after = m_proxy.counters();
        m_stats.proxyCuts = static_cast<int>(after.cuts - m_before.cuts);
        m_stats.proxyResets = static_cast<int>(after.resets - m_before.resets);
        m_stats.proxyDelays = static_cast<int>(after.delays - m_before.delays);
        m_stats.upstreamRefused =
            static_cast<int>(after.upstreamRefused - m_before.upstreamRefused);
        m_server->stop(SIGTERM);
        if (beforeCheck)
            beforeCheck(m_dir);

        CheckInput input;
        input.serverDatabase = m_dir / "server" / "duban.db";
        input.ledger = &m_ledger;
        for (const Device& d : m_devices) {
            input.devices.push_back({d.name(), d.deviceId(), d.actor().userId, d.storeFile(),
                                     m_world.visible.at(d.name())});
        }
        m_stats.check = checkInvariants(input);
        for (const std::string& f : m_stats.check.failures)
            m_failures.push_back(f);

        ScenarioResult result;
        result.seed = m_seed;
        result.failures = std::move(m_failures);
        result.stats = m_stats;
        result.log = m_log.str();
        return result;
    }

private:
    // Alice's two devices edit most, so that they collide; the supervisor reviews often.
    const Device& randomDevice() {
        const int roll = m_random.uniform(0, 99);
        const char* name = roll < 30   ? "a1"
                           : roll < 60 ? "a2"
                           : roll < 72 ? "b"
                           : roll < 90 ? "s"
                                       : "z";
        for (const Device& d : m_devices) {
            if (d.name() == name)
                return d;
        }
        return m_devices.front();
    }

    const Device& device(const std::string& name) const {
        for (const Device& d : m_devices) {
            if (d.name() == name)
                return d;
        }
        throw std::runtime_error("no device " + name);
    }

    void twinEdit() {
        std::set<std::string> onA1;
        {
            SystemClock clock;
            const auto store = device("a1").open(clock);
            for (const LocalRecord& r : localRecords(store->database())) {
                if (r.version > 0 && isEditable(r))
                    onA1.insert(r.id);
            }
        }
        std::vector<std::string> shared;
        {
            SystemClock clock;
            const auto store = device("a2").open(clock);
            for (const LocalRecord& r : localRecords(store->database())) {
                if (onA1.contains(r.id) && isEditable(r))
                    shared.push_back(r.id);
            }
        }
        if (shared.empty())
            return;
        const std::string id = m_random.pick(shared);
        m_log << "  twin edit of " << id << ":\n";
        edit(device("a1"), m_random.chance(0.7) ? Action::change : Action::submit, id);
        edit(device("a2"), m_random.chance(0.7) ? Action::change : Action::submit, id);
    }

    std::string tag(const char* what) {
        return "s" + std::to_string(m_seed) + "-e" + std::to_string(++m_editNumber) + " " + what;
    }

    // One offline edit on `device`, as its user would make it in the app. When the store says OK
    // the edit is acknowledged: its queued mutation goes into the ledger.
    enum class Action { any, change, submit };

    void edit(const Device& device, Action forced = Action::any, const std::string& target = {}) {
        SystemClock clock;
        const auto store = device.open(clock);
        const Database& db = store->database();
        const Actor& actor = device.actor();
        const std::int64_t before = lastOutboxNumber(db);
        const std::vector<LocalRecord> records = localRecords(db);
        std::vector<LocalRecord> editable;
        std::vector<LocalRecord> drafts;
        std::vector<LocalRecord> submitted;
        for (const LocalRecord& r : records) {
            if (!target.empty() && r.id != target)
                continue;
            if (r.authorId == actor.userId && isEditable(r))
                editable.push_back(r);
            if (r.authorId == actor.userId && r.state == "draft")
                drafts.push_back(r);
            if (r.state == "submitted")
                submitted.push_back(r);
        }

        std::string what;
        Status status = Ok{};
        if (actor.role == Role::supervisor) {
            if (submitted.empty())
                return;
            const LocalRecord& r = m_random.pick(submitted);
            if (m_random.chance(0.6)) {
                what = "approve " + r.id;
                status = store->transition(actor, r.entity, r.id, Transition::approve);
            } else {
                what = "return " + r.id;
                status = store->transition(actor, r.entity, r.id, Transition::return_,
                                           tag("请补充现场照片"));
            }
        } else {
            int action = m_random.uniform(0, 99);
            if (forced == Action::change)
                action = 50;
            else if (forced == Action::submit)
                action = 70;
            if (forced != Action::any && editable.empty())
                return;
            // Prefer records the server has seen: edits of those can collide.
            std::vector<LocalRecord> synced;
            for (const LocalRecord& r : editable) {
                if (r.version > 0)
                    synced.push_back(r);
            }
            if (!synced.empty() && m_random.chance(0.7))
                editable = synced;
            const auto& projects = m_world.writesOn.at(device.username());
            if (action < 25 || editable.empty()) {
                ProgressReport report;
                report.projectId = m_random.pick(projects);
                report.period = "2022-0" + std::to_string(m_random.uniform(1, 6));
                report.investment = static_cast<Yuan>(m_random.uniform(0, 500)) * 1000;
                report.percentComplete = m_random.uniform(0, 100);
                report.narrative = tag("主体施工");
                report.problems = m_random.chance(0.5) ? "" : tag("资金缺口");
                const auto saved = store->saveReport(actor, report);
                what = "create report";
                status = saved ? Status(Ok{}) : Status(saved.error());
            } else if (action < 35) {
                SiteVisit visit;
                visit.projectId = m_random.pick(projects);
                char at[32];
                std::snprintf(at, sizeof at, "2022-06-%02dT02:30:00Z", m_random.uniform(1, 28));
                visit.visitedAt = at;
                visit.notes = tag("现场检查");
                visit.position = Position{28.31, 109.73, 12.0, PositionSource::gps};
                const auto saved = store->saveVisit(actor, visit);
                what = "create visit";
                status = saved ? Status(Ok{}) : Status(saved.error());
            } else if (action < 65) {
                const LocalRecord& r = m_random.pick(editable);
                what = "edit " + r.id;
                if (r.entity == Entity::progress_report) {
                    ProgressReport report = store->report(r.id).value();
                    report.narrative = tag("进度更新");
                    if (m_random.chance(0.5))
                        report.percentComplete = m_random.uniform(0, 100);
                    if (m_random.chance(0.3))
                        report.investment = static_cast<Yuan>(m_random.uniform(0, 500)) * 1000;
                    const auto saved = store->saveReport(actor, report);
                    status = saved ? Status(Ok{}) : Status(saved.error());
                } else {
                    SiteVisit visit = store->visit(r.id).value();
                    visit.notes = tag("补记");
                    if (m_random.chance(0.4))
                        visit.peopleMet = tag("项目经理");
                    const auto saved = store->saveVisit(actor, visit);
                    status = saved ? Status(Ok{}) : Status(saved.error());
                }
            } else if (action < 85) {
                const LocalRecord& r = m_random.pick(editable);
                what = "submit " + r.id;
                status = store->transition(actor, r.entity, r.id, Transition::submit);
            } else {
                if (drafts.empty())
                    return;
                const LocalRecord& r = m_random.pick(drafts);
                what = "delete " + r.id;
                status = store->deleteDraft(actor, r.entity, r.id);
            }
        }
        if (!status) {
            ++m_stats.editsRefusedLocally;
            m_log << "  " << device.name() << ": " << what << " refused: " << status.error().code
                  << "\n";
            return;
        }
        ++m_stats.editsAcknowledged;
        Statement queued = db.prepare(R"sql(
            SELECT n, mid, entity, record_id, op, base_version, fields, coalesce(transition, '')
              FROM outbox WHERE n > ? ORDER BY n)sql");
        queued.bindAll(before);
        while (queued.step()) {
            Acknowledged e;
            e.device = device.name();
            e.deviceId = device.deviceId();
            e.userId = actor.userId;
            e.n = queued.int64(0);
            e.mid = queued.text(1);
            e.entity = queued.text(2);
            e.recordId = queued.text(3);
            e.op = queued.text(4);
            e.baseVersion = queued.int64(5);
            e.fields = json::parse(queued.text(6));
            e.transition = queued.text(7);
            m_log << "  " << device.name() << ": " << what << " → n=" << e.n << " " << e.op
                  << " base " << e.baseVersion << "\n";
            m_ledger.push_back(std::move(e));
        }
    }

    std::unique_ptr<ClientProcess> startSync(const Device& device) {
        ++m_stats.syncRuns;
        const auto out =
            m_dir / "out" / (device.name() + "-" + std::to_string(++m_runNumber) + ".out");
        return std::make_unique<ClientProcess>(device.profileDir(), out);
    }

    // Waits for `clients`; `onTick` runs every few milliseconds meanwhile. False if one hung.
    bool waitAll(std::vector<std::unique_ptr<ClientProcess>>& clients,
                 const std::function<void(SteadyClock::duration)>& onTick = {}) {
        const auto start = SteadyClock::now();
        for (;;) {
            bool all = true;
            for (auto& c : clients)
                all = c->poll() && all;
            if (all)
                return true;
            if (SteadyClock::now() - start > 180s) {
                for (auto& c : clients)
                    c->kill();
                return false;
            }
            if (onTick)
                onTick(SteadyClock::now() - start);
            std::this_thread::sleep_for(3ms);
        }
    }

    void syncUnderFaults(int round, int attempt) {
        // Which devices sync (at once), what the proxy does to each new connection, and what
        // else happens at a random moment.
        std::vector<std::size_t> order(m_devices.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::shuffle(order.begin(), order.end(), std::mt19937_64(m_random.next()));
        order.resize(static_cast<std::size_t>(m_random.uniform(1, 4)));
        const double rate = std::vector<double>{
            0.0, 0.25, 0.5, 0.8}[static_cast<std::size_t>(m_random.uniform(0, 3))];
        auto plan = std::make_shared<Random>(m_random.next());
        auto planMutex = std::make_shared<std::mutex>();
        m_proxy.setPlanner([plan, planMutex, rate](std::int64_t) {
            const std::lock_guard lock(*planMutex);
            return plan->chance(rate) ? randomFault(*plan) : Fault::pass();
        });
        const int eventRoll = m_random.uniform(0, 99);
        const Event event = eventRoll < 25   ? Event::killClient
                            : eventRoll < 45 ? Event::killServer
                            : eventRoll < 60 ? Event::dropNetwork
                                             : Event::none;
        // A sync without faults takes 50 to 300 ms here: most events fall inside one.
        const auto eventAt = std::chrono::milliseconds(m_random.uniform(0, 250));
        const auto serverPause = std::chrono::milliseconds(m_random.uniform(0, 300));
        const std::size_t victim = static_cast<std::size_t>(m_random.uniform(0, 2)) % order.size();

        std::vector<std::unique_ptr<ClientProcess>> clients;
        std::string names;
        for (std::size_t i : order) {
            clients.push_back(startSync(m_devices[i]));
            names += (names.empty() ? "" : ",") + m_devices[i].name();
        }
        bool fired = event == Event::none;
        std::string happened = "no event";
        const auto started = SteadyClock::now();
        const bool finished = waitAll(clients, [&](SteadyClock::duration elapsed) {
            if (fired || elapsed < eventAt)
                return;
            fired = true;
            switch (event) {
                case Event::killClient:
                    if (!clients[victim]->poll()) {
                        clients[victim]->kill();
                        ++m_stats.clientKills;
                        happened = "killed " + m_devices[order[victim]].name() + "'s client";
                    } else {
                        happened = "client ended before the kill";
                    }
                    break;
                case Event::killServer:
                    // The clients run on (they are processes) while the server is down.
                    m_server->stop(SIGKILL);
                    ++m_stats.serverKills;
                    std::this_thread::sleep_for(serverPause);
                    m_server->start();
                    m_proxy.setTarget(m_server->port());
                    happened =
                        "killed the server for " + std::to_string(serverPause.count()) + " ms";
                    break;
                case Event::dropNetwork:
                    m_proxy.dropAll();
                    ++m_stats.networkDrops;
                    happened = "dropped the network";
                    break;
                case Event::none:
                    break;
            }
        });
        m_proxy.clearFaults();
        if (!fired)
            happened = "the clients ended first";
        m_log << "round " << round << " attempt " << attempt << ": sync " << names
              << ", fault rate " << rate << ", " << eventName(event) << " at " << eventAt.count()
              << " ms: " << happened << " → after "
              << std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started)
                     .count()
              << " ms:";
        for (std::size_t i = 0; i < clients.size(); ++i) {
            m_log << " " << m_devices[order[i]].name() << "=" << clients[i]->exitCode();
            if (clients[i]->exitCode() != 0 && !clients[i]->killed()) {
                ++m_stats.syncFailures;
                m_log << " (" << firstLine(clients[i]->output()) << ")";
            }
        }
        m_log << "\n";
        if (!finished)
            m_failures.push_back("a client hung for 180 s in round " + std::to_string(round));
    }

    // No more faults: every device syncs (all at once) until a whole pass moves nothing.
    void heal() {
        m_proxy.clearFaults();
        for (int pass = 1; pass <= 8; ++pass) {
            ++m_stats.healPasses;
            std::vector<std::unique_ptr<ClientProcess>> clients;
            for (const Device& d : m_devices)
                clients.push_back(startSync(d));
            if (!waitAll(clients)) {
                m_failures.push_back("a client hung while healing");
                return;
            }
            bool quiet = true;
            m_log << "heal pass " << pass << ":";
            for (std::size_t i = 0; i < clients.size(); ++i) {
                const std::string output = clients[i]->output();
                m_log << " " << m_devices[i].name() << "=" << clients[i]->exitCode();
                if (clients[i]->exitCode() != 0) {
                    quiet = false;
                    m_log << "(" << output.substr(0, 200) << ")";
                    continue;
                }
                const auto brace = output.rfind('{');
                const json report = brace == std::string::npos
                                        ? json()
                                        : json::parse(output.substr(brace), nullptr, false);
                if (!report.is_object()) {
                    quiet = false;
                    continue;
                }
                const int moved = report.value("pushed", 0) + report.value("pulled", 0) +
                                  report.value("conflicts", 0) + report.value("dropped", 0);
                m_log << "/" << moved;
                quiet = quiet && moved == 0;
            }
            m_log << "\n";
            if (quiet)
                return;
        }
        m_failures.push_back("the devices did not converge in 8 sync passes without faults");
    }

    const WorldTemplate& m_world;
    FaultProxy& m_proxy;
    std::uint64_t m_seed;
    Random m_random;
    std::filesystem::path m_dir;
    std::vector<Device> m_devices;
    std::unique_ptr<ServerProcess> m_server;
    ProxyCounters m_before;
    Ledger m_ledger;
    ScenarioStats m_stats;
    std::vector<std::string> m_failures;
    std::ostringstream m_log;
    int m_editNumber = 0;
    int m_runNumber = 0;
};

}  // namespace

ScenarioStats& ScenarioStats::operator+=(const ScenarioStats& o) {
    rounds += o.rounds;
    editsAcknowledged += o.editsAcknowledged;
    editsRefusedLocally += o.editsRefusedLocally;
    syncRuns += o.syncRuns;
    syncFailures += o.syncFailures;
    proxyCuts += o.proxyCuts;
    proxyResets += o.proxyResets;
    proxyDelays += o.proxyDelays;
    upstreamRefused += o.upstreamRefused;
    networkDrops += o.networkDrops;
    clientKills += o.clientKills;
    serverKills += o.serverKills;
    healPasses += o.healPasses;
    check.applied += o.check.applied;
    check.merged += o.check.merged;
    check.rejected += o.check.rejected;
    check.conflicts += o.check.conflicts;
    check.reviews += o.check.reviews;
    check.records += o.check.records;
    return *this;
}

ScenarioResult runScenario(const WorldTemplate& world, FaultProxy& proxy, std::uint64_t seed,
                           const std::filesystem::path& workDir,
                           const std::function<void(const std::filesystem::path&)>& beforeCheck) {
    Scenario scenario(world, proxy, seed, workDir);
    return scenario.run(beforeCheck);
}

std::string statsJson(const ScenarioStats& s, int scenarios, int failed, double seconds) {
    return json{{"scenarios", scenarios},
                {"failed", failed},
                {"seconds", seconds},
                {"rounds", s.rounds},
                {"edits_acknowledged", s.editsAcknowledged},
                {"edits_refused_locally", s.editsRefusedLocally},
                {"sync_runs", s.syncRuns},
                {"sync_runs_failed", s.syncFailures},
                {"proxy_cuts", s.proxyCuts},
                {"proxy_resets", s.proxyResets},
                {"proxy_delays", s.proxyDelays},
                {"server_down_refusals", s.upstreamRefused},
                {"network_drops", s.networkDrops},
                {"client_kills", s.clientKills},
                {"server_kills", s.serverKills},
                {"heal_passes", s.healPasses},
                {"applied", s.check.applied},
                {"merged", s.check.merged},
                {"rejected", s.check.rejected},
                {"conflicts", s.check.conflicts},
                {"reviews", s.check.reviews},
                {"records", s.check.records}}
        .dump();
}

}  // namespace duban::test::fault
