#pragma once
// Signing a device in (POST /v1/auth/login): the token the transport then carries, and who the
// server says the user is. Used by duban-client and the app alike.
#include <string>

#include <nlohmann/json.hpp>

#include "core/util/result.h"
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

}  // namespace duban::sync
