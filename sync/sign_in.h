#pragma once
// Signing a device in (POST /v1/auth/login): the token the transport then carries, and who the
// server says the user is. Used by duban-client and the app alike.
#include <string>

#include <nlohmann/json.hpp>

#include "core/util/clock.h"
#include "core/util/result.h"
#include "sync/device_profile.h"
#include "sync/http_transport.h"

namespace duban::sync {

struct SignedIn {
    std::string token;
    nlohmann::json user = nlohmann::json::object();  // id, username, display_name, role, unit, …
    std::string expiresAt;
};

// Errors: the transport's, the server's refusal (its code and message: "invalid_credentials",
// "locked", …), "bad_response".
[[nodiscard]] Result<SignedIn> signIn(HttpTransport& transport, const std::string& username,
                                      const std::string& password, const std::string& deviceId,
                                      const std::string& deviceName);

struct SignInRequest {
    std::string server;  // https://host:port
    std::string caFile;  // the server's CA (PEM); empty: the system's CAs
    std::string username;
    std::string password;
    std::string deviceName;  // shown to admins: "duban-client", "duban (Linux)"
    std::string userAgent;
};

// Signs the profile folder's device in and saves the profile (token, user) there. A folder holds
// one user's data and unsent edits: signing in as someone else, or to another server, is refused
// ("profile_in_use"). The device id is made once per folder and kept, from the caller's `clock`
// (the app's injected one, the CLI's SystemClock, a test's).
[[nodiscard]] Result<ClientProfile> signInProfile(const ProfileDir& dir,
                                                  const SignInRequest& request, const Clock& clock,
                                                  SignedIn* details = nullptr);

}  // namespace duban::sync
