#pragma once
// The world the sync tests play in: one real server over HTTPS with the seed, users of every role
// in real units of the seed, and devices that number their mutations as a phone's outbox does.
// Expectations about scope are computed here from the tables and design.md §2 — not with core's
// readScope — so a test checks the server's filter against an independent answer.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tests/support/test_server.h"

namespace duban::test {

using nlohmann::json;

// A fresh UUIDv7 (thread-safe: the concurrent test makes ids on many threads).
std::string newId();

// One mutation as a device's outbox sends it (without `n`: the device numbers it).
json createRecord(const std::string& entity, const std::string& id, const json& fields);
json updateRecord(const std::string& entity, const std::string& id, std::int64_t base,
                  const json& fields);
json transitionRecord(const std::string& entity, const std::string& id, std::int64_t base,
                      const std::string& transition, const std::string& comment = {});
json deleteRecord(const std::string& entity, const std::string& id, std::int64_t base);
// A report draft's fields for `projectId`, complete enough to submit.
json reportFields(const std::string& projectId, const json& overrides = json::object());

struct PullResult {
    std::vector<json> changes;
    std::int64_t next = 0;
    std::string scope;
    std::vector<std::string> problems;  // broken pull invariants (non-increasing seqs, bad pages)
};

// A signed-in device of one user.
class ProtocolDevice {
public:
    ProtocolDevice(TestServer& server, const std::string& username);

    [[nodiscard]] const std::string& id() const { return m_deviceId; }
    [[nodiscard]] const std::string& username() const { return m_username; }
    [[nodiscard]] const HttpsClient& http() const { return m_http; }
    [[nodiscard]] std::int64_t lastN() const { return m_n; }

    // Numbers `mutations` after the last one and pushes them; the HTTP response.
    HttpResponse pushRaw(std::vector<json> mutations);
    // As pushRaw, expecting 200; the results (one per mutation).
    json push(std::vector<json> mutations);
    // Pushes one mutation; its result.
    json pushOne(json mutation) { return push({std::move(mutation)})[0]; }
    // A push body with the numbers already set, sent as is (replays, gaps).
    HttpResponse pushBody(const json& body) const { return m_http.post("/v1/sync/push", body); }
    [[nodiscard]] json body(const std::vector<json>& numbered) const;

    // Pulls every page after `after` (pages of `limit`), checking seqs strictly increase.
    PullResult pull(std::int64_t after = 0, int limit = 500) const;

private:
    std::string m_username;
    std::string m_deviceId;
    HttpsClient m_http;
    std::int64_t m_n = 0;
};

// The project of a pulled record (looked up in the database for photos and reviews); empty for
// units, users and conflicts.
std::string projectOfRecord(TestServer& server, const std::string& entity, const json& record);

class SyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();

    static TestServer& server() { return *s_server; }
    // Ids of the seed projects the tests use (see the .cpp for which and why).
    static std::string s_kgxProject;       // 市科工信局 responsible (key project 1, 酒鬼酒)
    static std::string s_tdProject;        // 市腾达公司 responsible
    static std::string s_htProject;        // 吉首华泰公司 responsible
    static std::string s_azProject;        // located in 矮寨镇
    static std::string s_hxProject;        // located in 河溪镇
    static std::string s_approvalProject;  // 市科工信局; only the approval test reports on it

    static std::string userId(const std::string& username);
    // The projects `username` may read, from project_unit and the role table of design.md §2.
    static std::set<std::string> expectedScope(const std::string& username);
    // Failures for every pulled change outside `username`'s scope (records and tombstones).
    static std::vector<std::string> outOfScope(const std::string& username,
                                               const std::vector<json>& changes);
    static std::int64_t count(const std::string& sql, const std::vector<std::string>& args = {});
    // The latest change of each record, by "entity:id".
    static std::map<std::string, json> latest(const std::vector<json>& changes);

private:
    static std::unique_ptr<TestServer> s_server;
};

}  // namespace duban::test
