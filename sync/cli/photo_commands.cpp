// Photos from a terminal: add one to a draft, fetch one (or its thumbnail) into the local cache.
#include <nlohmann/json.hpp>

#include "core/domain/record_json.h"
#include "sync/blob_cache.h"
#include "sync/cli/client_session.h"
#include "sync/cli/commands.h"

namespace duban::cli {

using nlohmann::json;

int photoAddCommand(const Invocation& invocation, Io& io) {
    const std::string file = invocation.option("--file");
    if (file.empty())
        throw UsageError("photo add needs --file JPEG");
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    const std::string& ownerId = invocation.operands.at(0);
    const auto entity = entityOfRecord(*s.store, ownerId);
    if (!entity)
        return fail(io.err, entity.error());
    auto photo = s.store->attachPhoto(s.actor, entity.value(), ownerId, file,
                                      invocation.option("--caption"));
    if (!photo)
        return fail(io.err, photo.error());
    if (invocation.json) {
        json out = toJson(photo.value());
        out["id"] = photo->id;
        io.out << out.dump() << "\n";
    } else {
        io.out << "added photo " << photo->id << " (" << photo->width << "×" << photo->height
               << ", " << photo->size << " bytes) to " << ownerId
               << "; `duban-client sync` uploads it.\n";
    }
    return kExitOk;
}

int photoFetchCommand(const Invocation& invocation, Io& io) {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    auto transport = makeTransport(s.profile);
    if (!transport)
        return fail(io.err, transport.error());
    sync::BlobCache cache(*s.store, *transport.value());
    auto path = cache.fetchBlob(invocation.operands.at(0));
    if (!path)
        return fail(io.err, path.error());
    if (invocation.json)
        io.out << json{{"sha256", invocation.operands.at(0)}, {"path", path->string()}}.dump();
    else
        io.out << path->string();
    io.out << "\n";
    return kExitOk;
}

}  // namespace duban::cli
