#pragma once
// Save on device A → seen on device B, with B live (issue 15): B keeps a long-polling pull open
// on a connection of its own, as the app does, and syncs as soon as it answers.
#include <vector>

#include "sync/cli/client_session.h"

namespace duban::bench {

// `samples` times: A saves and submits a site visit on `projectId` and syncs; the time until B's
// store holds it, in ms. Both devices' sessions stay open throughout, as two running apps.
[[nodiscard]] Result<std::vector<double>> measureLiveLatency(cli::Session& author,
                                                             cli::Session& watcher,
                                                             const std::string& projectId,
                                                             int samples);

}  // namespace duban::bench
