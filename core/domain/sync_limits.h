#pragma once
// The numbers of the sync protocol (docs/api.md) that the server enforces and a device fills:
// one spelling each, so the device's batches, pages and chunks are never ones the server refuses.
// An operator may set the server's limits (ServerConfig); these are its defaults.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace duban {

inline constexpr int kMaxPushMutations = 500;  // mutations in one push
inline constexpr int kDefaultPullLimit = 500;  // changes in a pull page without ?limit
inline constexpr int kMaxPullLimit = 2000;     // changes in one pull page
// A pull with ?wait=S is held up to S seconds for a change (a long-poll); S at most this, below
// the keep-alive of proxies and mobile networks.
inline constexpr int kMaxPullWaitSeconds = 30;
inline constexpr std::size_t kMaxJsonBodyBytes = 1024 * 1024;  // any JSON request body
// A device keeps a push body under this, well below kMaxJsonBodyBytes: a batch of long narratives
// goes in more requests, never as one the server turns away.
inline constexpr std::size_t kPushBodyBudgetBytes = 768 * 1024;
inline constexpr std::int64_t kFirstChunkBytes = 1024 * 1024;    // a photo upload's first PATCH
inline constexpr std::int64_t kMaxChunkBytes = 8 * 1024 * 1024;  // any PATCH (413 above)
inline constexpr std::string_view kTusVersion = "1.0.0";         // Tus-Resumable, Tus-Version

}  // namespace duban
