#include "core/store/todo.h"

#include <algorithm>

#include "core/rules/letter_defaults.h"
#include "core/store/inbox.h"
#include "core/store/review_queue.h"
#include "core/store/warnings.h"

namespace duban {
namespace {

// A month's report counts as filed once it is submitted (returned ones are the returned
// section's); drafts are not reports (docs/dispatch.md).
constexpr std::string_view kFiled = "('submitted', 'confirmed', 'approved', 'returned')";

// The user's unit leads the project or is responsible for it: who files its reports and
// confirms them (access.cpp's unitIsResponsible).
// `unitParameter` names the unit's bound parameter ("?1").
std::string ownProjects(std::string_view unitParameter) {
    return "SELECT DISTINCT pu.project_id FROM project_unit pu WHERE pu.unit_id = " +
           std::string(unitParameter) + " AND pu.role IN ('lead', 'responsible')";
}

int countOf(Statement& s) {
    s.step();
    return s.integer(0);
}

// Rows about a report or visit, selected as: kind, id, project id, project name, period, detail,
// instant, who.
void readRecordRows(Statement& s, TodoSectionRows& out) {
    while (s.step()) {
        TodoRow row;
        row.section = out.section;
        row.recordKind = row.target = s.text(0);
        row.targetId = s.text(1);
        row.projectId = s.text(2);
        row.title = s.text(3);
        row.period = s.text(4);
        row.detail = s.text(5);
        row.at = s.text(6);
        row.who = s.text(7);
        out.rows.push_back(std::move(row));
    }
}

}  // namespace

TodoSectionRows readReportsDue(const Database& db, const Actor& actor, const Period& period,
                               int limit) {
    // project_unit_by_unit finds the unit's projects; progress_report_by_project their month.
    const std::string due = std::string(R"sql(
        FROM project p WHERE p.id IN ()sql") +
                            ownProjects("?1") + R"sql()
         AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id
                            AND r.period = ?2 AND r.state IN )sql" +
                            std::string(kFiled) + ")";
    TodoSectionRows out{TodoSection::report_due, 0, {}};
    out.total =
        countOf(db.prepare("SELECT count(*) " + due).bindAll(actor.unitId, period.toString()));
    Statement s = db.prepare(R"sql(
        SELECT p.id, p.name,
               EXISTS (SELECT 1 FROM progress_report d WHERE d.project_id = p.id
                          AND d.period = ?2 AND d.state = 'draft' AND d.author_id = ?3) )sql" +
                             due + " ORDER BY p.warning_level DESC, p.name LIMIT ?4");
    s.bindAll(actor.unitId, period.toString(), actor.userId, limit);
    while (s.step()) {
        TodoRow row;
        row.section = TodoSection::report_due;
        row.target = "project";
        row.targetId = row.projectId = s.text(0);
        row.title = s.text(1);
        row.period = period.toString();
        row.hasDraft = s.integer(2) != 0;
        out.rows.push_back(std::move(row));
    }
    return out;
}

TodoSectionRows readReturned(const Database& db, const Actor& actor, int limit) {
    // progress_report_by_state / site_visit_by_state: few records are returned at a time.
    constexpr std::string_view kRecords = R"sql(
        SELECT 'progress_report' AS kind, r.id, r.project_id, r.period, r.updated_at
          FROM progress_report r WHERE r.state = 'returned' AND r.author_id = ?1
        UNION ALL
        SELECT 'site_visit', v.id, v.project_id, '', v.updated_at
          FROM site_visit v WHERE v.state = 'returned' AND v.author_id = ?1)sql";
    TodoSectionRows out{TodoSection::returned, 0, {}};
    out.total = countOf(
        db.prepare("SELECT count(*) FROM (" + std::string(kRecords) + ")").bindAll(actor.userId));
    // The reason is the latest return or dispute on the record (review_by_target).
    const std::string withReasons = std::string(R"sql(
        SELECT x.kind, x.id, x.project_id, p.name, x.period, rv.comment, rv.at,
               coalesce(u.display_name, '')
          FROM ()sql") + std::string(kRecords) +
                                    R"sql() x
          JOIN project p ON p.id = x.project_id
          LEFT JOIN review rv ON rv.rowid = (SELECT r2.rowid FROM review r2
                     WHERE r2.target_id = x.id AND r2.kind IN ('return', 'dispute')
                     ORDER BY r2.at DESC LIMIT 1)
          LEFT JOIN user u ON u.id = rv.actor_id
         ORDER BY x.updated_at DESC LIMIT ?2)sql";
    Statement s = db.prepare(withReasons);
    s.bindAll(actor.userId, limit);
    readRecordRows(s, out);
    return out;
}

