#pragma once
// A city's worth of records for the benchmarks (issue 6): projects with milestones, monthly
// progress reports, site visits, reviews and photo records in the proportions of a real city
// (scale 1: 200 projects, 4,000 milestones, 20,000 reports, 10,000 visits, 40,000 reviews, 30,000
// photos ≈ 104,200 rows), scalable by any factor. Seeded and deterministic: the same spec gives
// the same records, byte for byte, on every machine.
#include <cstdint>
#include <string>

#include "core/domain/types.h"
#include "core/seed/seed_files.h"

namespace duban::bench {

struct DatasetSpec {
    double scale = 1.0;
    std::uint64_t seed = 20221127;
    // Names of real units (from the seed) the projects are tied to, round robin; at least one.
    std::vector<std::string> units;
};

struct DatasetCounts {
    std::int64_t projects = 0;
    std::int64_t milestones = 0;
    std::int64_t reports = 0;
    std::int64_t visits = 0;
    std::int64_t reviews = 0;
    std::int64_t photos = 0;
    [[nodiscard]] std::int64_t total() const {
        return projects + milestones + reports + visits + reviews + photos;
    }
    bool operator==(const DatasetCounts&) const = default;
};

// The code of the list the synthetic projects are imported as ("bench_projects#<no>").
inline constexpr const char* kBenchListCode = "bench_projects";

// Scale 1's counts times `scale` (at least one project; the ratios per project are fixed).
[[nodiscard]] DatasetCounts countsFor(double scale);

// A record that refers to a project by its number in the synthetic list (1…projects) and to a
// milestone by its order; the writer turns them into ids.
struct GeneratedReport {
    ProgressReport report;  // projectId and milestoneId empty
    int projectNo = 0;
    int milestoneOrd = 0;  // 0: none
    std::int64_t version = 1;
    std::string updatedAt;
};
struct GeneratedVisit {
    SiteVisit visit;  // projectId empty
    int projectNo = 0;
    std::int64_t version = 1;
    std::string updatedAt;
};
struct GeneratedReview {
    ReviewKind kind = ReviewKind::approve;
    std::string reportId;
    int projectNo = 0;
    std::string comment;
    std::int64_t reportVersion = 1;  // the version the review acted on
};
struct GeneratedPhoto {
    Photo photo;  // ownerId set (a report's or visit's id)
    int projectNo = 0;
};

// Receives the records in a fixed order: the project list first, then per project its reports
// (each followed by its reviews and photo) and visits (each followed by its photo).
class DatasetSink {
public:
    virtual ~DatasetSink() = default;
    virtual void projects(const seed::List& list) = 0;
    virtual void report(const GeneratedReport& r) = 0;
    virtual void review(const GeneratedReview& r) = 0;
    virtual void visit(const GeneratedVisit& v) = 0;
    virtual void photo(const GeneratedPhoto& p) = 0;
};

// Generates the dataset of `spec` into `sink`; returns what it generated.
DatasetCounts generateDataset(const DatasetSpec& spec, DatasetSink& sink);

// A photo's size in bytes drawn around a 2.5 MB median (log-normal, 1–8 MB), as phone photos
// re-encoded at a 2048 px long edge are.
[[nodiscard]] std::int64_t photoSizeFor(std::uint64_t draw);

}  // namespace duban::bench
