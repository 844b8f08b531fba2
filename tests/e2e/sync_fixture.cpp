#include "tests/e2e/sync_fixture.h"

#include <mutex>

#include "core/util/uuid.h"
#include "server/db/change_log.h"

namespace duban::test {

std::unique_ptr<TestServer> SyncTest::s_server;
std::string SyncTest::s_kgxProject;
std::string SyncTest::s_tdProject;
std::string SyncTest::s_htProject;
std::string SyncTest::s_azProject;
std::string SyncTest::s_hxProject;
std::string SyncTest::s_approvalProject;

std::string newId() {
    static std::mutex mutex;
    static SystemClock clock;
    static UuidGenerator ids(clock);
    const std::lock_guard lock(mutex);
    return ids.next();
}

namespace {

json mutation(const std::string& entity, const std::string& id, const std::string& op,
              std::int64_t base) {
    return json{{"mid", newId()}, {"entity", entity},     {"id", id},
                {"op", op},       {"base_version", base}, {"hlc", "0001-0000-test"}};
}

}  // namespace

json createRecord(const std::string& entity, const std::string& id, const json& fields) {
    json m = mutation(entity, id, "create", 0);
    m["fields"] = fields;
    return m;
}

json updateRecord(const std::string& entity, const std::string& id, std::int64_t base,
                  const json& fields) {
    json m = mutation(entity, id, "update", base);
    m["fields"] = fields;
    return m;
}

json transitionRecord(const std::string& entity, const std::string& id, std::int64_t base,
                      const std::string& transition, const std::string& comment) {
    json m = mutation(entity, id, "transition", base);
    m["transition"] = transition;
    m["comment"] = comment;
    return m;
}

json deleteRecord(const std::string& entity, const std::string& id, std::int64_t base) {
    return mutation(entity, id, "delete", base);
}

json reportFields(const std::string& projectId, const json& overrides) {
    json fields{
        {"project_id", projectId}, {"period", "2022-06"},           {"investment", 1'000'000},
        {"percent_complete", 40},  {"narrative", "主体结构施工中"}, {"problems", ""},
        {"coordination", ""}};
    for (const auto& [key, value] : overrides.items())
        fields[key] = value;
    return fields;
}

ProtocolDevice::ProtocolDevice(TestServer& server, const std::string& username)
    : m_username(username), m_http(server.signIn(username, &m_deviceId)) {}

json ProtocolDevice::body(const std::vector<json>& numbered) const {
    return json{{"device", m_deviceId}, {"mutations", numbered}};
}

HttpResponse ProtocolDevice::pushRaw(std::vector<json> mutations) {
    for (json& m : mutations)
        m["n"] = ++m_n;
    return pushBody(body(mutations));
}

json ProtocolDevice::push(std::vector<json> mutations) {
    const std::size_t sent = mutations.size();
    const HttpResponse response = pushRaw(std::move(mutations));
    EXPECT_EQ(response.status, 200) << response.body;
    const json reply = response.json();
    if (!reply.is_object() || !reply.contains("results") || reply["results"].size() != sent) {
        ADD_FAILURE() << "push answered " << response.body;
        return json::array({json::object()});
    }
    return reply["results"];
}

PullResult ProtocolDevice::pull(std::int64_t after, int limit) const {
    PullResult result;
    result.next = after;
    for (int page = 0; page < 10'000; ++page) {
        const HttpResponse response =
            m_http.get("/v1/sync/pull?after=" + std::to_string(result.next) +
                       "&limit=" + std::to_string(limit));
        if (response.status != 200) {
            result.problems.push_back("pull answered " + std::to_string(response.status) + " " +
                                      response.body);
            return result;
        }
        const json body = response.json();
        if (body["changes"].size() > static_cast<std::size_t>(limit))
            result.problems.push_back("a page is larger than its limit");
        std::int64_t last = result.next;
        for (const json& change : body["changes"]) {
            const std::int64_t seq = change["seq"];
            if (seq <= last) {
                result.problems.push_back("seq " + std::to_string(seq) + " after " +
                                          std::to_string(last));
            }
            last = seq;
            result.changes.push_back(change);
        }
        // A page with more after it ends the cursor at its last change; the last page may move
        // it further, past changes the caller may not see — never back.
        const std::int64_t next = body["next"];
        if (body["more"].get<bool>() ? next != last : next < last)
            result.problems.push_back("next " + std::to_string(next) + " after the last seq " +
                                      std::to_string(last));
        result.next = body["next"];
        result.scope = body["scope"];
        if (!body["more"].get<bool>())
            return result;
        if (body["changes"].empty()) {
            result.problems.push_back("an empty page says more follow");
            return result;
        }
    }
    result.problems.push_back("pull never ended");
    return result;
}

std::string projectOfRecord(TestServer& server, const std::string& entity, const json& record) {
    if (entity == "project")
        return record["id"];
    if (record.contains("project_id"))
        return record["project_id"];
    std::string project;
    const auto lookUp = [&](const std::string& id) {
        server.withDatabase([&](const Database& db) {
            Statement s = db.prepare(R"sql(
                SELECT project_id FROM progress_report WHERE id = ?1
                UNION ALL SELECT project_id FROM site_visit WHERE id = ?1
                UNION ALL SELECT project_id FROM warning WHERE id = ?1)sql");
            s.bindAll(id);
            if (s.step())
                project = s.text(0);
        });
    };
    if (entity == "photo")
        lookUp(record["owner_id"]);
    else if (entity == "review")
        lookUp(record["target_id"]);
    return project;
}

void SyncTest::SetUpTestSuite() {
    s_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
        config.maxPushMutations = 50;  // small, so "too many" is cheap to send
    });
    const auto projectByCode = [](const char* code) {
        std::string id;
        s_server->withDatabase([&](const Database& db) {
            Statement s = db.prepare("SELECT id FROM project WHERE code = ?");
            s.bindAll(code);
            if (s.step())
                id = s.text(0);
        });
        if (id.empty())
            throw std::runtime_error(std::string("seed project missing: ") + code);
        return id;
    };
    s_kgxProject = projectByCode("key_projects_2022#1");  // 市科工信局 responsible
    s_tdProject = projectByCode("key_projects_2022#2");  // 市腾达公司 (and 经开区) responsible
    s_htProject = projectByCode("key_projects_2022#29");  // 吉首华泰公司 alone
    s_azProject = projectByCode("key_projects_2022#17");  // 矮寨镇艺术村项目 (市文旅广电局)
    s_hxProject = projectByCode("key_projects_2022#38");       // 白云贡米 (市农业农村局)
    s_approvalProject = projectByCode("key_projects_2022#7");  // 湘酒振兴项目, 市科工信局

    // No seed project is tied to a township: locate two, as an administrator would, before
    // anyone pulls (and bump the scope epoch as any such change must).
    s_server->withDatabase([](const Database& db) {
        Transaction tx(db);
        const auto locate = [&](const std::string& project, const char* township) {
            db.prepare(R"sql(INSERT INTO project_unit (project_id, unit_id, role, ord)
                             SELECT ?, id, 'located', 0 FROM unit WHERE name = ?)sql")
                .bindAll(project, township)
                .run();
        };
        locate(s_azProject, "矮寨镇");
        locate(s_hxProject, "河溪镇");
        server::bumpScopeEpoch(db);
        tx.commit();
    });

    TestServer& s = *s_server;
    s.createUser("kgx-field", Role::field, "市科工信局");
    s.createUser("kgx-field2", Role::field, "市科工信局");
    s.createUser("az-field", Role::field, "矮寨镇");
    s.createUser("hx-field", Role::field, "河溪镇");
    s.createUser("td-ent", Role::enterprise, "市腾达公司");
    s.createUser("td-ent2", Role::enterprise, "市腾达公司");
    s.createUser("ht-ent", Role::enterprise, "吉首华泰公司");
    s.createUser("sup-all", Role::supervisor, "市发改局");
    s.createUser("sup-all2", Role::supervisor, "市发改局");
    s.createUser("sup-td", Role::supervisor, "市发改局", {"市腾达公司"});
    for (int i = 0; i < 4; ++i) {
        s.createUser("kgx-load" + std::to_string(i), Role::field, "市科工信局");
        s.createUser("td-load" + std::to_string(i), Role::enterprise, "市腾达公司");
    }
}

