// What a user does with records from a terminal: find projects, write a visit or a monthly
// report, move a record through its states. Every edit goes through LocalStore, so the core rules
// (access, state machine, validation) decide exactly as they will on the server, offline.
#include <nlohmann/json.hpp>

#include <stdexcept>

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/domain/record_json.h"
#include "core/domain/types.h"
#include "core/store/project_query.h"
#include "core/store/sql_where.h"
#include "sync/cli/client_session.h"
#include "sync/cli/commands.h"

namespace duban::cli {
namespace {

using nlohmann::json;

double decimal(const std::string& text, const std::string& option) {
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size())
            return value;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " needs a number, not `" + text + "`");
}

json photosJson(const LocalStore& store, const std::string& ownerId) {
    json photos = json::array();
    for (const Photo& photo : store.photosOf(ownerId)) {
        json entry = toJson(photo);
        entry["id"] = photo.id;
        photos.push_back(entry);
    }
    return photos;
}

template <class Record>
void printSaved(const Invocation& invocation, Io& io, const LocalStore& store, const Record& record,
                const char* what) {
    const json photos = photosJson(store, record.id);
    if (invocation.json) {
        json out = toJson(record);
        out["id"] = record.id;
        out["state"] = toString(record.state);
        out["photos"] = photos;
        io.out << out.dump() << "\n";
    } else {
        io.out << "saved " << what << " " << record.id << " (" << toString(record.state);
        if (!photos.empty())
            io.out << ", " << photos.size() << " photos";
        io.out << "); `duban-client sync` sends it.\n";
    }
}

// Runs `save`, attaches each --photo, then submits when --submit was given: each step atomic, and
// a step that fails leaves the ones before it saved (and says so).
template <class Record, class Save>
int saveAndMaybeSubmit(const Invocation& invocation, Io& io, Session& s, Entity entity,
                       const char* what, Save save) {
    Result<Record> saved = save();
    if (!saved)
        return fail(io.err, saved.error());
    Record record = std::move(saved).value();
    for (const std::string& file : invocation.all("--photo")) {
        if (auto photo = s.store->attachPhoto(s.actor, entity, record.id, file); !photo) {
            io.err << "duban-client: saved as draft " << record.id << "; the photo " << file
                   << " was not added:\n";
            return fail(io.err, photo.error());
        }
    }
    if (invocation.has("--submit")) {
        if (Status submitted = s.store->transition(s.actor, entity, record.id, Transition::submit);
            !submitted) {
            io.err << "duban-client: saved as draft " << record.id << ", not submitted:\n";
            return fail(io.err, submitted.error());
        }
        record.state = RecordState::submitted;
    }
    printSaved(invocation, io, *s.store, record, what);
    return kExitOk;
}

}  // namespace

int projectsCommand(const Invocation& invocation, Io& io) {
    const int limit = limitOption(invocation);
    ProjectFilter filter;
    filter.text = invocation.option("--search");
    const auto read = readStore(invocation, io, [&](const Session& s) {
        return listProjects(s.store->database(), filter, ProjectSort::seedOrder, limit, 0);
    });
    if (!read)
        return kExitFailure;
    const std::vector<ProjectRow>& rows = *read;
    if (invocation.json) {
        json list = json::array();
        for (const ProjectRow& row : rows) {
            list.push_back({{"id", row.id},
                            {"code", row.code},
                            {"name", row.name},
                            {"category", row.category},
                            {"stage", row.stage},
                            {"total_investment",
                             row.totalInvestment ? json(*row.totalInvestment) : json(nullptr)},
                            {"warning_level", row.warningLevel},
                            {"units", row.unitNames}});
        }
        io.out << list.dump() << "\n";
        return kExitOk;
    }
    for (const ProjectRow& row : rows) {
        io.out << row.code << "  " << row.name << "  总投资 "
               << (row.totalInvestment ? formatWan(*row.totalInvestment) : std::string("—"))
               << "\n";
    }
    return kExitOk;
}

