// Who may push what and pull what, over real HTTPS: every role against its own unit's project,
// another township's and another enterprise's; and many devices pushing at once while others pull,
// with the pull invariants checked against an independent reading of the tables.
#include <atomic>
#include <mutex>
#include <thread>

#include "tests/e2e/sync_fixture.h"

namespace duban::test {
namespace {

constexpr const char* kReport = "progress_report";

class SyncScopeTest : public SyncTest {
protected:
    ProtocolDevice& device(const std::string& username) {
        auto& slot = m_devices[username];
        if (!slot)
            slot = std::make_unique<ProtocolDevice>(server(), username);
        return *slot;
    }

    // Checks one mutation's result: applied, or rejected with `code` — and a rejected one carries
    // the current record exactly when there is one and the caller may read its project.
    void expectResult(const json& result, const std::string& expected, const std::string& user,
                      const std::string& project, bool exists, const std::string& what) {
        if (expected == "applied") {
            EXPECT_EQ(result["status"], "applied") << what << ": " << result;
            return;
        }
        EXPECT_EQ(result["status"], "rejected") << what << ": " << result;
        EXPECT_EQ(result["code"], expected) << what << ": " << result;
        EXPECT_EQ(!result["record"].is_null(), exists && expectedScope(user).contains(project))
            << what << ": the current record is shown exactly to those who may read it";
    }

private:
    std::map<std::string, std::unique_ptr<ProtocolDevice>> m_devices;
};

TEST_F(SyncScopeTest, EveryRoleWritesAndReadsWithinItsScopeOnly) {
    std::map<std::string, std::string> reports;    // name → id
    std::map<std::string, std::string> projectOf;  // id → project
    std::map<std::string, std::int64_t> version;   // id → server version

    const std::vector<std::tuple<const char*, std::string, const char*, const char*, const char*>>
        creates{
            {"kgx-field", s_kgxProject, "applied", "kgx", "field: own unit's project"},
            {"kgx-field", s_azProject, "forbidden", "", "field: a township's project"},
            {"kgx-field", s_tdProject, "forbidden", "", "field: an enterprise's project"},
            {"az-field", s_azProject, "applied", "az", "township: a project in the township"},
            {"az-field", s_hxProject, "forbidden", "", "township: another township's project"},
            {"az-field", s_tdProject, "forbidden", "", "township: an enterprise's project"},
            {"td-ent", s_tdProject, "applied", "td", "enterprise: own project"},
            {"td-ent", s_htProject, "forbidden", "", "enterprise: another enterprise's project"},
            {"td-ent", s_azProject, "forbidden", "", "enterprise: a township's project"},
            {"ht-ent", s_htProject, "applied", "ht", "other enterprise: own project"},
            {"sup-all", s_kgxProject, "forbidden", "", "supervisors review, they do not author"},
            {"sup-td", s_tdProject, "forbidden", "", "supervisors review, they do not author"},
            {"admin", s_kgxProject, "forbidden", "", "administrators do not author reports"},
        };
    for (const auto& [user, project, expected, name, why] : creates) {
        const std::string id = newId();
        const json result = device(user).pushOne(createRecord(kReport, id, reportFields(project)));
        expectResult(result, expected, user, project, false, std::string("create ") + why);
        if (std::string(expected) == "applied") {
            reports[name] = id;
            projectOf[id] = project;
            version[id] = result["version"];
        }
    }
    ASSERT_EQ(reports.size(), 4u);

    const auto act = [&](const char* user, const char* name, const std::string& op,
                         const char* expected, const char* why) {
        const std::string& id = reports.at(name);
        json m;
        if (op == "update")
            m = updateRecord(kReport, id, version[id], {{"narrative", std::string("改 ") + user}});
        else
            m = transitionRecord(kReport, id, version[id], op, "请核实");
        const json result = device(user).pushOne(m);
        expectResult(result, expected, user, projectOf[id], true, op + " " + name + ": " + why);
        if (result["status"] == "applied")
            version[id] = result["version"];
    };
    act("kgx-field", "kgx", "update", "applied", "the author edits a draft");
    act("kgx-field2", "kgx", "update", "forbidden", "a colleague is not the author");
    act("az-field", "kgx", "update", "forbidden", "another unit, out of scope");
    act("hx-field", "az", "update", "forbidden", "another township");
    act("ht-ent", "td", "update", "forbidden", "another enterprise");
    act("sup-all", "kgx", "update", "forbidden", "supervisors do not edit reports");
    act("admin", "kgx", "update", "forbidden", "administrators do not edit reports");
    act("td-ent", "td", "update", "applied", "the enterprise author edits");
    act("kgx-field", "td", "update", "forbidden", "field staff and an enterprise's report");
    act("td-ent", "az", "update", "forbidden", "an enterprise and a township's report");
    act("td-ent", "az", "submit", "forbidden", "an enterprise and a township's report");
    act("kgx-field", "td", "submit", "forbidden", "field staff and an enterprise's report");

    act("hx-field", "az", "submit", "forbidden", "another township's report");
    act("az-field", "az", "submit", "applied", "the township author submits");
    act("kgx-field", "kgx", "submit", "applied", "the author submits");
    act("td-ent", "td", "submit", "applied", "the enterprise author submits");
    act("ht-ent", "ht", "submit", "applied", "the other enterprise submits");

    act("ht-ent", "td", "confirm", "forbidden", "another enterprise confirms");
    act("az-field", "td", "confirm", "forbidden", "field staff do not confirm");
    act("td-ent", "td", "confirm", "forbidden", "nobody confirms their own report");
    act("td-ent2", "td", "confirm", "applied", "the responsible enterprise confirms");

    act("sup-td", "ht", "approve", "forbidden", "a supervisor and another enterprise's report");
    act("sup-td", "az", "approve", "forbidden", "a supervisor and a township outside its units");
    act("admin", "az", "approve", "forbidden", "administrators do not approve");
    act("kgx-field", "kgx", "approve", "forbidden", "field staff do not approve");
    act("td-ent2", "td", "approve", "forbidden", "enterprises do not approve");
    act("sup-td", "td", "approve", "applied", "the supervisor of the unit approves");
    act("sup-all", "az", "approve", "applied", "a city-wide supervisor approves");
    act("sup-td", "kgx", "return", "forbidden", "not among the units supervised");
    act("sup-all", "kgx", "return", "applied", "a city-wide supervisor returns");

    // Pulls: each user sees exactly the reports of projects in their scope.
    const std::vector<std::string> everyone{"kgx-field", "kgx-field2", "az-field", "hx-field",
                                            "td-ent",    "td-ent2",    "ht-ent",   "sup-all",
                                            "sup-td",    "admin"};
    for (const std::string& user : everyone) {
        const PullResult pulled = device(user).pull(0, 300);
        EXPECT_TRUE(pulled.problems.empty()) << user << ": " << pulled.problems.front();
        for (const std::string& failure : outOfScope(user, pulled.changes))
            ADD_FAILURE() << failure;
        const auto seen = latest(pulled.changes);
        const std::set<std::string> scope = expectedScope(user);
        for (const auto& [name, id] : reports) {
            EXPECT_EQ(seen.contains(std::string(kReport) + ":" + id), scope.contains(projectOf[id]))
                << user << " and the " << name << " report";
        }
        EXPECT_TRUE(seen.contains("user:" + userId(user))) << user << " pulls their own account";
    }
    // The same, spelled out for the cases design.md §2 names.
    EXPECT_TRUE(expectedScope("az-field").contains(s_azProject));
    EXPECT_FALSE(expectedScope("hx-field").contains(s_azProject));
    EXPECT_FALSE(expectedScope("ht-ent").contains(s_tdProject));
    EXPECT_FALSE(expectedScope("sup-td").contains(s_htProject));
    EXPECT_FALSE(expectedScope("td-ent").contains(s_azProject));
}

// 8 devices push 50 mutations each in batches while 4 others pull in a loop. Every page's seqs
// strictly increase; each puller ends with the latest version of every change it may see
// (nothing skipped), and never with a change it may not see.
TEST_F(SyncScopeTest, ACursorPassesOverChangesTheCallerMayNotSee) {
    // A field worker of 市科工信局 does not see 矮寨镇's project; 矮寨镇's worker reports on it.
    ASSERT_FALSE(expectedScope("kgx-field").contains(s_azProject));
    ProtocolDevice& kgx = device("kgx-field");
    const PullResult caughtUp = kgx.pull();
    ASSERT_TRUE(caughtUp.problems.empty());
    std::vector<json> reports;
    for (int i = 0; i < 20; ++i)
        reports.push_back(createRecord(kReport, newId(), reportFields(s_azProject)));
    for (const json& result : device("az-field").push(reports))
        ASSERT_EQ(result["status"], "applied") << result;

    // Nothing new for kgx, but its cursor moves to the newest change: the next sync does not
    // scan these 20 again (nor anything else it passed over).
    const PullResult nothingNew = kgx.pull(caughtUp.next);
    EXPECT_TRUE(nothingNew.changes.empty());
    const std::int64_t newest = count("SELECT max(seq) FROM change");
    EXPECT_EQ(nothingNew.next, newest);
    EXPECT_GT(nothingNew.next, caughtUp.next);

    // A change kgx may see, made after that, still arrives.
    const std::string id = newId();
    ASSERT_EQ(device("kgx-field2")
                  .pushOne(createRecord(kReport, id, reportFields(s_kgxProject)))["status"],
              "applied");
    const PullResult next = kgx.pull(nothingNew.next);
    ASSERT_EQ(next.changes.size(), 1u);
    EXPECT_EQ(next.changes[0]["id"], id);
}

TEST_F(SyncScopeTest, ConcurrentPushesAndPullsNeitherSkipNorLeak) {
    constexpr int kWriters = 8, kReportsPerWriter = 10, kEditsPerReport = 4, kBatch = 10;
    struct Acked {
        std::string id;
        std::int64_t version;
        std::string project;
    };
    std::mutex mutex;
    std::vector<Acked> acked;
    std::vector<std::string> failures;
    const auto fail = [&](std::string what) {
        const std::lock_guard lock(mutex);
        failures.push_back(std::move(what));
    };

    std::vector<std::unique_ptr<ProtocolDevice>> writers;
    for (int i = 0; i < kWriters; ++i) {
        const std::string user = (i % 2 == 0 ? "kgx-load" : "td-load") + std::to_string(i / 2);
        writers.push_back(std::make_unique<ProtocolDevice>(server(), user));
    }
    const std::vector<std::string> pullerUsers{"kgx-field2", "td-ent2", "sup-all", "hx-field"};
    std::vector<std::unique_ptr<ProtocolDevice>> pullers;
    for (const std::string& user : pullerUsers)
        pullers.push_back(std::make_unique<ProtocolDevice>(server(), user));

    std::atomic<int> writing{kWriters};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            const ProtocolDevice& device = *writers[w];
            const std::string project = w % 2 == 0 ? s_kgxProject : s_tdProject;
            std::vector<json> mutations;
            for (int r = 0; r < kReportsPerWriter; ++r) {
                const std::string id = newId();
                mutations.push_back(createRecord(kReport, id, reportFields(project)));
                for (int e = 1; e <= kEditsPerReport; ++e)
                    mutations.push_back(
                        updateRecord(kReport, id, 0, {{"percent_complete", 40 + e}}));
            }
            for (std::size_t start = 0; start < mutations.size(); start += kBatch) {
                std::vector<json> batch;
                for (std::size_t k = start; k < std::min(mutations.size(), start + kBatch); ++k) {
                    json m = mutations[k];
                    m["n"] = static_cast<std::int64_t>(k) + 1;
                    batch.push_back(m);
                }
                HttpResponse response;
                for (int attempt = 0; attempt < 20; ++attempt) {  // busy or cut: send it again
                    response = device.pushBody(device.body(batch));
                    if (response.status == 200)
                        break;
                }
                if (response.status != 200) {
                    fail("push answered " + std::to_string(response.status) + response.body);
                    break;
                }
                const json reply = response.json();
                for (const json& result : reply["results"]) {
                    if (result["status"] != "applied") {
                        fail("not applied: " + result.dump());
                        continue;
                    }
                    const json& mutation = mutations[result["n"].get<std::size_t>() - 1];
                    const std::lock_guard lock(mutex);
                    acked.push_back({mutation["id"], result["version"], project});
                }
            }
            --writing;
        });
    }

    std::vector<PullResult> seen(pullers.size());
    for (std::size_t p = 0; p < pullers.size(); ++p) {
        threads.emplace_back([&, p] {
            const ProtocolDevice& device = *pullers[p];
            PullResult& all = seen[p];
            all = device.pull(0, 500);  // the seed first, in big pages
            const std::string scope = all.scope;
            bool last = false;
            while (!last) {
                last = writing.load() == 0;  // one more round after the writers finished
                const PullResult page = device.pull(all.next, 20);
                all.problems.insert(all.problems.end(), page.problems.begin(), page.problems.end());
                if (!page.changes.empty() && page.changes.front()["seq"] <= all.next)
                    all.problems.push_back("a page went back behind the cursor");
                all.changes.insert(all.changes.end(), page.changes.begin(), page.changes.end());
                all.next = page.next;
                if (page.scope != scope)
                    all.problems.push_back("the scope fingerprint changed");
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    for (const std::string& failure : failures)
        ADD_FAILURE() << failure;
    ASSERT_EQ(acked.size(),
              static_cast<std::size_t>(kWriters * kReportsPerWriter * (kEditsPerReport + 1)));

    for (std::size_t p = 0; p < pullers.size(); ++p) {
        const std::string& user = pullerUsers[p];
        for (const std::string& problem : seen[p].problems)
            ADD_FAILURE() << user << ": " << problem;
        for (const std::string& failure : outOfScope(user, seen[p].changes))
            ADD_FAILURE() << failure;
        const auto latestSeen = latest(seen[p].changes);
        const std::set<std::string> scope = expectedScope(user);
        for (const Acked& a : acked) {
            const auto it = latestSeen.find(std::string(kReport) + ":" + a.id);
            if (!scope.contains(a.project)) {
                EXPECT_TRUE(it == latestSeen.end()) << user << " pulled " << a.id;
            } else if (it == latestSeen.end()) {
                ADD_FAILURE() << user << " never pulled " << a.id;
            } else {
                EXPECT_GE(it->second["record"]["version"].get<std::int64_t>(), a.version);
            }
        }
        // Nothing skipped: the cursor's view equals a fresh pull from zero, record by record.
        const PullResult fresh = pullers[p]->pull(0, 500);
        for (const auto& [key, change] : latest(fresh.changes)) {
            const auto it = latestSeen.find(key);
            ASSERT_TRUE(it != latestSeen.end()) << user << " skipped " << key;
            EXPECT_EQ(it->second["record"], change["record"]) << user << " " << key;
        }
    }
}

}  // namespace
}  // namespace duban::test
