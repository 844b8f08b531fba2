// The benchmarks' dataset generator (bench/dataset): seeded and deterministic, in the
// proportions of the issue, photos around a 2.5 MB median.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "bench/dataset/dataset.h"

namespace duban::bench {
namespace {

// Counts what it receives and folds every field into one running hash.
class Fingerprint final : public DatasetSink {
public:
    void projects(const seed::List& list) override {
        for (const auto& group : list.groups)
            for (const auto& item : group.items) {
                ++counts.projects;
                counts.milestones += static_cast<std::int64_t>(item.milestones.size());
                mix(item.name + item.scope + item.responsibleUnits.front());
                for (const auto& m : item.milestones)
                    mix(m.title + m.due);
            }
    }
    void report(const GeneratedReport& r) override {
        ++counts.reports;
        mix(r.report.id + r.report.period + r.report.narrative + r.report.problems +
            std::to_string(r.report.investment.value_or(-1)) + std::to_string(r.projectNo) +
            std::to_string(static_cast<int>(r.report.state)) + r.updatedAt);
    }
    void review(const GeneratedReview& r) override {
        ++counts.reviews;
        mix(r.reportId + r.comment + std::to_string(static_cast<int>(r.kind)));
    }
    void visit(const GeneratedVisit& v) override {
        ++counts.visits;
        mix(v.visit.id + v.visit.visitedAt + v.visit.notes + v.visit.peopleMet);
    }
    void photo(const GeneratedPhoto& p) override {
        ++counts.photos;
        sizes.push_back(p.photo.size);
        mix(p.photo.id + p.photo.ownerId + p.photo.sha256 + std::to_string(p.photo.size));
    }

    DatasetCounts counts;
    std::size_t hash = 0;
    std::vector<std::int64_t> sizes;

private:
    void mix(const std::string& text) { hash = hash * 1'000'003 ^ std::hash<std::string>{}(text); }
};

DatasetSpec spec(double scale, std::uint64_t seed) {
    return DatasetSpec{scale, seed, {"市科工信局", "矮寨镇", "市发改局"}};
}

TEST(Dataset, SameSeedGivesTheSameRecords) {
    Fingerprint a, b, c;
    const DatasetCounts made = generateDataset(spec(0.05, 7), a);
    generateDataset(spec(0.05, 7), b);
    generateDataset(spec(0.05, 8), c);
    EXPECT_EQ(made, a.counts);
    EXPECT_EQ(a.counts, b.counts);
    EXPECT_EQ(a.hash, b.hash);
    EXPECT_EQ(a.counts, c.counts);  // the seed changes the records, not how many
    EXPECT_NE(a.hash, c.hash);
}

TEST(Dataset, ScaleOneHasTheCitysProportions) {
    const DatasetCounts c = countsFor(1);
    EXPECT_EQ(c, (DatasetCounts{200, 4'000, 20'000, 10'000, 40'000, 30'000}));
    EXPECT_EQ(countsFor(10).total(), 10 * c.total());
    EXPECT_EQ(countsFor(50).reviews, 2'000'000);
    EXPECT_EQ(countsFor(0.0001).projects, 1);  // never empty
}

TEST(Dataset, GeneratesWhatItCountsWithRealisticPhotoSizes) {
    Fingerprint f;
    const DatasetCounts made = generateDataset(spec(0.1, 20221127), f);
    EXPECT_EQ(made, countsFor(0.1));
    EXPECT_EQ(f.counts, made);
    std::sort(f.sizes.begin(), f.sizes.end());
    const std::int64_t median = f.sizes[f.sizes.size() / 2];
    EXPECT_GT(median, 2'300'000);
    EXPECT_LT(median, 2'700'000);
    EXPECT_GE(f.sizes.front(), 1'000'000);
    EXPECT_LE(f.sizes.back(), 8'000'000);
}

}  // namespace
}  // namespace duban::bench