int recordsCommand(const Invocation& invocation, Io& io) {
    const int limit = limitOption(invocation);
    const std::string state = invocation.option("--state");
    if (!state.empty() && !parseEnum<RecordState>(state))
        throw UsageError("--state is one of draft, submitted, confirmed, returned, approved");
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    const Database& db = session.value()->store->database();
    json list = json::array();
    try {
        std::optional<std::string> projectId;
        if (const std::string project = invocation.option("--project"); !project.empty()) {
            auto id = projectIdOf(db, project);
            if (!id)
                return fail(io.err, id.error());
            projectId = id.value();
        }
        // Newest first; each branch is served by its index (by state, by project), and only
        // the conditions asked for are in the query.
        SqlWhere where;
        if (!state.empty())
            where.add("x.state = ?", state);
        if (projectId)
            where.add("x.project_id = ?", *projectId);
        Statement s = db.prepare(
            "SELECT * FROM (SELECT 'progress_report', x.id, p.code, p.name, x.period, x.state, "
            "x.version FROM progress_report x JOIN project p ON p.id = x.project_id" +
            where.sql +
            " UNION ALL SELECT 'site_visit', x.id, p.code, p.name, x.visited_at, x.state, "
            "x.version FROM site_visit x JOIN project p ON p.id = x.project_id" +
            where.sql + ") ORDER BY 5 DESC LIMIT ?");
        const int afterReports = where.bindTo(s);      // the report branch's values
        s.bind(where.bindTo(s, afterReports), limit);  // the visit branch's, then the limit
        while (s.step()) {
            list.push_back({{"entity", s.text(0)},
                            {"id", s.text(1)},
                            {"project_code", s.text(2)},
                            {"project", s.text(3)},
                            {"when", s.text(4)},
                            {"state", s.text(5)},
                            {"version", s.int64(6)}});
        }
    } catch (const DatabaseError& e) {
        return fail(io.err, makeError("store_failed", e.what()));
    }
    if (invocation.json) {
        io.out << list.dump() << "\n";
        return kExitOk;
    }
    for (const json& row : list) {
        io.out << row["id"].get<std::string>() << "  "
               << (row["entity"] == "progress_report" ? "进展报告" : "现场走访") << "  "
               << row["when"].get<std::string>() << "  " << row["state"].get<std::string>() << "  "
               << row["project"].get<std::string>() << "\n";
    }
    return kExitOk;
}

int visitAddCommand(const Invocation& invocation, Io& io) {
    const std::string lat = invocation.option("--lat");
    const std::string lon = invocation.option("--lon");
    if (lat.empty() != lon.empty())
        throw UsageError("a position needs both --lat and --lon");
    const std::string source = invocation.option("--position-source");
    if (!source.empty() && !parseEnum<PositionSource>(source))
        throw UsageError("--position-source is gps or manual");
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    auto projectId = projectIdOf(s.store->database(), invocation.option("--project"));
    if (!projectId)
        return fail(io.err, projectId.error());
    SiteVisit visit;
    visit.projectId = projectId.value();
    const std::string at = invocation.option("--at");
    visit.visitedAt = at.empty() ? formatInstantUtc(s.clock.nowMs()) : at;
    if (!lat.empty()) {
        Position position;
        position.latitude = decimal(lat, "--lat");
        position.longitude = decimal(lon, "--lon");
        if (const std::string accuracy = invocation.option("--accuracy"); !accuracy.empty())
            position.accuracyMeters = decimal(accuracy, "--accuracy");
        // Typed on a terminal unless the script says it came from a receiver.
        position.source = parseEnum<PositionSource>(source).value_or(PositionSource::manual);
        visit.position = position;
    }
    visit.notes = invocation.option("--notes");
    visit.peopleMet = invocation.option("--people");
    return saveAndMaybeSubmit<SiteVisit>(invocation, io, s, Entity::site_visit, "visit",
                                         [&] { return s.store->saveVisit(s.actor, visit); });
}

int reportAddCommand(const Invocation& invocation, Io& io) {
    // The typed figures are checked before anything is opened: a typo is a usage error.
    ProgressReport report;
    if (const std::string percent = invocation.option("--percent"); !percent.empty())
        report.percentComplete = wholeNumber(percent, "--percent", 0, 100);
    if (const std::string investment = invocation.option("--investment"); !investment.empty()) {
        report.investment = parseWan(investment);
        if (!report.investment) {
            throw UsageError("--investment is in 万元, e.g. 1500 or 1,500.5, not `" + investment +
                             "`");
        }
    }
    if (const std::string milestone = invocation.option("--milestone"); !milestone.empty())
        report.milestoneId = milestone;
    report.period = invocation.option("--period");
    report.narrative = invocation.option("--narrative");
    report.problems = invocation.option("--problems");
    report.coordination = invocation.option("--coordination");

    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    auto projectId = projectIdOf(s.store->database(), invocation.option("--project"));
    if (!projectId)
        return fail(io.err, projectId.error());
    report.projectId = projectId.value();
    if (report.period.empty())
        report.period = periodOf(dateAt(s.clock.nowMs())).toString();
    return saveAndMaybeSubmit<ProgressReport>(invocation, io, s, Entity::progress_report, "report",
                                              [&] { return s.store->saveReport(s.actor, report); });
}

int transitionCommand(const Invocation& invocation, Io& io) {
    const auto transition = parseEnum<Transition>(invocation.command());
    if (!transition)
        throw UsageError("unknown transition `" + invocation.command() + "`");
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    const std::string& id = invocation.operands.at(0);
    const auto entity = entityOfRecord(*s.store, id);
    if (!entity)
        return fail(io.err, entity.error());
    if (Status done = s.store->transition(s.actor, entity.value(), id, *transition,
                                          invocation.option("--comment"));
        !done) {
        return fail(io.err, done.error());
    }
    const auto state = entity.value() == Entity::progress_report ? s.store->report(id)->state
                                                                 : s.store->visit(id)->state;
    if (invocation.json) {
        io.out << json{{"id", id}, {"entity", toString(entity.value())}, {"state", toString(state)}}
                      .dump()
               << "\n";
    } else {
        io.out << id << " is now " << toString(state) << "; `duban-client sync` sends it.\n";
    }
    return kExitOk;
}

}  // namespace duban::cli
