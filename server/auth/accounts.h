#pragma once
// Accounts: creating users, signing in and out, passwords, disabling and role changes. Every
// change that affects what a user may do ends that user's sessions.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/domain/types.h"
#include "core/store/database.h"
#include "core/util/result.h"
#include "core/util/uuid.h"
#include "server/app/server_config.h"

namespace duban::server {

struct NewAccount {
    std::string username;
    std::string displayName;
    Role role = Role::field;
    std::string unit;  // unit name, alias or id
    std::string phone;
    std::string password;
    std::vector<std::string> supervisedUnits;  // names, aliases or ids; supervisors only
};

// Resolves a unit by id, name or alias.
[[nodiscard]] std::optional<std::string> findUnitId(const Database& db, std::string_view unit);

// Creates the user and its account (call inside a transaction). Errors: invalid, exists.
[[nodiscard]] Result<std::string> createAccount(const Database& db, UuidGenerator& ids,
                                                const NewAccount& account,
                                                const ServerConfig& config, std::int64_t nowMs);

struct LoginRequest {
    std::string username;
    std::string password;
    std::string deviceId;
    std::string deviceName;
};
struct LoginGrant {
    std::string token;
    std::int64_t expiresAtMs = 0;
    std::string userId;
};
// Checks the password with lockout after repeated failures ("locked" with the minutes left),
// records the outcome, and issues a new device token (replacing that device's earlier one).
[[nodiscard]] Result<LoginGrant> login(const Database& db, const LoginRequest& request,
                                       const ServerConfig& config, std::int64_t nowMs);

[[nodiscard]] Status changePassword(const Database& db, const std::string& userId,
                                    const std::string& current, const std::string& next,
                                    const ServerConfig& config, std::int64_t nowMs);

struct AccountChange {
    std::optional<Role> role;
    std::optional<std::string> unit;
    std::optional<bool> disabled;
    std::optional<std::string> password;
    std::optional<std::string> displayName;
    std::optional<std::vector<std::string>> supervisedUnits;
};
// Applies an administrator's change; a new role, unit, supervised units or password, or disabling,
// revokes every token of the user. Returns what changed, for the audit log.
[[nodiscard]] Result<nlohmann::json> changeAccount(const Database& db, const std::string& userId,
                                                   const AccountChange& change,
                                                   const ServerConfig& config, std::int64_t nowMs);

void revokeTokens(const Database& db, const std::string& userId, std::int64_t nowMs);
[[nodiscard]] std::optional<std::string> findUserId(const Database& db,
                                                    std::string_view usernameOrId);

// The user as the API shows it: id, username, display_name, role, unit {id, name, kind}, phone,
// disabled, supervised_units.
[[nodiscard]] nlohmann::json userJson(const Database& db, const std::string& userId);
// A page of users in username order, in one query.
[[nodiscard]] nlohmann::json usersJson(const Database& db, std::int64_t limit, std::int64_t offset);

}  // namespace duban::server
