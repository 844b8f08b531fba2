#include "tests/fault/invariants.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "core/store/database.h"

namespace duban::test::fault {
namespace {

using nlohmann::json;
using Row = std::map<std::string, json>;
using Rows = std::map<std::string, Row>;  // by id

json toJson(const SqlValue& value) {
    return std::visit(
        [](const auto& v) -> json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, SqlNull>)
                return nullptr;
            else
                return v;
        },
        value);
}

// Every row of one of the compared tables (fixed statements: no SQL is built from names).
Rows rowsOf(const Database& db, std::string_view table) {
    const char* sql = table == "progress_report" ? "SELECT * FROM progress_report"
                      : table == "site_visit"    ? "SELECT * FROM site_visit"
                                                 : "SELECT * FROM review";
    Statement s = db.prepare(sql);
    Rows rows;
    while (s.step()) {
        Row row;
        for (int c = 0; c < s.columnCount(); ++c)
            row[s.columnName(c)] = toJson(s.value(c));
        rows[row["id"].get<std::string>()] = std::move(row);
    }
    return rows;
}

std::string shortText(const json& value) {
    std::string text = value.dump();
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

// The fields the scenarios write and the invariant follows (same name in JSON and SQL).
const std::vector<std::string>& trackedFields(const std::string& entity) {
    static const std::vector<std::string> report{"period",    "investment", "percent_complete",
                                                 "narrative", "problems",   "coordination"};
    static const std::vector<std::string> visit{"visited_at", "notes", "people_met"};
    return entity == "progress_report" ? report : visit;
}

std::string stateAfter(const std::string& transition) {
    if (transition == "submit")
        return "submitted";
    if (transition == "approve")
        return "approved";
    if (transition == "return")
        return "returned";
    return "?" + transition;
}

struct Outcome {
    std::string status;  // applied | merged | rejected
    std::int64_t version = -1;
    std::int64_t order = -1;  // the server's order of application (audit seq)
};

struct ExpectedConflict {
    const Acknowledged* loser = nullptr;
    const Acknowledged* winner = nullptr;
    std::string field;
    json losingValue;
};

class Checker {
public:
    explicit Checker(const CheckInput& input)
        : m_in(input), m_ledger(*input.ledger), m_server(Database::open(input.serverDatabase)) {}

    CheckResult run() {
        checkExactlyOnce();
        checkInboxes();
        checkRecords();
        checkReviews();
        checkDevices();
        return std::move(m_out);
    }

private:
    void fail(std::string message) {
        if (m_out.failures.size() < 100)
            m_out.failures.push_back(std::move(message));
    }

    static std::string describe(const Acknowledged& e) {
        std::string text = e.device + " n=" + std::to_string(e.n) + " " + e.op;
        if (!e.transition.empty())
            text += " " + e.transition;
        return text + " " + e.entity + " " + e.recordId.substr(24) + " (mid " + e.mid + ")";
    }

    [[nodiscard]] bool applied(const Acknowledged& e) const {
        const auto it = m_outcome.find(e.mid);
        return it != m_outcome.end() &&
               (it->second.status == "applied" || it->second.status == "merged");
    }

    // (a) Every acknowledged edit reached the server exactly once, under its own number, and the
    // server holds no mutation of these devices that nobody made.
    void checkExactlyOnce() {
        std::map<std::string, std::int64_t> order;
        Statement audit = m_server.prepare(
            "SELECT seq, json_extract(detail, '$.mid') FROM audit WHERE action = 'push'");
        while (audit.step()) {
            if (!audit.isNull(1))
                order[audit.text(1)] = audit.int64(0);
        }
        struct Stored {
            std::string device;
            std::int64_t n;
            json result;
        };
        std::map<std::string, std::vector<Stored>> byMid;
        std::map<std::string, std::set<std::int64_t>> serverNumbers;
        Statement s = m_server.prepare("SELECT device_id, n, mid, result FROM mutation_result");
        while (s.step()) {
            byMid[s.text(2)].push_back({s.text(0), s.int64(1), json::parse(s.text(3))});
            serverNumbers[s.text(0)].insert(s.int64(1));
        }
        std::map<std::string, std::set<std::int64_t>> ledgerNumbers;
        for (const Acknowledged& e : m_ledger) {
            ledgerNumbers[e.deviceId].insert(e.n);
            const auto it = byMid.find(e.mid);
            const std::size_t times = it == byMid.end() ? 0 : it->second.size();
            if (times != 1) {
                fail("(a) acknowledged edit " + describe(e) + " reached the server " +
                     std::to_string(times) + " times");
                continue;
            }
            const Stored& stored = it->second.front();
            if (stored.device != e.deviceId || stored.n != e.n) {
                fail("(a) " + describe(e) + " was stored as n=" + std::to_string(stored.n) +
                     " of device " + stored.device);
            }
            Outcome outcome;
            outcome.status = stored.result.value("status", "");
            outcome.version = stored.result.value("version", std::int64_t{-1});
            outcome.order = order.contains(e.mid) ? order[e.mid] : -1;
            if (outcome.order < 0)
                fail("(a) " + describe(e) + " has no audit entry");
            if (outcome.status == "applied")
                ++m_out.applied;
            else if (outcome.status == "merged")
                ++m_out.merged;
            else if (outcome.status == "rejected")
                ++m_out.rejected;
            else
                fail("(a) " + describe(e) + " has the stored result " + stored.result.dump());
            m_outcome[e.mid] = outcome;
        }
        for (const DeviceView& d : m_in.devices) {
            if (serverNumbers[d.deviceId] != ledgerNumbers[d.deviceId]) {
                fail("(a) device " + d.name + ": the server applied " +
                     std::to_string(serverNumbers[d.deviceId].size()) + " mutations, the device " +
                     "acknowledged " + std::to_string(ledgerNumbers[d.deviceId].size()));
            }
        }
    }

    // (a) A rejected edit is in its device's inbox, and the inbox holds nothing else rejected.
    void checkInboxes() {
        for (const DeviceView& d : m_in.devices) {
            const Database db = Database::open(d.store);
            std::set<std::string> rejected;
            Statement s = db.prepare("SELECT id, kind FROM inbox");
            while (s.step()) {
                if (s.text(1) == "rejected")
                    rejected.insert(s.text(0));
                else
                    m_conflictsOn[d.name].insert(s.text(0));
            }
            for (const Acknowledged& e : m_ledger) {
                if (e.deviceId != d.deviceId || !m_outcome.contains(e.mid))
                    continue;
                const bool wasRejected = m_outcome[e.mid].status == "rejected";
                if (wasRejected != rejected.contains(e.mid)) {
                    fail(std::string("(a) ") +
                         (wasRejected ? "rejected edit missing from the inbox: "
                                      : "applied edit shown as rejected: ") +
                         describe(e));
                }
                rejected.erase(e.mid);
            }
            for (const std::string& mid : rejected)
                fail("(a) device " + d.name + " shows a rejection of an unknown mutation " + mid);
        }
    }

    // (a)+(c) The records on the server are exactly those created and not deleted, each with the
    // last value written to each field, the state of its last transition and one version per
    // applied change; every value that lost to a concurrent edit is a conflict for its author.
    void checkRecords() {
        m_reports = rowsOf(m_server, "progress_report");
        m_visits = rowsOf(m_server, "site_visit");
        std::map<std::string, std::vector<const Acknowledged*>> byRecord;
        for (const Acknowledged& e : m_ledger) {
            if (applied(e))
                byRecord[e.recordId].push_back(&e);
        }
        std::set<std::string> alive;
        for (auto& [id, edits] : byRecord) {
            std::sort(edits.begin(), edits.end(),
                      [&](const Acknowledged* a, const Acknowledged* b) {
                          return m_outcome[a->mid].order < m_outcome[b->mid].order;
                      });
            bool created = false;
            bool deleted = false;
            for (const Acknowledged* e : edits) {
                created = created || e->op == "create";
                deleted = deleted || e->op == "delete";
            }
            if (!created)
                fail("(a) record " + id + " was changed on the server but never created");
            if (created && !deleted)
                alive.insert(id);
        }
        for (const auto* rows : {&m_reports, &m_visits}) {
            for (const auto& [id, row] : *rows) {
                if (!alive.contains(id))
                    fail("(a) the server holds record " + id + " that no acknowledged edit left");
            }
        }
        m_out.records = static_cast<int>(m_reports.size() + m_visits.size());

        std::vector<ExpectedConflict> expected;
        std::set<std::string> winners;
        for (const auto& [id, edits] : byRecord) {
            const std::string& entity = edits.front()->entity;
            Rows& rows = entity == "progress_report" ? m_reports : m_visits;
            const auto row = rows.find(id);
            if (alive.contains(id) && row == rows.end()) {
                fail("(a) acknowledged record " + id + " is missing on the server");
                continue;
            }
            for (const std::string& field : trackedFields(entity)) {
                const Acknowledged* last = nullptr;
                json current;
                for (const Acknowledged* e : edits) {
                    if ((e->op != "create" && e->op != "update") || !e->fields.contains(field))
                        continue;
                    const json& value = e->fields[field];
                    if (last != nullptr && value == current)
                        continue;  // not a change on the server
                    if (last != nullptr && m_outcome[last->mid].version > e->baseVersion &&
                        last->deviceId != e->deviceId) {
                        expected.push_back({last, e, field, current});
                        winners.insert(e->mid);
                    }
                    current = value;
                    last = e;
                }
                if (last != nullptr && alive.contains(id) && row->second.at(field) != current) {
                    fail("(a) " + entity + " " + id + "." + field + " is " +
                         shortText(row->second.at(field)) +
                         " on the server, the last applied "
                         "edit wrote " +
                         shortText(current) + " (" + describe(*last) + ")");
                }
            }
            if (!alive.contains(id))
                continue;
            std::string state = "draft";
            std::int64_t version = 0;
            for (const Acknowledged* e : edits) {
                if (e->op == "transition")
                    state = stateAfter(e->transition);
                version = std::max(version, m_outcome[e->mid].version);
            }
            if (row->second.at("state") != state) {
                fail("(c) " + entity + " " + id + " is " + row->second.at("state").dump() +
                     ", its applied transitions end in " + state);
            }
            if (row->second.at("version") != version) {
                fail("(c) " + entity + " " + id + " is at version " +
                     row->second.at("version").dump() + ", its applied changes made " +
                     std::to_string(version) + " (a change applied twice?)");
            }
        }
        for (const Acknowledged& e : m_ledger) {
            if (e.op == "update" && applied(e) &&
                (m_outcome[e.mid].status == "merged") != winners.contains(e.mid)) {
                fail("(a) " + describe(e) + " was answered " + m_outcome[e.mid].status +
                     ", yet it " + (winners.contains(e.mid) ? "overwrote" : "did not overwrite") +
                     " a concurrent edit");
            }
        }
        checkConflicts(expected);
    }

    void checkConflicts(const std::vector<ExpectedConflict>& expected) {
        std::map<std::tuple<std::string, std::string, std::string>, const ExpectedConflict*> byKey;
        for (const ExpectedConflict& c : expected)
            byKey[{c.winner->recordId, c.field, c.winner->mid}] = &c;
        Statement s = m_server.prepare(
            "SELECT id, record_id, field, losing_value, author_id, device_id, winner_mid "
            "FROM conflict");
        std::size_t found = 0;
        while (s.step()) {
            ++m_out.conflicts;
            const auto it = byKey.find({s.text(1), s.text(2), s.text(6)});
            if (it == byKey.end()) {
                fail("(a) the server kept a conflict nobody caused: " + s.text(1) + "." +
                     s.text(2) + " lost " + s.text(3));
                continue;
            }
            ++found;
            const ExpectedConflict& c = *it->second;
            if (json::parse(s.text(3)) != c.losingValue || s.text(5) != c.loser->deviceId ||
                s.text(4) != c.loser->userId) {
                fail("(a) conflict " + s.text(0) + " keeps " + s.text(3) + " of device " +
                     s.text(5) + ", expected " + c.losingValue.dump() + " of " + c.loser->device);
            }
            // Nothing typed is dropped silently: every device of the author shows it.
            for (const DeviceView& d : m_in.devices) {
                if (d.userId == c.loser->userId && !m_conflictsOn[d.name].contains(s.text(0))) {
                    fail("(a) the value of " + c.field + " lost by " + describe(*c.loser) +
                         " is not in the inbox of " + d.name);
                }
            }
        }
        if (found != expected.size()) {
            for (const ExpectedConflict& c : expected) {
                fail("(a) expected a conflict: " + c.field + " of " + describe(*c.loser) +
                     " overwritten by " + describe(*c.winner) + " (found " + std::to_string(found) +
                     " of " + std::to_string(expected.size()) + ")");
            }
        }
    }

    // (c) One review per applied approve or return, binding the version it acted on.
    void checkReviews() {
        using Key = std::tuple<std::string, std::string, std::int64_t, std::string>;
        std::vector<Key> expected;
        for (const Acknowledged& e : m_ledger) {
            if (e.op == "transition" && applied(e) && e.transition != "submit") {
                expected.emplace_back(e.recordId, e.transition, m_outcome[e.mid].version - 1,
                                      e.userId);
            }
        }
        m_reviews = rowsOf(m_server, "review");
        std::vector<Key> actual;
        for (const auto& [id, row] : m_reviews) {
            actual.emplace_back(row.at("target_id").get<std::string>(),
                                row.at("kind").get<std::string>(),
                                row.at("target_version").get<std::int64_t>(),
                                row.at("actor_id").get<std::string>());
        }
        m_out.reviews = static_cast<int>(actual.size());
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
        if (expected != actual) {
            fail("(c) the server holds " + std::to_string(actual.size()) + " reviews, the " +
                 "applied approvals and returns made " + std::to_string(expected.size()));
        }
    }

    static void compareRows(const std::string& device, const std::string& table, const Rows& mine,
                            const Rows& server, std::vector<std::string>& out) {
        for (const auto& [id, row] : server) {
            const auto it = mine.find(id);
            if (it == mine.end()) {
                out.push_back("(b) " + device + " lacks " + table + " " + id);
                continue;
            }
            for (const auto& [column, value] : row) {
                const auto local = it->second.find(column);
                if (local == it->second.end() || local->second != value) {
                    out.push_back(
                        "(b) " + device + " " + table + " " + id + "." + column + " is " +
                        (local == it->second.end() ? "absent" : shortText(local->second)) +
                        ", the server has " + shortText(value));
                }
            }
        }
        for (const auto& [id, row] : mine) {
            if (!server.contains(id))
                out.push_back("(b) " + device + " holds " + table + " " + id +
                              " that it may not see or that the server does not have");
        }
    }

    // (b)+(d) After healing, every device holds exactly the server's version of every record it
    // may see, nothing it may not, and nothing waits in its outbox.
    void checkDevices() {
        const auto projectOf = [&](const std::string& id) -> std::string {
            for (const Rows* rows : {&m_reports, &m_visits}) {
                if (const auto it = rows->find(id); it != rows->end())
                    return it->second.at("project_id").get<std::string>();
            }
            return {};
        };
        for (const DeviceView& d : m_in.devices) {
            const Database db = Database::open(d.store);
            Statement pending = db.prepare("SELECT count(*) FROM outbox");
            pending.step();
            if (pending.int64(0) != 0)
                fail("(d) " + d.name + " still has " + std::to_string(pending.int64(0)) +
                     " edits in its outbox after healing");
            const auto visibleOnly = [&](const Rows& all, bool review) {
                Rows rows;
                for (const auto& [id, row] : all) {
                    const std::string project =
                        review ? projectOf(row.at("target_id").get<std::string>())
                               : row.at("project_id").get<std::string>();
                    if (d.visibleProjects.contains(project))
                        rows[id] = row;
                }
                return rows;
            };
            std::vector<std::string> problems;
            compareRows(d.name, "progress_report", rowsOf(db, "progress_report"),
                        visibleOnly(m_reports, false), problems);
            compareRows(d.name, "site_visit", rowsOf(db, "site_visit"),
                        visibleOnly(m_visits, false), problems);
            compareRows(d.name, "review", rowsOf(db, "review"), visibleOnly(m_reviews, true),
                        problems);
            for (auto& p : problems)
                fail(std::move(p));
        }
    }

    const CheckInput& m_in;
    const Ledger& m_ledger;
    Database m_server;
    CheckResult m_out;
    std::map<std::string, Outcome> m_outcome;                    // by mid
    std::map<std::string, std::set<std::string>> m_conflictsOn;  // device → conflict ids
    Rows m_reports;
    Rows m_visits;
    Rows m_reviews;
};

}  // namespace

CheckResult checkInvariants(const CheckInput& input) {
    return Checker(input).run();
}

}  // namespace duban::test::fault
