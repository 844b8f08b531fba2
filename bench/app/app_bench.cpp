// The app's two numbers (issue 5): cold start to the first frame, and project search latency,
// on a device holding 10,000 projects and 100,000 reports. Builds that device once (seeded,
// deterministic), then measures; prints a table and writes JSON. Not a test: run it by hand
// (bench/README.md) and copy the table into docs/performance.md.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/seed/importer.h"
#include "core/seed/seed_files.h"
#include "core/store/local_store.h"
#include "core/store/project_query.h"
#include "core/store/search_index.h"
#include "core/util/uuid.h"
#include "sync/device_profile.h"

namespace {

using namespace duban;
using Steady = std::chrono::steady_clock;
using nlohmann::json;

constexpr int kProjects = 10'000;
constexpr int kReports = 100'000;

double msSince(Steady::time_point start) {
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

struct Stats {
    double median = 0, p95 = 0, min = 0, max = 0;
};

Stats statsOf(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[std::min(samples.size() - 1,
                                static_cast<std::size_t>(q * static_cast<double>(samples.size())))];
    };
    return {at(0.5), at(0.95), samples.front(), samples.back()};
}

// The seed's units and 262 projects, then synthetic projects named like the notice's (a place, a
// trade, a kind of work) tied to real units, and reports spread over them — in one transaction.
void buildDevice(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    const SystemClock clock;
    const std::string deviceId = sync::newDeviceId(clock);
    auto store = LocalStore::open(folder / "store.db", clock, deviceId);
    if (!store)
        throw std::runtime_error(store.error().message);
    const Database& db = store.value()->database();
    UuidGenerator ids(clock);
    auto seed = seed::readSeed(DUBAN_SEED_DIR);
    if (!seed || !seed::importSeed(db, seed.value(), ids))
        throw std::runtime_error("the seed did not import");

    std::mt19937_64 random(20221127);
    const std::vector<std::string> places = {"吉首", "矮寨",   "乾州", "河溪", "马颈坳", "丹青",
                                             "太平", "社塘坡", "己略", "寨阳", "峒河",   "石家冲"};
    const std::vector<std::string> trades = {"酒业", "茶叶",   "冷链物流", "新材料",   "电子信息",
                                             "文旅", "中药材", "食品加工", "数据中心", "光伏"};
    const std::vector<std::string> works = {"产业园建设项目", "标准化厂房", "改扩建工程",
                                            "基础设施配套",   "仓储中心",   "示范基地"};
    std::vector<std::string> units;
    for (Statement s = db.prepare("SELECT id FROM unit"); s.step();)
        units.push_back(s.text(0));
    const auto pick = [&](const auto& list) { return list[random() % list.size()]; };

    Transaction tx(db);
    std::vector<std::string> projects;
    for (int i = 0; i < kProjects - 262; ++i) {
        const std::string id = ids.next();
        const std::string name =
            pick(places) + pick(trades) + pick(works) + "（" + std::to_string(i + 1) + "）";
        const std::int64_t total = static_cast<std::int64_t>(random() % 500'000 + 1'000) * 10'000;
        db.prepare(R"sql(INSERT INTO project (id, code, name, kind, category, start_year, end_year,
                         stage, scope, total_investment, plan_year, plan_investment)
                         VALUES (?, ?, ?, 'investment_project', ?, 2022, 2024, '续建', ?, ?, 2022, ?))sql")
            .bindAll(id, "bench#" + std::to_string(i), name, pick(trades),
                     "建设" + pick(works) + "及配套设施", total, total / 5)
            .run();
        db.prepare(
              "INSERT INTO project_unit (project_id, unit_id, role, ord) VALUES (?, ?, "
              "'responsible', 0)")
            .bindAll(id, pick(units))
            .run();
        projects.push_back(id);
    }
    for (int i = 0; i < kReports; ++i) {
        const int month = 1 + static_cast<int>(random() % 12);
        db.prepare(R"sql(INSERT INTO progress_report (id, project_id, period, investment,
                         percent_complete, narrative, state, author_id, updated_at, version)
                         VALUES (?, ?, ?, ?, ?, ?, ?, 'bench-author', '2022-12-01T00:00:00Z', 3))sql")
            .bindAll(ids.next(), pick(projects),
                     "2022-" + std::string(month < 10 ? "0" : "") + std::to_string(month),
                     static_cast<std::int64_t>(random() % 5'000) * 10'000,
                     static_cast<std::int64_t>(random() % 101), "按计划推进，主体施工中",
                     pick(std::vector<std::string>{"approved", "submitted", "returned"}))
            .run();
    }
    reindexAllProjects(db);
    tx.commit();

