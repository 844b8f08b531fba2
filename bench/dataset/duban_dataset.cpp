// duban-dataset: the benchmarks' data (issue 6, bench/README.md).
//   duban-dataset counts --scale S
//   duban-dataset server --data DIR --scale S [--seed N] [--author USERNAME] [--export FILE]
//   duban-dataset offline --profile DIR --count N [--seed N]
//   duban-dataset photos --out DIR --count N [--seed N]
// `server` fills a stopped server's database (made by a first `duban-server serve`); `offline`
// saves N draft reports on a signed-in device, through its store's rules, queued for the next
// sync; `photos` writes N JPEG files of realistic sizes (2048 × 1536 noise, 2–3 MB).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/dataset/dataset.h"
#include "bench/dataset/server_writer.h"
#include "core/store/local_store.h"
#include "sync/device_profile.h"
#include "tests/support/test_photos.h"

namespace {

using namespace duban;
using nlohmann::json;

int usage() {
    std::fprintf(stderr,
                 "usage: duban-dataset counts --scale S\n"
                 "       duban-dataset server --data DIR --scale S [--seed N] [--author USER] "
                 "[--export FILE]\n"
                 "       duban-dataset offline --profile DIR --count N [--seed N]\n"
                 "       duban-dataset photos --out DIR --count N [--seed N]\n");
    return 2;
}

json countsJson(const bench::DatasetCounts& c) {
    return {{"projects", c.projects}, {"milestones", c.milestones}, {"reports", c.reports},
            {"visits", c.visits},     {"reviews", c.reviews},       {"photos", c.photos},
            {"total", c.total()}};
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int server(const std::map<std::string, std::string>& args) {
    const auto start = std::chrono::steady_clock::now();
    const std::filesystem::path data = args.at("--data");
    bench::ServerWriteOptions options;
    options.scale = std::stod(args.at("--scale"));
    if (args.contains("--seed"))
        options.seed = std::stoull(args.at("--seed"));
    if (args.contains("--author"))
        options.authorUsername = args.at("--author");
    options.seedDir = DUBAN_SEED_DIR;
    if (!std::filesystem::exists(data / "duban.db")) {
        std::fprintf(stderr, "%s/duban.db does not exist: start duban-server once on it first\n",
                     data.c_str());
        return 1;
    }
    const Database db = Database::open(data / "duban.db");
    json out = countsJson(bench::writeServerDataset(db, options));
    out["write_s"] = secondsSince(start);
    if (args.contains("--export")) {
        const auto exportStart = std::chrono::steady_clock::now();
        std::ofstream file(args.at("--export"), std::ios::trunc);
        out["exported"] = bench::exportDocuments(db, file);
        out["export_s"] = secondsSince(exportStart);
        if (!file)
            throw std::runtime_error("cannot write " + args.at("--export"));
    }
    std::cout << out.dump() << '\n';
    return 0;
}

int offline(const std::map<std::string, std::string>& args) {
    const sync::ProfileDir dir(args.at("--profile"));
    auto profile = dir.load();
    if (!profile)
        throw std::runtime_error(profile.error().message);
    const SystemClock clock;
    auto store = LocalStore::open(dir.storeFile(), clock, profile->deviceId);
    if (!store)
        throw std::runtime_error(store.error().message);
    const Actor actor = sync::actorFromUser(profile->user);
    std::vector<std::string> projects;
    Statement s = store.value()->database().prepare(
        "SELECT DISTINCT project_id FROM project_unit WHERE unit_id = ? ORDER BY project_id");
    s.bindAll(actor.unitId);
    while (s.step())
        projects.push_back(s.text(0));
    if (projects.empty())
        throw std::runtime_error("the device has no project of its user's unit: sync it first");
    std::mt19937_64 random(args.contains("--seed") ? std::stoull(args.at("--seed")) : 1);
    const int count = std::stoi(args.at("--count"));
    for (int i = 0; i < count; ++i) {
        ProgressReport report;
        report.projectId = projects[random() % projects.size()];
        report.period = "2023-0" + std::to_string(1 + random() % 9);
        report.investment = static_cast<Yuan>(random() % 5'000) * 10'000;
        report.percentComplete = static_cast<int>(random() % 101);
        report.narrative =
            "主体结构施工完成，正在进行二次结构砌筑和机电安装，现场施工人员一百二十人，"
            "厂房钢结构吊装已完成七成，屋面板铺设同步推进，设备基础浇筑完毕，本月完成投资按计划推进"
            "。";
        report.problems = "用地报批手续滞后，影响二期开工；";
        report.coordination = "请市自然资源和规划局加快用地报批；";
        if (auto saved = store.value()->saveReport(actor, report); !saved)
            throw std::runtime_error(saved.error().message);
    }
    std::cout << json{{"saved", count}, {"pending", store.value()->pendingCount()}}.dump() << '\n';
    return 0;
}

int photos(const std::map<std::string, std::string>& args) {
    const std::filesystem::path out = args.at("--out");
    std::filesystem::create_directories(out);
    const unsigned seed =
        args.contains("--seed") ? static_cast<unsigned>(std::stoul(args.at("--seed"))) : 1;
    const int count = std::stoi(args.at("--count"));
    json files = json::array();
    for (int i = 0; i < count; ++i) {
        const auto file = out / ("photo-" + std::to_string(i + 1) + ".jpg");
        test::writeNoiseJpeg(file, 2048, 1536, seed + static_cast<unsigned>(i));
        files.push_back({{"file", file.string()}, {"bytes", std::filesystem::file_size(file)}});
    }
    std::cout << json{{"photos", files}}.dump() << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2)
        return usage();
    const std::string command = argv[1];
    std::map<std::string, std::string> args;
    for (int i = 2; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    try {
        if (command == "counts" && args.contains("--scale")) {
            std::cout << countsJson(bench::countsFor(std::stod(args.at("--scale")))).dump() << '\n';
            return 0;
        }
        if (command == "server" && args.contains("--data") && args.contains("--scale"))
            return server(args);
        if (command == "offline" && args.contains("--profile") && args.contains("--count"))
            return offline(args);
        if (command == "photos" && args.contains("--out") && args.contains("--count"))
            return photos(args);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "duban-dataset %s: %s\n", command.c_str(), e.what());
        return 1;
    }
    return usage();
}
