#include "sync/cli/client_commands.h"

#include <iostream>

#include "sync/cli/commands.h"

namespace duban::cli {
namespace {

using Command = int (*)(const Invocation&, Io&);

struct Entry {
    CommandSpec spec;
    Command run;
};

const std::vector<Entry>& commands() {
    static const std::vector<Entry> entries = {
        {{"login",
          {"--server", "--ca", "--username"},
          {},
          {},
          "sign in (password: DUBAN_PASSWORD or stdin)"},
         loginCommand},
        {{"sync", {}, {}, {}, "push local edits, upload photos, pull server changes"}, syncCommand},
        {{"status", {}, {}, {}, "pending edits, open inbox (refused, conflicts), last sync"},
         statusCommand},
        {{"projects",
          {"--search", "--limit"},
          {},
          {},
          "projects on this device (search: name, unit, scope)"},
         projectsCommand},
        {{"records",
          {"--state", "--project", "--limit"},
          {},
          {},
          "reports and visits, newest first"},
         recordsCommand},
        {{"visit add",
          {"--project", "--at", "--lat", "--lon", "--accuracy", "--position-source", "--notes",
           "--people", "--photo"},
          {"--submit"},
          {},
          "a site visit (--project CODE, --notes, --lat/--lon, --photo JPEG…)"},
         visitAddCommand},
        {{"report add",
          {"--project", "--period", "--investment", "--percent", "--narrative", "--problems",
           "--coordination", "--milestone", "--photo"},
          {"--submit"},
          {},
          "a monthly report (--investment in 万元)"},
         reportAddCommand},
        {{"submit", {}, {}, {"ID"}, "submit a draft or returned record"}, transitionCommand},
        {{"confirm", {}, {}, {"ID"}, "confirm a submitted record (enterprise)"}, transitionCommand},
        {{"dispute", {"--comment"}, {}, {"ID"}, "dispute a submitted record, with --comment"},
         transitionCommand},
        {{"approve", {}, {}, {"ID"}, "approve (supervisor)"}, transitionCommand},
        {{"return",
          {"--comment"},
          {},
          {"ID"},
          "return for correction, with --comment (supervisor)"},
         transitionCommand},
        {{"photo add", {"--file", "--caption"}, {}, {"ID"}, "add a photo to a draft (--file JPEG)"},
         photoAddCommand},
        {{"photo fetch", {}, {}, {"SHA256"}, "download a photo or thumbnail into the cache"},
         photoFetchCommand},
        {{"inbox", {}, {"--all"}, {}, "what the server refused or lost to a later edit"},
         inboxCommand},
        {{"resubmit",
          {"--set"},
          {},
          {"ID"},
          "send an inbox item again (--set '{\"field\": value}')"},
         resolveCommand},
        {{"discard", {}, {}, {"ID"}, "let an inbox item go (kept as a record)"}, resolveCommand},
        {{"warnings", {"--limit"}, {"--open"}, {}, "warning letters to your unit, newest first"},
         warningsCommand},
        {{"warning propose",
          {"--since"},
          {},
          {},
          "lag findings without a letter (supervisor; --since YYYY-MM: reports required from)"},
         warningProposeCommand},
        {{"warning issue",
          {"--project", "--milestone", "--level", "--correct-by", "--number", "--since"},
          {},
          {},
          "issue the letter for a finding (--project CODE --level N --correct-by DATE)"},
         warningIssueCommand},
        {{"warning ack", {"--comment"}, {}, {"ID"}, "acknowledge a letter to your unit"},
         warningAckCommand},
    };
    return entries;
}

std::vector<CommandSpec> specs() {
    std::vector<CommandSpec> list;
    for (const Entry& entry : commands())
        list.push_back(entry.spec);
    return list;
}

}  // namespace

int runClient(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err) {
    const std::vector<CommandSpec> all = specs();
    Io io{in, out, err};
    try {
        const Invocation invocation = parseCommandLine(args, all);
        for (const Entry& entry : commands()) {
            if (entry.spec.name == invocation.command())
                return entry.run(invocation, io);
        }
        throw UsageError("unknown command `" + invocation.command() + "`");
    } catch (const UsageError& e) {
        err << "duban-client: " << e.message << "\n" << usageText(all);
        return kExitUsage;
    }
}

int runClient(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runClient(args, std::cin, out, err);
}

}  // namespace duban::cli
