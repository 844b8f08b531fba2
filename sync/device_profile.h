#pragma once
// A device profile (duban-client's and the app's): one data folder holding who the client is
// (profile.json, 0600 because it carries the bearer token) and its local store (store.db). The
// device id is made once per profile, so signing in again from the same folder replaces that
// device's session.
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/rules/access.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "sync/curl_transport.h"

namespace duban::sync {

struct ClientProfile {
    std::string server;
    std::string caFile;
    std::string username;
    std::string deviceId;
    std::string token;
    nlohmann::json user = nlohmann::json::object();
};

class ProfileDir {
public:
    explicit ProfileDir(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    [[nodiscard]] const std::filesystem::path& path() const { return m_dir; }
    [[nodiscard]] std::filesystem::path profileFile() const { return m_dir / "profile.json"; }
    [[nodiscard]] std::filesystem::path storeFile() const { return m_dir / "store.db"; }

    // "profile_missing" when the folder has no profile yet (sign in first).
    [[nodiscard]] Result<ClientProfile> load() const;
    // Creates the folder (0700) and writes profile.json with mode 0600, replacing it atomically.
    [[nodiscard]] Status save(const ClientProfile& profile) const;

private:
    std::filesystem::path m_dir;
};

// A transport to the profile's server, trusting its CA file and carrying its token.
[[nodiscard]] Result<std::unique_ptr<CurlTransport>> transportFor(const ClientProfile& profile,
                                                                  std::string userAgent);

// The signed-in user as the core rules see them, from the server's `user` object.
[[nodiscard]] Actor actorFromUser(const nlohmann::json& user);

// A fresh UUIDv7 for a new profile's device.
[[nodiscard]] std::string newDeviceId(const Clock& clock);

}  // namespace duban::sync