TodoSectionRows readDrafts(const Database& db, const Actor& actor, const Period& period,
                           int limit) {
    // A draft of this month's report on one of the unit's projects is shown as that report due
    // (with "草稿已存"), not twice.
    const std::string records = std::string(R"sql(
        SELECT 'progress_report' AS kind, r.id, r.project_id, r.period, r.narrative AS text,
               r.updated_at FROM progress_report r
         WHERE r.state = 'draft' AND r.author_id = ?1
           AND NOT (r.period = ?3 AND r.project_id IN ()sql") +
                                ownProjects("?2") +
                                R"sql())
        UNION ALL
        SELECT 'site_visit', v.id, v.project_id, '', v.notes, v.updated_at FROM site_visit v
         WHERE v.state = 'draft' AND v.author_id = ?1)sql";
    TodoSectionRows out{TodoSection::drafts, 0, {}};
    out.total = countOf(db.prepare("SELECT count(*) FROM (" + records + ")")
                            .bindAll(actor.userId, actor.unitId, period.toString()));
    const std::string rows =
        "SELECT x.kind, x.id, x.project_id, p.name, x.period, x.text, "
        "x.updated_at, '' FROM (" +
        records +
        ") x JOIN project p ON p.id = x.project_id "
        "ORDER BY x.updated_at DESC LIMIT ?4";
    Statement s = db.prepare(rows);
    s.bindAll(actor.userId, actor.unitId, period.toString(), limit);
    readRecordRows(s, out);
    return out;
}

TodoSectionRows readToConfirm(const Database& db, const Actor& actor, int limit) {
    // Submitted reports by others on the unit's projects (access.cpp: confirm and dispute);
    // progress_report_by_state finds the submitted ones.
    const std::string waiting = std::string(R"sql(
          FROM progress_report r JOIN project p ON p.id = r.project_id
         WHERE r.state = 'submitted' AND r.author_id <> ?2 AND r.project_id IN ()sql") +
                                ownProjects("?1") + ")";
    TodoSectionRows out{TodoSection::to_confirm, 0, {}};
    out.total =
        countOf(db.prepare("SELECT count(*) " + waiting).bindAll(actor.unitId, actor.userId));
    const std::string rows =
        "SELECT 'progress_report', r.id, r.project_id, p.name, r.period, r.narrative, "
        "r.submitted_at, coalesce((SELECT display_name FROM user u WHERE u.id = r.author_id), "
        "'') " +
        waiting + " ORDER BY r.submitted_at LIMIT ?3";
    Statement s = db.prepare(rows);
    s.bindAll(actor.unitId, actor.userId, limit);
    readRecordRows(s, out);
    return out;
}

TodoSectionRows readLateUnits(const Database& db, const Period& period, int limit) {
    // Each project counts for its answering unit as the board groups it: the lead unit, else
    // the first responsible one (dispatch_month.cpp). One pass over the projects, each probing
    // progress_report_by_project for its month.
    const std::string missing = R"sql(
        SELECT (SELECT pu.unit_id FROM project_unit pu
                 WHERE pu.project_id = p.id AND pu.role IN ('lead', 'responsible')
                 ORDER BY pu.role = 'responsible', pu.ord LIMIT 1) AS unit_id
          FROM project p
         WHERE NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id
                              AND r.period = ?1 AND r.state IN )sql" +
                                std::string(kFiled) + ")";
    TodoSectionRows out{TodoSection::late_units, 0, {}};
    Statement s =
        db.prepare("SELECT m.unit_id, u.name, count(*) AS n, count(*) OVER () FROM (" + missing +
                   ") m JOIN unit u ON u.id = m.unit_id GROUP BY m.unit_id "
                   "ORDER BY n DESC, u.name LIMIT ?2");
    s.bindAll(period.toString(), limit);
    while (s.step()) {
        out.total = s.integer(3);
        TodoRow row;
        row.section = TodoSection::late_units;
        row.target = "dispatch";
        row.targetId = s.text(0);
        row.title = s.text(1);
        row.count = s.integer(2);
        row.period = period.toString();
        out.rows.push_back(std::move(row));
    }
    return out;
}

namespace {

TodoSectionRows readLetters(const Database& db, const Actor& actor, int limit) {
    const WarningFilter open = warningsFor(actor, true);  // warning_open
    TodoSectionRows out{TodoSection::letters, countWarnings(db, open), {}};
    for (const WarningRow& w : listWarnings(db, open, limit, 0)) {
        TodoRow row;
        row.section = TodoSection::letters;
        row.target = "warning";
        row.targetId = w.id;
        row.projectId = w.projectId;
        row.title = w.projectName;
        row.detail = w.reason;
        row.at = w.issuedAt;
        row.period = w.correctBy;
        row.level = w.level;
        out.rows.push_back(std::move(row));
    }
    return out;
}

TodoSectionRows readInboxItems(const Database& db, int limit) {
    TodoSectionRows out{TodoSection::inbox, countOpenInbox(db).total(), {}};  // inbox_open
    for (const InboxItem& item : readInbox(db, InboxFilter::open, limit)) {
        TodoRow row;
        row.section = TodoSection::inbox;
        row.target = "inbox";
        row.targetId = item.id;
        row.recordKind = item.entity;
        row.title = item.kind;  // rejected | conflict: the app words it
        row.detail = item.message;
        row.at = item.createdAt;
        out.rows.push_back(std::move(row));
    }
    return out;
}

TodoSectionRows readQueue(const Database& db, int limit) {
    TodoSectionRows out{TodoSection::queue, countReviewQueue(db), {}};
    for (const QueueRow& q : listReviewQueue(db, {}, limit, 0)) {
        TodoRow row;
        row.section = TodoSection::queue;
        row.recordKind = row.target = std::string(toString(q.entity));
        row.targetId = q.id;
        row.projectId = q.projectId;
        row.title = q.projectName;
        row.detail = q.summary;
        row.period = q.entity == Entity::progress_report ? q.when : std::string();
        row.at = q.entity == Entity::progress_report ? std::string() : q.when;
        out.rows.push_back(std::move(row));
    }
    return out;
}

TodoSectionRows readProposals(const Database& db, const Date& today, int limit) {
    // The proposals are computed for every project at once (a few queries, warnings.cpp); the
    // home shows the first and the count.
    const auto proposals = listWarningProposals(
        db, ProposalOptions{today, defaultFirstReportPeriod(today).toString(), {}});
    TodoSectionRows out{TodoSection::proposals, static_cast<int>(proposals.size()), {}};
    const auto shown = std::min<std::size_t>(proposals.size(), static_cast<std::size_t>(limit));
    for (std::size_t i = 0; i < shown; ++i) {
        TodoRow row;
        row.section = TodoSection::proposals;
        row.target = "proposals";
        row.projectId = proposals[i].projectId;
        row.title = proposals[i].projectName;
        row.detail = proposals[i].reason;
        row.level = proposals[i].finding.level;
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace

TodoHome readTodoHome(const Database& db, const Actor& actor, const Date& today, int limit,
                      TodoSection expanded, int expandedLimit) {
    TodoHome home;
    home.deadline = reportDeadline(today);
    home.latePeriod = lateCheckPeriod(today);
    for (const TodoSection section : todoSectionsFor(actor.role)) {
        const int n = section == expanded ? std::max(limit, expandedLimit) : limit;
        TodoSectionRows rows;
        switch (section) {
            case TodoSection::to_confirm:
                rows = readToConfirm(db, actor, n);
                break;
            case TodoSection::returned:
                rows = readReturned(db, actor, n);
                break;
            case TodoSection::report_due:
                rows = readReportsDue(db, actor, home.deadline.period, n);
                break;
            case TodoSection::letters:
                rows = readLetters(db, actor, n);
                break;
            case TodoSection::drafts:
                rows = readDrafts(db, actor, home.deadline.period, n);
                break;
            case TodoSection::inbox:
                rows = readInboxItems(db, n);
                break;
            case TodoSection::queue:
                rows = readQueue(db, n);
                break;
            case TodoSection::late_units:
                rows = readLateUnits(db, home.latePeriod, n);
                break;
            case TodoSection::proposals:
                rows = readProposals(db, today, n);
                break;
        }
        home.counts[section] = rows.total;
        home.sections.push_back(std::move(rows));
    }
    return home;
}

}  // namespace duban
