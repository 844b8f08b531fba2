#include "server/sync/approval.h"

#include "server/sync/versions.h"

namespace duban::server {
namespace {

void updateCompletedThisYear(const ApplyContext& context, const std::string& projectId) {
    Statement project = context.db.prepare(
        "SELECT plan_year, completed_this_year, version FROM project WHERE id = ?");
    project.bindAll(projectId);
    // A project without a plan year has no "this year" to sum; its figure stays as imported.
    if (!project.step() || project.isNull(0))
        return;
    const std::int64_t planYear = project.int64(0);
    const std::int64_t before = project.int64(1);
    const std::int64_t version = project.int64(2);

    Statement sum = context.db.prepare(R"sql(
        SELECT COALESCE(SUM(investment), 0) FROM progress_report
         WHERE project_id = ? AND state = 'approved' AND substr(period, 1, 4) = ?)sql");
    sum.bindAll(projectId, std::to_string(planYear));
    sum.step();
    const std::int64_t completed = sum.int64(0);
    if (completed == before)
        return;
    context.db.prepare("UPDATE project SET completed_this_year = ?, version = ? WHERE id = ?")
        .bindAll(completed, version + 1, projectId)
        .run();
    noteChange(context, Entity::project, projectId, ChangeScope{projectId, std::nullopt},
               version + 1);
}

void achieveMilestone(const ApplyContext& context, const ProgressReport& report) {
    if (!report.milestoneId || report.percentComplete != 100)
        return;
    Statement milestone =
        context.db.prepare("SELECT status, version FROM milestone WHERE id = ? AND project_id = ?");
    milestone.bindAll(*report.milestoneId, report.projectId);
    if (!milestone.step() || milestone.text(0) == toString(MilestoneStatus::achieved))
        return;
    const std::int64_t version = milestone.int64(1) + 1;
    context.db.prepare("UPDATE milestone SET status = ?, version = ? WHERE id = ?")
        .bindAll(toString(MilestoneStatus::achieved), version, *report.milestoneId)
        .run();
    noteChange(context, Entity::milestone, *report.milestoneId,
               ChangeScope{report.projectId, std::nullopt}, version);
}

}  // namespace

std::optional<Rejected> photosMissing(const Database& db, std::string_view reportId) {
    Statement s = db.prepare(R"sql(
        SELECT count(*) FROM photo p
         WHERE p.owner_kind = 'progress_report' AND p.owner_id = ?
           AND (NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = p.sha256)
                OR NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = p.thumbnail_sha256)))sql");
    s.bindAll(reportId);
    s.step();
    const int missing = s.integer(0);
    if (missing == 0)
        return std::nullopt;
    return reject("photos_missing",
                  std::to_string(missing) +
                      " photo(s) of this report have not finished uploading; it can be approved "
                      "once the author's device has sent them.");
}

void updateDerivedFigures(const ApplyContext& context, const ProgressReport& report) {
    updateCompletedThisYear(context, report.projectId);
    achieveMilestone(context, report);
}

}  // namespace duban::server
