#include "bench/dataset/dataset.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>
#include <stdexcept>

#include "core/domain/dates.h"

namespace duban::bench {
namespace {

// Per project, the proportions of scale 1 (200 projects).
constexpr int kMilestonesPerProject = 20;
constexpr int kReportsPerProject = 100;
constexpr int kVisitsPerProject = 50;
constexpr int kReviewsPerReport = 2;
constexpr std::int64_t kYear2022Ms = 1640995200000;  // 2022-01-01T00:00:00Z

const std::array<const char*, 12> kPlaces = {"吉首", "矮寨",   "乾州", "河溪", "马颈坳", "丹青",
                                             "太平", "社塘坡", "己略", "寨阳", "峒河",   "石家冲"};
const std::array<const char*, 10> kTrades = {"酒业", "茶叶",   "冷链物流", "新材料",   "电子信息",
                                             "文旅", "中药材", "食品加工", "数据中心", "光伏"};
const std::array<const char*, 6> kWorks = {"产业园建设项目", "标准化厂房", "改扩建工程",
                                           "基础设施配套",   "仓储中心",   "示范基地"};
const std::array<const char*, 8> kProgress = {
    "主体结构施工完成，正在进行二次结构砌筑和机电安装，现场施工人员一百二十人，",
    "厂房钢结构吊装已完成七成，屋面板铺设同步推进，设备基础浇筑完毕，",
    "土石方开挖和边坡支护完成，桩基检测合格，进入承台施工阶段，",
    "配套道路路基成型，雨污管网铺设过半，供电线路完成迁改，",
    "装修工程全面展开，消防和暖通系统进入调试，计划下月组织预验收，",
    "设备采购合同已签订，首批生产线设备到场安装，试生产方案已报审，",
    "征地拆迁基本完成，剩余两户正在协商，临时设施和施工便道已建成，",
    "环评和能评批复取得，施工图审查通过，施工单位已进场开展前期工作，"};
const std::array<const char*, 6> kProblems = {
    "用地报批手续滞后，影响二期开工；",     "建设资金到位不足，拨付进度偏慢；",
    "雨季施工影响土方作业，工期有所滞后；", "供电增容方案尚未批复；",
    "部分设备进口周期长，安装可能推迟；",   "施工用水用电协调难度较大；"};
const std::array<const char*, 4> kCoordination = {
    "请市自然资源和规划局加快用地报批；", "请市财政局协调专项债资金及时拨付；",
    "请国网吉首供电公司支持供电增容；", "请市住建局加快施工图审查；"};
const std::array<const char*, 6> kVisitNotes = {
    "现场查看主体施工进度，施工组织有序，安全文明施工措施到位，",
    "查看设备安装情况，与项目负责人核对本月形象进度和投资完成数，",
    "核实上月问题整改情况，基坑围挡已完善，扬尘治理措施落实，",
    "了解用工和原材料供应情况，督促加快进度确保节点目标完成，",
    "检查项目台账和影像资料，现场照片与月报内容相符，",
    "与企业座谈了解融资和用地困难，已记录需协调事项，"};
const std::array<const char*, 5> kPeople = {"项目经理 张工", "施工员 李师傅", "业主代表 王总",
                                            "监理 刘工", "技术负责人 陈工"};
const std::array<const char*, 4> kCaptions = {"东侧基坑", "主体结构", "设备安装", "施工现场全景"};

class Ids {
public:
    explicit Ids(std::mt19937_64& random) : m_random(random) {}
    // UUIDv7-shaped and time-ordered like the product's ids, but drawn from the seeded stream.
    std::string next() {
        const std::uint64_t ms = static_cast<std::uint64_t>(kYear2022Ms) + m_count++;
        const std::uint64_t a = m_random();
        const std::uint64_t b = m_random();
        char text[64];
        std::snprintf(text, sizeof text, "%08llx-%04llx-7%03llx-%04llx-%012llx",
                      static_cast<unsigned long long>((ms >> 16) & 0xFFFFFFFF),
                      static_cast<unsigned long long>(ms & 0xFFFF),
                      static_cast<unsigned long long>(a & 0xFFF),
                      static_cast<unsigned long long>(0x8000 | ((a >> 12) & 0x3FFF)),
                      static_cast<unsigned long long>(b & 0xFFFFFFFFFFFF));
        return text;
    }

private:
    std::mt19937_64& m_random;
    std::uint64_t m_count = 0;
};

std::string hex(std::mt19937_64& random, int bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < bytes; i += 8) {
        std::uint64_t v = random();
        for (int j = 0; j < 16 && static_cast<int>(out.size()) < bytes * 2; ++j, v >>= 4)
            out.push_back(kDigits[v & 0xF]);
    }
    return out;
}

template <std::size_t N>
const char* pick(std::mt19937_64& random, const std::array<const char*, N>& list) {
    return list[random() % N];
}

std::string twoDigits(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

seed::List projectList(const DatasetSpec& spec, std::int64_t projects, std::mt19937_64& random) {
    seed::List list;
    list.code = kBenchListCode;
    list.name = "基准测试项目";
    list.kind = ProjectKind::investment_project;
    list.moneyUnit = "万元";
    list.year = 2022;
    seed::Group group;
    group.label = "基准测试";
    group.category = "新型工业";
    for (int no = 1; no <= projects; ++no) {
        seed::Item item;
        item.no = no;
        item.name = std::string(pick(random, kPlaces)) + pick(random, kTrades) +
                    pick(random, kWorks) + "（" + std::to_string(no) + "）";
        item.category = "新型工业";
        item.startYear = 2021;
        item.endYear = 2024;
        item.stage = "续建";
        item.scope = std::string("新建") + pick(random, kWorks) + "及配套设施，总建筑面积" +
                     std::to_string(10'000 + random() % 90'000) + "平方米";
        item.totalInvestment = static_cast<double>(1'000 + random() % 200'000);
        item.completedBefore = *item.totalInvestment / 4;
        item.planInvestment = *item.totalInvestment / 3;
        item.planContent = "完成主体工程和设备安装";
        for (int m = 1; m <= kMilestonesPerProject; ++m) {
            const int month = 1 + (m - 1) % 12;
            item.milestones.push_back({std::string("节点目标") + std::to_string(m) + "：" +
                                           pick(random, kWorks) + "完成" + std::to_string(5 * m) +
                                           "%",
                                       "2022-" + twoDigits(month) + "-" + (m <= 12 ? "15" : "28"),
                                       static_cast<double>(5 * m)});
        }
        const std::string& unit = spec.units[static_cast<std::size_t>(no - 1) % spec.units.size()];
        item.leadUnits = {unit};
        item.responsibleUnits = {unit};
        group.items.push_back(std::move(item));
    }
    list.groups.push_back(std::move(group));
    return list;
}

}  // namespace

DatasetCounts countsFor(double scale) {
    DatasetCounts c;
    c.projects = std::max<std::int64_t>(1, std::llround(200 * scale));
    c.milestones = c.projects * kMilestonesPerProject;
    c.reports = c.projects * kReportsPerProject;
    c.visits = c.projects * kVisitsPerProject;
    c.reviews = c.reports * kReviewsPerReport;
    c.photos = c.reports + c.visits;  // one per report, one per visit
    return c;
}

std::int64_t photoSizeFor(std::uint64_t draw) {
    // Two uniform draws from one 64-bit number, Box–Muller: log-normal around 2.5 MB, σ = 0.35.
    const double u1 = (static_cast<double>(draw >> 32) + 1) / 4294967297.0;
    const double u2 = static_cast<double>(draw & 0xFFFFFFFF) / 4294967296.0;
    const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    const double bytes = 2.5e6 * std::exp(0.35 * normal);
    return static_cast<std::int64_t>(std::clamp(bytes, 1.0e6, 8.0e6));
}

DatasetCounts generateDataset(const DatasetSpec& spec, DatasetSink& sink) {
    if (spec.units.empty())
        throw std::invalid_argument("the dataset needs at least one unit name");
    std::mt19937_64 random(spec.seed);
    Ids ids(random);
    const DatasetCounts counts = countsFor(spec.scale);
    DatasetCounts made;
    sink.projects(projectList(spec, counts.projects, random));
    made.projects = counts.projects;
    made.milestones = counts.milestones;

    const auto makePhoto = [&](Entity ownerKind, const std::string& ownerId, int projectNo,
                               std::int64_t atMs) {
        GeneratedPhoto p;
        p.projectNo = projectNo;
        p.photo.id = ids.next();
        p.photo.ownerKind = ownerKind;
        p.photo.ownerId = ownerId;
        p.photo.sha256 = hex(random, 32);
        p.photo.size = photoSizeFor(random());
        p.photo.thumbnailSha256 = hex(random, 32);
        p.photo.width = 2048;
        p.photo.height = 1536;
        p.photo.takenAt = formatInstantUtc(atMs);
        p.photo.position = Position{28.3 + static_cast<double>(random() % 10'000) / 1e5,
                                    109.7 + static_cast<double>(random() % 10'000) / 1e5, 8.0,
                                    PositionSource::gps};
        p.photo.caption = pick(random, kCaptions);
        sink.photo(p);
        ++made.photos;
    };

    for (int no = 1; no <= counts.projects; ++no) {
        for (int i = 0; i < kReportsPerProject; ++i) {
            GeneratedReport r;
            r.projectNo = no;
            r.milestoneOrd = 1 + i % kMilestonesPerProject;
            ProgressReport& report = r.report;
            report.id = ids.next();
            // Several reports a month, as each responsible unit and township files its own.
            report.period = std::to_string(2018 + i / 24) + "-" + twoDigits(1 + i / 2 % 12);
            report.investment = static_cast<Yuan>(random() % 5'000) * 10'000;
            report.percentComplete = static_cast<int>(i * 100 / kReportsPerProject);
            report.narrative = std::string(pick(random, kProgress)) + pick(random, kProgress) +
                               "本月完成投资按计划推进。";
            report.problems = pick(random, kProblems);
            report.coordination = pick(random, kCoordination);
            const bool approved = random() % 5 != 0;
            report.state = approved ? RecordState::approved : RecordState::returned;
            report.authorId = "bench-author";
            report.deviceId = "bench-device";
            r.version = 3;
            const std::int64_t atMs =
                kYear2022Ms + static_cast<std::int64_t>(random() % (365LL * 86'400'000));
            r.updatedAt = formatInstantUtc(atMs);
            sink.report(r);
            ++made.reports;
            const std::array<ReviewKind, 2> kinds =
                approved ? std::array{ReviewKind::confirm, ReviewKind::approve}
                         : std::array{ReviewKind::dispute, ReviewKind::return_};
            for (int k = 0; k < kReviewsPerReport; ++k) {
                GeneratedReview review;
                review.kind = kinds[static_cast<std::size_t>(k)];
                review.reportId = report.id;
                review.projectNo = no;
                review.reportVersion = 1 + k;
                review.comment = approved ? "" : "请补充投资完成依据和现场照片";
                sink.review(review);
                ++made.reviews;
            }
            makePhoto(Entity::progress_report, report.id, no, atMs);
        }
        for (int i = 0; i < kVisitsPerProject; ++i) {
            GeneratedVisit v;
            v.projectNo = no;
            SiteVisit& visit = v.visit;
            visit.id = ids.next();
            const std::int64_t atMs =
                kYear2022Ms + static_cast<std::int64_t>(random() % (365LL * 86'400'000));
            visit.visitedAt = formatInstantUtc(atMs);
            visit.position = Position{28.3 + static_cast<double>(random() % 10'000) / 1e5,
                                      109.7 + static_cast<double>(random() % 10'000) / 1e5, 8.0,
                                      PositionSource::gps};
            visit.notes = std::string(pick(random, kVisitNotes)) + pick(random, kVisitNotes) +
                          "未发现安全隐患。";
            visit.peopleMet = std::string(pick(random, kPeople)) + "、" + pick(random, kPeople);
            visit.state = RecordState::submitted;
            visit.authorId = "bench-author";
            visit.deviceId = "bench-device";
            v.version = 2;
            v.updatedAt = formatInstantUtc(atMs);
            sink.visit(v);
            ++made.visits;
            makePhoto(Entity::site_visit, visit.id, no, atMs);
        }
    }
    return made;
}

}  // namespace duban::bench
