#include "server/app/server_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>

#include "server/http/address_range.h"

namespace duban::server {
namespace {

using nlohmann::json;

Status parseListen(const std::string& value, ServerConfig& config) {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return makeError("invalid_option", "--listen takes HOST:PORT, e.g. 127.0.0.1:8443");
    }
    int port = 0;
    const std::string portText = value.substr(colon + 1);
    auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc{} || end != portText.data() + portText.size() || port < 0 ||
        port > 65535) {
        return makeError("invalid_option", "--listen port must be a number from 0 to 65535");
    }
    config.host = value.substr(0, colon);
    config.port = port;
    return Ok{};
}

template <class T>
Status readNumber(const json& file, const char* key, T& out) {
    if (!file.contains(key))
        return Ok{};
    if (!file[key].is_number_integer() || file[key].get<std::int64_t>() < 0) {
        return makeError("invalid_config",
                         std::string("config: '") + key + "' must be a non-negative integer");
    }
    out = file[key].get<T>();
    return Ok{};
}

Status applyConfigFile(const std::filesystem::path& path, ServerConfig& config) {
    std::ifstream in(path);
    if (!in)
        return makeError("invalid_config", "cannot read the config file " + path.string());
    json file;
    try {
        file = json::parse(in);
    } catch (const json::parse_error& e) {
        return makeError("invalid_config",
                         "the config file is not valid JSON: " + std::string(e.what()));
    }
    if (!file.is_object())
        return makeError("invalid_config", "the config file must hold a JSON object");
    static const std::vector<std::string> known{"data",
                                                "listen",
                                                "cert",
                                                "key",
                                                "seed",
                                                "demo",
                                                "max_json_body_bytes",
                                                "max_blob_bytes",
                                                "max_chunk_bytes",
                                                "max_push_mutations",
                                                "default_pull_limit",
                                                "max_pull_limit",
                                                "threads",
                                                "token_lifetime_ms",
                                                "upload_lifetime_ms",
                                                "max_failed_logins",
                                                "lockout_ms",
                                                "login_attempts_per_minute_per_address",
                                                "scrypt_n",
                                                "max_queued_requests",
                                                "max_connections",
                                                "max_connections_per_address",
                                                "max_header_bytes",
                                                "handshake_timeout_ms",
                                                "header_timeout_ms",
                                                "keep_alive_timeout_ms",
                                                "body_stall_timeout_ms",
                                                "min_body_bytes_per_second",
                                                "trusted_proxies"};
    for (const auto& [key, value] : file.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            return makeError("invalid_config", "config: unknown setting '" + key + "'");
        }
    }
    const auto text = [&](const char* key) -> std::optional<std::string> {
        if (!file.contains(key))
            return std::nullopt;
        return file[key].is_string() ? std::optional(file[key].get<std::string>()) : std::nullopt;
    };
    if (auto v = text("data"))
        config.dataDir = *v;
    if (auto v = text("listen")) {
        if (auto s = parseListen(*v, config); !s)
            return s;
    }
    if (auto v = text("cert"))
        config.certFile = *v;
    if (auto v = text("key"))
        config.keyFile = *v;
    if (auto v = text("seed"))
        config.seedDir = *v;
    if (file.contains("trusted_proxies")) {
        const json& proxies = file["trusted_proxies"];
        const auto isAddress = [](const json& p) {
            return p.is_string() && AddressRange::parse(p.get<std::string>()).has_value();
        };
        if (!proxies.is_array() || !std::all_of(proxies.begin(), proxies.end(), isAddress)) {
            return makeError("invalid_config",
                             "config: 'trusted_proxies' must be a list of IP addresses or CIDR "
                             "ranges, such as [\"10.0.0.5\", \"10.1.0.0/16\", \"fd00::/8\"]");
        }
        config.trustedProxies = proxies.get<std::vector<std::string>>();
    }
    if (file.contains("demo"))
        config.demo = file["demo"].is_boolean() && file["demo"].get<bool>();
    for (const Status& s :
         {readNumber(file, "max_json_body_bytes", config.maxJsonBodyBytes),
          readNumber(file, "max_blob_bytes", config.maxBlobBytes),
          readNumber(file, "max_chunk_bytes", config.maxChunkBytes),
          readNumber(file, "max_push_mutations", config.maxPushMutations),
          readNumber(file, "default_pull_limit", config.defaultPullLimit),
          readNumber(file, "max_pull_limit", config.maxPullLimit),
          readNumber(file, "threads", config.threads),
          readNumber(file, "token_lifetime_ms", config.tokenLifetimeMs),
          readNumber(file, "upload_lifetime_ms", config.uploadLifetimeMs),
          readNumber(file, "max_failed_logins", config.maxFailedLogins),
          readNumber(file, "lockout_ms", config.lockoutMs),
          readNumber(file, "login_attempts_per_minute_per_address",
                     config.loginAttemptsPerMinutePerAddress),
          readNumber(file, "scrypt_n", config.scryptN),
          readNumber(file, "max_queued_requests", config.maxQueuedRequests),
          readNumber(file, "max_connections", config.maxConnections),
          readNumber(file, "max_connections_per_address", config.maxConnectionsPerAddress),
          readNumber(file, "max_header_bytes", config.maxHeaderBytes),
          readNumber(file, "handshake_timeout_ms", config.handshakeTimeoutMs),
          readNumber(file, "header_timeout_ms", config.headerTimeoutMs),
          readNumber(file, "keep_alive_timeout_ms", config.keepAliveTimeoutMs),
          readNumber(file, "body_stall_timeout_ms", config.bodyStallTimeoutMs),
          readNumber(file, "min_body_bytes_per_second", config.minBodyBytesPerSecond)}) {
        if (!s)
            return s;
    }
    return Ok{};
}

}  // namespace

Result<ServerConfig> parseServeOptions(const std::vector<std::string>& args) {
    ServerConfig config;
    // The config file first, so flags given with it win.
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--config") {
            if (auto s = applyConfigFile(args[i + 1], config); !s)
                return s.error();
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        const auto value = [&]() -> const std::string& { return args[++i]; };
        if (arg == "--demo") {
            config.demo = true;
        } else if (!hasValue && (arg == "--data" || arg == "--listen" || arg == "--cert" ||
                                 arg == "--key" || arg == "--seed" || arg == "--config")) {
            return makeError("invalid_option", arg + " needs a value");
        } else if (arg == "--data") {
            config.dataDir = value();
        } else if (arg == "--listen") {
            if (auto s = parseListen(value(), config); !s)
                return s.error();
        } else if (arg == "--cert") {
            config.certFile = value();
        } else if (arg == "--key") {
            config.keyFile = value();
        } else if (arg == "--seed") {
            config.seedDir = value();
        } else if (arg == "--config") {
            ++i;  // applied above
        } else {
            return makeError("invalid_option",
                             "unknown option '" + arg + "' (see duban-server --help)");
        }
    }
    if (config.certFile.has_value() != config.keyFile.has_value()) {
        return makeError("invalid_option", "--cert and --key go together");
    }
    return config;
}

}  // namespace duban::server