void SyncTest::TearDownTestSuite() {
    s_server.reset();
}

std::string SyncTest::userId(const std::string& username) {
    std::string id;
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT id FROM user WHERE username = ?");
        s.bindAll(username);
        if (s.step())
            id = s.text(0);
    });
    return id;
}

std::set<std::string> SyncTest::expectedScope(const std::string& username) {
    std::set<std::string> projects;
    s_server->withDatabase([&](const Database& db) {
        Statement who = db.prepare(R"sql(
            SELECT u.role, u.unit_id, a.supervised_units FROM user u JOIN account a ON a.user_id = u.id
             WHERE u.username = ?)sql");
        who.bindAll(username);
        if (!who.step())
            throw std::runtime_error("no user " + username);
        const std::string role = who.text(0);
        const std::string unit = who.text(1);
        const std::string supervised = who.text(2);
        // design.md §2: admins and unrestricted supervisors read everything; a restricted
        // supervisor the projects of the units supervised; field staff their unit's projects in
        // any role (responsible, lead, or the township they lie in); enterprises the projects
        // they lead or are responsible for.
        Statement s = db.prepare(R"sql(
            SELECT id FROM project WHERE ?1 = 'admin' OR (?1 = 'supervisor' AND ?3 = '[]')
            UNION SELECT project_id FROM project_unit
             WHERE (?1 = 'supervisor' AND unit_id IN (SELECT value FROM json_each(?3)))
                OR (?1 = 'field' AND unit_id = ?2)
                OR (?1 = 'enterprise' AND unit_id = ?2 AND role IN ('lead', 'responsible')))sql");
        s.bindAll(role, unit, supervised);
        while (s.step())
            projects.insert(s.text(0));
    });
    return projects;
}

