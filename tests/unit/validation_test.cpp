// Validation: each rule names its field and code; drafts may be incomplete, submissions not.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/domain/record_json.h"
#include "core/rules/validation.h"

namespace duban {
namespace {

constexpr const char* kId = "0180f0a8-0000-7000-8000-000000000001";
constexpr const char* kProject = "0180f0a8-0000-7000-8000-000000000002";
constexpr std::int64_t kNow = 1656633600000;  // 2022-07-01T00:00:00Z

bool hasError(const std::vector<FieldError>& errors, const std::string& field,
              const std::string& code) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const FieldError& e) { return e.field == field && e.code == code; });
}

ProgressReport completeReport() {
    ProgressReport r;
    r.id = kId;
    r.projectId = kProject;
    r.period = "2022-06";
    r.investment = 5'000'000;
    r.percentComplete = 40;
    r.narrative = "主体工程完成40%";
    return r;
}

const ReportContext kContext{*parseDate("2022-07-01"), 2'730'270'000};

TEST(ValidateReport, ACompleteReportPasses) {
    EXPECT_TRUE(validateProgressReport(completeReport(), kContext, true).empty());
}

TEST(ValidateReport, ADraftMayBeIncompleteButNotWrong) {
    ProgressReport r = completeReport();
    r.investment.reset();
    r.percentComplete.reset();
    r.narrative.clear();
    EXPECT_TRUE(validateProgressReport(r, kContext, false).empty());
    const auto errors = validateProgressReport(r, kContext, true);
    EXPECT_TRUE(hasError(errors, "investment", "required"));
    EXPECT_TRUE(hasError(errors, "percent_complete", "required"));
    EXPECT_TRUE(hasError(errors, "narrative", "required"));
}

TEST(ValidateReport, InvalidFiguresAreRefusedWithTheirField) {
    ProgressReport r = completeReport();
    r.investment = -1;
    r.percentComplete = 101;
    r.period = "2022-13";
    auto errors = validateProgressReport(r, kContext, false);
    EXPECT_TRUE(hasError(errors, "investment", "out_of_range"));
    EXPECT_TRUE(hasError(errors, "percent_complete", "out_of_range"));
    EXPECT_TRUE(hasError(errors, "period", "invalid_format"));

    r = completeReport();
    r.period = "2022-08";  // next month
    r.investment = 2'730'270'001;
    errors = validateProgressReport(r, kContext, false);
    EXPECT_TRUE(hasError(errors, "period", "in_future"));
    EXPECT_TRUE(hasError(errors, "investment", "exceeds_total"));

    r = completeReport();
    r.percentComplete = 0;
    r.investment = 0;
    r.period = "2022-07";  // the current month
    EXPECT_TRUE(validateProgressReport(r, kContext, true).empty());
}

TEST(ValidateReport, TextIsMeasuredInCharactersNotBytes) {
    ProgressReport r = completeReport();
    ValidationLimits limits;
    limits.maxTextChars = 5;
    r.problems = "资金未到位";  // 5 characters, 15 bytes
    EXPECT_FALSE(
        hasError(validateProgressReport(r, kContext, true, limits), "problems", "too_long"));
    r.problems = "资金未到位啊";
    EXPECT_TRUE(
        hasError(validateProgressReport(r, kContext, true, limits), "problems", "too_long"));
}

TEST(ValidateReport, IdsMustBeUuids) {
    ProgressReport r = completeReport();
    r.projectId = "42";
    r.milestoneId = "nope";
    const auto errors = validateProgressReport(r, kContext, false);
    EXPECT_TRUE(hasError(errors, "project_id", "invalid_format"));
    EXPECT_TRUE(hasError(errors, "milestone_id", "invalid_format"));
}

SiteVisit completeVisit() {
    SiteVisit v;
    v.id = kId;
    v.projectId = kProject;
    v.visitedAt = "2022-06-30T02:00:00Z";
    v.position = Position{28.3, 109.7, 8.0, PositionSource::gps};
    v.notes = "现场查看三区一期工地";
    return v;
}

TEST(ValidateVisit, PositionTimeAndNotes) {
    EXPECT_TRUE(validateSiteVisit(completeVisit(), kNow, true).empty());
    SiteVisit v = completeVisit();
    v.position = Position{91, -181, -1.0, PositionSource::manual};
    v.visitedAt = "2022-07-01T01:00:00Z";  // an hour ahead of now
    v.notes.clear();
    auto errors = validateSiteVisit(v, kNow, true);
    EXPECT_TRUE(hasError(errors, "position.lat", "out_of_range"));
    EXPECT_TRUE(hasError(errors, "position.lon", "out_of_range"));
    EXPECT_TRUE(hasError(errors, "position.accuracy", "out_of_range"));
    EXPECT_TRUE(hasError(errors, "visited_at", "in_future"));
    EXPECT_TRUE(hasError(errors, "notes", "required"));
    v = completeVisit();
    v.visitedAt = "yesterday";
    EXPECT_TRUE(hasError(validateSiteVisit(v, kNow, false), "visited_at", "invalid_format"));
    v = completeVisit();
    v.position.reset();  // no position at all is allowed: typed later or none
    EXPECT_TRUE(validateSiteVisit(v, kNow, true).empty());
}

TEST(ValidatePhoto, HashesSizesAndOwner) {
    Photo p;
    p.id = kId;
    p.ownerId = kProject;
    p.sha256 = std::string(64, 'a');
    p.thumbnailSha256 = std::string(64, 'b');
    p.size = 1000;
    p.width = 2048;
    p.height = 1536;
    EXPECT_TRUE(validatePhoto(p).empty());
    p.sha256 = std::string(64, 'A');
    p.size = 0;
    p.ownerKind = Entity::warning;
    const auto errors = validatePhoto(p);
    EXPECT_TRUE(hasError(errors, "sha256", "invalid_format"));
    EXPECT_TRUE(hasError(errors, "size", "out_of_range"));
    EXPECT_TRUE(hasError(errors, "owner_kind", "invalid_format"));
}

TEST(RecordJson, RoundTripsAndRefusesWrongTypesAndUnknownFields) {
    const ProgressReport r = completeReport();
    ProgressReport copy;
    ASSERT_TRUE(applyJson(copy, toJson(r)));
    EXPECT_EQ(toJson(copy), toJson(r));

    ProgressReport target = r;
    auto wrongType = applyJson(target, nlohmann::json{{"percent_complete", "60"}});
    ASSERT_FALSE(wrongType);
    EXPECT_EQ(wrongType.error().code, "invalid");
    EXPECT_NE(wrongType.error().message.find("percent_complete"), std::string::npos);
    EXPECT_FALSE(applyJson(target, nlohmann::json{{"percent", 60}}));
    EXPECT_FALSE(applyJson(target, nlohmann::json::array()));

    SiteVisit v = completeVisit();
    SiteVisit visitCopy;
    ASSERT_TRUE(applyJson(visitCopy, toJson(v)));
    EXPECT_EQ(toJson(visitCopy), toJson(v));
    EXPECT_FALSE(applyJson(visitCopy, nlohmann::json{{"position", {{"lat", 1}}}}));
    EXPECT_FALSE(applyJson(
        visitCopy, nlohmann::json{{"position", {{"lat", 1}, {"lon", 2}, {"source", "psychic"}}}}));
}

}  // namespace
}  // namespace duban
