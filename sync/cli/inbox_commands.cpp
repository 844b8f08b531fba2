// The inbox from a terminal: what the server refused or what lost to another device's edit, and
// the user's decision on each (resubmit, with corrections, or discard).
#include <nlohmann/json.hpp>

#include "core/store/inbox.h"
#include "sync/cli/client_session.h"
#include "sync/cli/commands.h"

namespace duban::cli {
namespace {

using nlohmann::json;

json itemJson(const InboxItem& item) {
    return json{{"id", item.id},
                {"kind", item.kind},
                {"entity", item.entity},
                {"record_id", item.recordId},
                {"code", item.code},
                {"message", item.message},
                {"typed", item.typedFields()},
                {"mutation", item.mutation},
                {"server_record", item.serverRecord ? *item.serverRecord : json(nullptr)},
                {"created_at", item.createdAt},
                {"resolved_at", item.resolvedAt ? json(*item.resolvedAt) : json(nullptr)},
                {"resolution", item.resolution ? json(*item.resolution) : json(nullptr)}};
}

}  // namespace

int inboxCommand(const Invocation& invocation, Io& io) {
    const auto read = readStore(invocation, io, [&](const Session& s) {
        return readInbox(s.store->database(),
                         invocation.has("--all") ? InboxFilter::all : InboxFilter::open, 200);
    });
    if (!read)
        return kExitFailure;
    const std::vector<InboxItem>& items = *read;
    if (invocation.json) {
        json list = json::array();
        for (const InboxItem& item : items)
            list.push_back(itemJson(item));
        io.out << list.dump() << "\n";
        return kExitOk;
    }
    if (items.empty())
        io.out << "the inbox is empty.\n";
    for (const InboxItem& item : items) {
        io.out << item.id << "  " << (item.kind == "conflict" ? "conflict" : "refused") << "  "
               << item.entity << " " << item.recordId << "\n    " << item.message << " ("
               << item.code << ")\n";
        if (const json typed = item.typedFields(); !typed.empty())
            io.out << "    you typed: " << typed.dump() << "\n";
        if (item.resolution)
            io.out << "    " << *item.resolution << " at " << item.resolvedAt.value_or("") << "\n";
    }
    return kExitOk;
}

int resolveCommand(const Invocation& invocation, Io& io) {
    const bool resubmit = invocation.command() == "resubmit";
    json edits = json::object();
    if (const std::string text = invocation.option("--set"); !text.empty()) {
        edits = json::parse(text, nullptr, false);
        if (!edits.is_object())
            throw UsageError(
                "--set takes a JSON object of fields, e.g. '{\"percent_complete\": 80}'");
    }
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    const std::string& id = invocation.operands.at(0);
    if (Status done = s.store->resolveInbox(
            s.actor, id, resubmit ? InboxAction::resubmit : InboxAction::discard, edits);
        !done) {
        return fail(io.err, done.error());
    }
    if (invocation.json) {
        io.out << json{{"id", id}, {"resolution", resubmit ? "resubmitted" : "discarded"}}.dump()
               << "\n";
    } else {
        io.out << (resubmit ? "resubmitted " : "discarded ") << id
               << (resubmit ? "; `duban-client sync` sends it.\n" : ".\n");
    }
    return kExitOk;
}

}  // namespace duban::cli
