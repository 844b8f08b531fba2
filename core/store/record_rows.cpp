#include "core/store/record_rows.h"

#include "core/store/entity_rows.h"

#include "core/rules/record_checks.h"

namespace duban {
namespace {

// The rows are read and written in the columns' order of their description (entity_columns.cpp).
const RecordTable& reportTable() {
    static const RecordTable& table = recordTable("progress_report");
    return table;
}
const RecordTable& visitTable() {
    static const RecordTable& table = recordTable("site_visit");
    return table;
}
const RecordTable& photoTable() {
    static const RecordTable& table = recordTable("photo");
    return table;
}

StoredReport readReport(const Statement& s) {
    StoredReport stored;
    ProgressReport& r = stored.report;
    r.id = s.text(0);
    r.projectId = s.text(1);
    r.period = s.text(2);
    r.milestoneId = s.optionalText(3);
    r.investment = s.optionalInt64(4);
    if (auto v = s.optionalInt64(5))
        r.percentComplete = static_cast<int>(*v);
    r.narrative = s.text(6);
    r.problems = s.text(7);
    r.coordination = s.text(8);
    r.state = parseEnum<RecordState>(s.text(9)).value_or(RecordState::draft);
    r.authorId = s.text(10);
    r.deviceId = s.text(11);
    stored.submittedAt = s.optionalText(12);
    stored.updatedAt = s.text(13);
    stored.version = s.int64(14);
    return stored;
}

StoredVisit readVisit(const Statement& s) {
    StoredVisit stored;
    SiteVisit& v = stored.visit;
    v.id = s.text(0);
    v.projectId = s.text(1);
    v.visitedAt = s.text(2);
    v.utcOffsetMinutes = s.integer(3);
    if (!s.isNull(4) && !s.isNull(5)) {
        Position p;
        p.latitude = s.real(4);
        p.longitude = s.real(5);
        p.accuracyMeters = s.optionalReal(6);
        p.source = parseEnum<PositionSource>(s.text(7)).value_or(PositionSource::manual);
        v.position = p;
    }
    v.notes = s.text(8);
    v.peopleMet = s.text(9);
    v.state = parseEnum<RecordState>(s.text(10)).value_or(RecordState::draft);
    v.authorId = s.text(11);
    v.deviceId = s.text(12);
    stored.updatedAt = s.text(13);
    stored.version = s.int64(14);
    return stored;
}

Photo photoFromRow(const Statement& s) {
    Photo p;
    p.id = s.text(0);
    p.ownerKind = parseEnum<Entity>(s.text(1)).value_or(Entity::site_visit);
    p.ownerId = s.text(2);
    p.sha256 = s.text(3);
    p.size = s.int64(4);
    p.thumbnailSha256 = s.text(5);
    p.width = s.integer(6);
    p.height = s.integer(7);
    p.takenAt = s.optionalText(8);
    if (!s.isNull(9) && !s.isNull(10))
        p.position = Position{s.real(9), s.real(10), std::nullopt, PositionSource::gps};
    p.caption = s.text(11);
    return p;
}

}  // namespace

std::optional<StoredReport> loadReport(const Database& db, std::string_view id) {
    static const std::string sql = selectSql(reportTable()) + " WHERE id = ?";
    Statement s = db.prepare(sql);
    s.bindAll(id);
    if (!s.step())
        return std::nullopt;
    return readReport(s);
}

// Spelled out, not the description's upsert: submitted_at is stamped here, when a save makes the
// report submitted (the store's and the server's clock), and kept on every later save.
void storeReport(const Database& db, const ProgressReport& r, std::int64_t version,
                 std::string_view updatedAt) {
    db.prepare(R"sql(
        INSERT INTO progress_report (id, project_id, period, milestone_id, investment, percent_complete,
                                     narrative, problems, coordination, state, author_id, device_id,
                                     submitted_at, updated_at, version)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                CASE WHEN ?10 = 'submitted' THEN ?13 END, ?13, ?14)
        ON CONFLICT (id) DO UPDATE SET
          project_id = excluded.project_id, period = excluded.period, milestone_id = excluded.milestone_id,
          investment = excluded.investment, percent_complete = excluded.percent_complete,
          narrative = excluded.narrative, problems = excluded.problems, coordination = excluded.coordination,
          state = excluded.state, author_id = excluded.author_id, device_id = excluded.device_id,
          submitted_at = CASE WHEN excluded.state = 'submitted' AND progress_report.state <> 'submitted'
                              THEN excluded.updated_at ELSE progress_report.submitted_at END,
          updated_at = excluded.updated_at, version = excluded.version)sql")
        .bindAll(r.id, r.projectId, r.period, r.milestoneId, r.investment,
                 r.percentComplete ? std::optional<std::int64_t>(*r.percentComplete) : std::nullopt,
                 r.narrative, r.problems, r.coordination, std::string(toString(r.state)),
                 r.authorId, r.deviceId, updatedAt, version)
        .run();
}

