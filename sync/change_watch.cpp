#include "sync/change_watch.h"

#include <nlohmann/json.hpp>

#include "sync/sync_engine.h"

namespace duban::sync {

Result<WatchOutcome> watchForChanges(HttpTransport& transport, const PullPosition& from,
                                     std::chrono::seconds wait) {
    HttpRequest request;
    request.method = "GET";
    request.path = "/v1/sync/pull?after=" + std::to_string(from.cursor) +
                   "&limit=1&wait=" + std::to_string(wait.count());
    auto response = transport.send(request);
    if (!response)
        return response.error();
    if (response->status != 200)
        return detail::responseError(response.value(), "the server refused to wait for changes");
    const auto body = nlohmann::json::parse(response->body, nullptr, false);
    if (!body.is_object() || !body.contains("changes") || !body["changes"].is_array() ||
        !body.contains("next") || !body["next"].is_number_integer()) {
        return makeError("sync_bad_response", "the pull answer was not a page of changes.");
    }
    WatchOutcome outcome;
    outcome.seen.cursor = body["next"].get<std::int64_t>();
    outcome.seen.scope = body.value("scope", "");
    outcome.changed = !body["changes"].empty() || body.value("more", false) ||
                      (!from.scope.empty() && outcome.seen.scope != from.scope);
    return outcome;
}

}  // namespace duban::sync