    sync::ClientProfile profile;
    profile.server = "https://127.0.0.1:9";  // offline: the benchmark measures the device alone
    profile.username = "bench-field";
    profile.deviceId = deviceId;
    profile.token = "offline";
    profile.user = {{"id", "bench-field"},
                    {"username", "bench-field"},
                    {"role", "field"},
                    {"unit", {{"id", units.front()}, {"name", "bench"}}}};
    if (!sync::ProfileDir(folder).save(profile))
        throw std::runtime_error("cannot write the profile");
}

// Spawns the app, which prints "first-frame" and quits at its first frame; wall time from the
// spawn to that line.
double coldStart(const std::string& app, const std::filesystem::path& folder) {
    int out[2];
    if (pipe(out) != 0)
        throw std::runtime_error("pipe");
    const auto start = Steady::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        const std::string data = folder.string();
        execl(app.c_str(), app.c_str(), "--data", data.c_str(), "--startup-probe", nullptr);
        _exit(127);
    }
    close(out[1]);
    std::string text;
    char buffer[256];
    double at = -1;
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<std::size_t>(n));
        if (at < 0 && text.find("first-frame") != std::string::npos)
            at = msSince(start);
    }
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (at < 0)
        throw std::runtime_error("the app printed no first frame: " + text);
    return at;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: app_bench DUBAN_APP WORK_DIR [RESULT.json]\n");
        return 2;
    }
    const std::string app = argv[1];
    const std::filesystem::path folder = std::filesystem::path(argv[2]) / "device-10k";
    if (!std::filesystem::exists(folder / "store.db")) {
        const auto start = Steady::now();
        buildDevice(folder);
        std::printf("built a device with %d projects and %d reports in %.1f s\n", kProjects,
                    kReports, msSince(start) / 1000);
    }

    json result = {{"projects", kProjects}, {"reports", kReports}};
    std::vector<double> starts;
    for (int run = 0; run < 7; ++run)
        starts.push_back(coldStart(app, folder));
    const Stats start = statsOf(starts);
    result["cold_start_first_frame_ms"] = {
        {"median", start.median}, {"min", start.min}, {"max", start.max}, {"runs", starts.size()}};
    std::printf("cold start to first frame: median %.0f ms (min %.0f, max %.0f, %zu runs)\n",
                start.median, start.min, start.max, starts.size());

    const SystemClock clock;
    auto store = LocalStore::open(folder / "store.db", clock, "bench");
    if (!store)
        throw std::runtime_error(store.error().message);
    const Database& db = store.value()->database();
    // What a list shows on each keystroke: the count and the first page, as ProjectListModel asks.
    for (const char* query :
         {"", "酒鬼酒", "冷链", "茶", "吉首 文旅", "市科工信局", "产业园建设", "不存在的名称"}) {
        std::vector<double> samples;
        int matches = 0;
        for (int run = 0; run < 50; ++run) {
            ProjectFilter filter;
            filter.text = query;
            const auto t = Steady::now();
            matches = countProjects(db, filter);
            const auto rows = listProjects(db, filter, ProjectSort::seedOrder, 50, 0);
            samples.push_back(msSince(t));
        }
        const Stats s = statsOf(samples);
        result["search_ms"][query[0] ? query : "(no search)"] = {
            {"median", s.median}, {"p95", s.p95}, {"max", s.max}, {"matches", matches}};
        std::printf("search %-14s %6d matches: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                    query[0] ? query : "(none)", matches, s.median, s.p95, s.max);
    }
    if (argc > 3)
        std::ofstream(argv[3]) << result.dump(2) << "\n";
    return 0;
}