std::optional<StoredVisit> loadVisit(const Database& db, std::string_view id) {
    static const std::string sql = selectSql(visitTable()) + " WHERE id = ?";
    Statement s = db.prepare(sql);
    s.bindAll(id);
    if (!s.step())
        return std::nullopt;
    return readVisit(s);
}

void storeVisit(const Database& db, const SiteVisit& v, std::int64_t version,
                std::string_view updatedAt) {
    const std::optional<Position>& p = v.position;
    // The values in the description's column order.
    db.prepare(upsertSql(visitTable()))
        .bindAll(v.id, v.projectId, v.visitedAt, v.utcOffsetMinutes,
                 p ? std::optional<double>(p->latitude) : std::nullopt,
                 p ? std::optional<double>(p->longitude) : std::nullopt,
                 p ? p->accuracyMeters : std::nullopt,
                 p ? std::optional<std::string>(std::string(toString(p->source))) : std::nullopt,
                 v.notes, v.peopleMet, std::string(toString(v.state)), v.authorId, v.deviceId,
                 updatedAt, version)
        .run();
}

void insertPhoto(const Database& db, const Photo& photo, std::int64_t version) {
    const std::optional<Position>& p = photo.position;
    // The values in the description's column order.
    db.prepare(insertSql(photoTable()))
        .bindAll(photo.id, toString(photo.ownerKind), photo.ownerId, photo.sha256, photo.size,
                 photo.thumbnailSha256, photo.width, photo.height, photo.takenAt,
                 p ? std::optional<double>(p->latitude) : std::nullopt,
                 p ? std::optional<double>(p->longitude) : std::nullopt, photo.caption, version)
        .run();
}

std::vector<Photo> loadPhotos(const Database& db, std::string_view ownerId) {
    static const std::string sql = selectSql(photoTable()) + " WHERE owner_id = ? ORDER BY rowid";
    Statement s = db.prepare(sql);
    s.bindAll(ownerId);
    std::vector<Photo> photos;
    while (s.step())
        photos.push_back(photoFromRow(s));
    return photos;
}

ProjectUnits loadProjectUnits(const Database& db, std::string_view projectId) {
    Statement s = db.prepare(
        "SELECT unit_id, role FROM project_unit WHERE project_id = ? ORDER BY role, ord");
    s.bindAll(projectId);
    ProjectUnits units;
    while (s.step()) {
        units.push_back({s.text(0), parseEnum<ProjectUnitRole>(s.text(1)).value_or(
                                        ProjectUnitRole::responsible)});
    }
    return units;
}

bool projectExists(const Database& db, std::string_view projectId) {
    Statement s = db.prepare("SELECT 1 FROM project WHERE id = ?");
    s.bindAll(projectId);
    return s.step();
}

namespace {

std::optional<FieldError> checkMilestoneOf(const Database& db,
                                           const std::optional<std::string>& milestoneId,
                                           std::string_view projectId) {
    std::optional<std::string> milestoneProject;
    if (milestoneId) {
        Statement s = db.prepare("SELECT project_id FROM milestone WHERE id = ?");
        s.bindAll(*milestoneId);
        if (s.step())
            milestoneProject = s.text(0);
    }
    return milestoneProblem(milestoneId, milestoneProject, projectId);
}

}  // namespace

std::optional<FieldError> checkMilestone(const Database& db, const ProgressReport& report) {
    return checkMilestoneOf(db, report.milestoneId, report.projectId);
}

std::optional<FieldError> checkMilestone(const Database&, const SiteVisit&) {
    return std::nullopt;
}

std::optional<FieldError> checkMilestone(const Database& db, const Warning& warning) {
    return checkMilestoneOf(db, warning.milestoneId, warning.projectId);
}

std::optional<Yuan> projectTotalInvestment(const Database& db, std::string_view projectId) {
    Statement s = db.prepare("SELECT total_investment FROM project WHERE id = ?");
    s.bindAll(projectId);
    return s.step() ? s.optionalInt64(0) : std::nullopt;
}

}  // namespace duban