std::vector<std::string> SyncTest::outOfScope(const std::string& username,
                                              const std::vector<json>& changes) {
    const std::set<std::string> scope = expectedScope(username);
    const std::string me = userId(username);
    std::vector<std::string> failures;
    for (const json& change : changes) {
        const std::string entity = change["entity"];
        const std::string id = change["id"];
        const json& record = change["record"];
        std::string project;
        std::string owner;
        if (record.is_null()) {
            // A tombstone: the change log says whose it was.
            s_server->withDatabase([&](const Database& db) {
                Statement s = db.prepare(
                    "SELECT project_id, owner_id FROM change WHERE entity = ? AND record_id = ?");
                s.bindAll(entity, id);
                if (s.step()) {
                    project = s.optionalText(0).value_or("");
                    owner = s.optionalText(1).value_or("");
                }
            });
        } else if (entity == "user") {
            owner = record["id"];
        } else if (entity == "conflict") {
            owner = record["author_id"];
        } else if (entity != "unit") {
            project = projectOfRecord(*s_server, entity, record);
        }
        const bool ok = entity == "unit" || (!owner.empty() && owner == me) ||
                        (owner.empty() && !project.empty() && scope.contains(project));
        if (!ok) {
            failures.push_back(username + " pulled " + entity + ":" + id + " of project '" +
                               project + "' owner '" + owner + "'");
        }
    }
    return failures;
}

std::int64_t SyncTest::count(const std::string& sql, const std::vector<std::string>& args) {
    std::int64_t n = 0;
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare(sql);
        for (std::size_t i = 0; i < args.size(); ++i)
            s.bind(static_cast<int>(i + 1), args[i]);
        s.step();
        n = s.int64(0);
    });
    return n;
}

std::map<std::string, json> SyncTest::latest(const std::vector<json>& changes) {
    std::map<std::string, json> byRecord;
    for (const json& change : changes)
        byRecord[change["entity"].get<std::string>() + ":" + change["id"].get<std::string>()] =
            change;
    return byRecord;
}

}  // namespace duban::test
