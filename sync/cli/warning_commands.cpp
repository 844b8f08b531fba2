// Warning letters (督办函) from a terminal: the letters to the user's unit, a supervisor's
// proposals (the lag findings no letter answers yet), issuing one, and acknowledging one. The
// rules are core's (LocalStore, lag_warnings); this file only reads options and prints.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/domain/dates.h"
#include "core/rules/letter_defaults.h"
#include "core/store/warnings.h"
#include "sync/cli/client_session.h"
#include "sync/cli/commands.h"

namespace duban::cli {
namespace {

using nlohmann::json;

json optionalJson(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

json warningJson(const WarningRow& w) {
    return json{{"id", w.id},
                {"project_id", w.projectId},
                {"project_code", w.projectCode},
                {"project_name", w.projectName},
                {"milestone_id", optionalJson(w.milestoneId)},
                {"milestone_title", w.milestoneTitle},
                {"milestone_due", w.milestoneDue},
                {"level", w.level},
                {"letter", std::string(letterName(w.level))},
                {"reason_code", w.reasonCode},
                {"reason", w.reason},
                {"number", w.number},
                {"correct_by", w.correctBy},
                {"issued_at", w.issuedAt},
                {"issued_by", w.issuedBy},
                {"acknowledged_at", optionalJson(w.acknowledgedAt)},
                {"version", w.version}};
}

json proposalJson(const WarningProposal& p) {
    return json{{"project_id", p.projectId},
                {"project_code", p.projectCode},
                {"project_name", p.projectName},
                {"milestone_id", optionalJson(p.finding.milestoneId)},
                {"milestone_title", p.milestoneTitle},
                {"period", optionalJson(p.finding.period)},
                {"level", p.finding.level},
                {"letter", std::string(letterName(p.finding.level))},
                {"reason_code", std::string(toString(p.finding.reason))},
                {"reason", p.reason},
                {"days", p.finding.days}};
}

// Reports are required from --since (YYYY-MM), by default from core's letter default.
ProposalOptions proposalOptions(const Invocation& invocation, const Session& s) {
    ProposalOptions options;
    options.today = dateAt(s.clock.nowMs());
    options.firstReportPeriod = invocation.option("--since");
    if (options.firstReportPeriod.empty())
        options.firstReportPeriod = defaultFirstReportPeriod(options.today).toString();
    else if (!parsePeriod(options.firstReportPeriod))
        throw UsageError("--since needs a month written YYYY-MM");
    return options;
}

}  // namespace

int warningsCommand(const Invocation& invocation, Io& io) {
    const int limit = limitOption(invocation);
    const auto read = readStore(invocation, io, [&](const Session& s) {
        return listWarnings(s.store->database(), warningsFor(s.actor, invocation.has("--open")),
                            limit, 0);
    });
    if (!read)
        return kExitFailure;
    const std::vector<WarningRow>& rows = *read;
    if (invocation.json) {
        json list = json::array();
        for (const WarningRow& row : rows)
            list.push_back(warningJson(row));
        io.out << list.dump() << "\n";
        return kExitOk;
    }
    if (rows.empty())
        io.out << "no warnings.\n";
    for (const WarningRow& w : rows) {
        io.out << w.id << "  " << (w.number.empty() ? "(文号 on sync)" : w.number) << "  "
               << letterName(w.level) << "  " << w.projectCode << " " << w.projectName << "\n    "
               << w.reason << "; correct by " << w.correctBy << "; "
               << (w.acknowledgedAt ? "acknowledged " + *w.acknowledgedAt : "not acknowledged")
               << "\n";
    }
    return kExitOk;
}

int warningProposeCommand(const Invocation& invocation, Io& io) {
    const auto read = readStore(invocation, io, [&](const Session& s) {
        return listWarningProposals(s.store->database(), proposalOptions(invocation, s));
    });
    if (!read)
        return kExitFailure;
    const std::vector<WarningProposal>& proposals = *read;
    if (invocation.json) {
        json list = json::array();
        for (const WarningProposal& p : proposals)
            list.push_back(proposalJson(p));
        io.out << list.dump() << "\n";
        return kExitOk;
    }
    if (proposals.empty())
        io.out << "no findings without a letter.\n";
    for (const WarningProposal& p : proposals) {
        io.out << p.projectCode << "  level " << p.finding.level << " "
               << letterName(p.finding.level) << "  " << p.projectName << "\n    " << p.reason;
        if (p.finding.milestoneId)
            io.out << " (--milestone " << *p.finding.milestoneId << ")";
        io.out << "\n";
    }
    return kExitOk;
}

int warningIssueCommand(const Invocation& invocation, Io& io) {
    const std::string levelText = invocation.option("--level");
    if (levelText.empty())
        throw UsageError("`warning issue` needs --level 1, 2 or 3");
    const int level = wholeNumber(levelText, "--level", 1, 3);
    const std::string correctBy = invocation.option("--correct-by");
    if (correctBy.empty())
        throw UsageError("`warning issue` needs --correct-by YYYY-MM-DD");
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    auto projectId = projectIdOf(s.store->database(), invocation.option("--project"));
    if (!projectId)
        return fail(io.err, projectId.error());
    const std::string milestone = invocation.option("--milestone");
    // The letter answers one of the project's current findings: the one the options name.
    const std::vector<WarningProposal> proposals =
        listWarningProposals(s.store->database(), proposalOptions(invocation, s));
    const auto chosen =
        std::find_if(proposals.begin(), proposals.end(), [&](const WarningProposal& p) {
            return p.projectId == projectId.value() && p.finding.level == level &&
                   (milestone.empty() || p.finding.milestoneId.value_or("") == milestone);
        });
    if (chosen == proposals.end()) {
        return fail(io.err, makeError("not_found", "no level " + levelText +
                                                       " finding without a letter on this "
                                                       "project" +
                                                       (milestone.empty() ? "" : " and milestone") +
                                                       "; see `duban-client warning propose`."));
    }
    auto issued = s.store->issueWarning(s.actor, *chosen, correctBy, invocation.option("--number"));
    if (!issued)
        return fail(io.err, issued.error());
    const auto row = loadWarning(s.store->database(), issued.value().id);
    if (invocation.json) {
        io.out << warningJson(*row).dump() << "\n";
    } else {
        io.out << "issued " << letterName(level) << " " << row->id << ": " << row->reason
               << "; `duban-client sync` sends it.\n";
    }
    return kExitOk;
}

int warningAckCommand(const Invocation& invocation, Io& io) {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    const std::string& id = invocation.operands.at(0);
    if (Status done = s.store->transition(s.actor, Entity::warning, id, Transition::acknowledge,
                                          invocation.option("--comment"));
        !done) {
        return fail(io.err, done.error());
    }
    const auto row = loadWarning(s.store->database(), id);
    if (invocation.json) {
        io.out << warningJson(*row).dump() << "\n";
    } else {
        io.out << "acknowledged " << id << "; `duban-client sync` sends it.\n";
    }
    return kExitOk;
}

}  // namespace duban::cli
