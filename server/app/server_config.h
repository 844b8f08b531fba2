#pragma once
// Everything an operator can set, with the defaults of design.md §7. Set by flags, or by a JSON
// config file (flags win).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/sync_limits.h"
#include "core/util/result.h"

namespace duban::server {

struct ServerConfig {
    std::filesystem::path dataDir = "duban-data";
    std::string host = "127.0.0.1";
    int port = 8443;
    // Production certificate and key; without them a development CA and certificate are made in
    // DATA/tls on first start.
    std::optional<std::filesystem::path> certFile;
    std::optional<std::filesystem::path> keyFile;
    std::filesystem::path seedDir;  // imported on first start when set (the default: assets/seed)
    bool demo = false;              // create one demo account per role

    // Limits.
    std::size_t maxJsonBodyBytes = kMaxJsonBodyBytes;
    std::size_t maxBlobBytes = 30 * 1024 * 1024;
    std::size_t maxChunkBytes = kMaxChunkBytes;
    int maxPushMutations = kMaxPushMutations;
    int defaultPullLimit = kDefaultPullLimit;
    int maxPullLimit = kMaxPullLimit;
    int threads = 8;
    std::int64_t tokenLifetimeMs = 30LL * 24 * 3600 * 1000;
    std::int64_t uploadLifetimeMs = 24LL * 3600 * 1000;
    int maxFailedLogins = 5;
    std::int64_t lockoutMs = 15LL * 60 * 1000;
    int loginAttemptsPerMinutePerAddress = 20;
    std::uint64_t scryptN = 1u << 17;  // OWASP: N=2^17, r=8, p=1

    // Connections (docs/operations.md): requests waiting for a handler thread, caps on open
    // connections, and the deadlines of each stage of a connection.
    int maxQueuedRequests = 1024;
    int maxConnections = 20'000;
    int maxConnectionsPerAddress = 1'000;
    std::size_t maxHeaderBytes = 16 * 1024;
    std::int64_t handshakeTimeoutMs = 10'000;
    std::int64_t headerTimeoutMs = 10'000;
    std::int64_t keepAliveTimeoutMs = 75'000;
    std::int64_t bodyStallTimeoutMs = 30'000;
    std::size_t minBodyBytesPerSecond = 1024;
    // Load balancers whose X-Forwarded-For / Forwarded headers name the device (exact addresses).
    std::vector<std::string> trustedProxies;

    [[nodiscard]] std::filesystem::path databaseFile() const { return dataDir / "duban.db"; }
    [[nodiscard]] std::filesystem::path blobDir() const { return dataDir / "blobs"; }
    [[nodiscard]] std::filesystem::path uploadDir() const { return dataDir / "uploads"; }
    [[nodiscard]] std::filesystem::path logFile() const { return dataDir / "server.log"; }
};

// Parses `serve` options: --data DIR --listen HOST:PORT --cert FILE --key FILE --seed DIR --demo
// --config FILE (JSON with the same names in snake_case, and the limits). Unknown options are
// errors that say which.
[[nodiscard]] Result<ServerConfig> parseServeOptions(const std::vector<std::string>& args);

}  // namespace duban::server
