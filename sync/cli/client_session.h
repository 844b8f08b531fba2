#pragma once
// What the commands after `login` share: the signed-in profile, the user as the core rules see
// them (Actor), the local store, and a transport to the profile's server.
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "core/rules/access.h"
#include "core/store/local_store.h"
#include "core/util/clock.h"
#include "sync/cli/command_line.h"
#include "sync/curl_transport.h"
#include "sync/device_profile.h"

namespace duban::cli {

using sync::ClientProfile;
using sync::newDeviceId;
using sync::ProfileDir;

struct Session {
    ClientProfile profile;
    Actor actor;
    SystemClock clock;
    std::unique_ptr<LocalStore> store;
};

// "not_signed_in" when the profile has no token yet.
[[nodiscard]] Result<std::unique_ptr<Session>> openSession(const ProfileDir& dir);
// What a listing command reads: `read(const Session&)` with the profile's session open. Nothing
// when the session cannot open or the store fails — said on `io.err` already, the command exits
// with kExitFailure.
template <class Read>
[[nodiscard]] auto readStore(const Invocation& invocation, Io& io, Read read)
    -> std::optional<std::invoke_result_t<Read, const Session&>> {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session) {
        fail(io.err, session.error());
        return std::nullopt;
    }
    try {
        return read(*session.value());
    } catch (const DatabaseError& e) {
        fail(io.err, makeError("store_failed", e.what()));
        return std::nullopt;
    }
}

[[nodiscard]] Result<std::unique_ptr<sync::CurlTransport>> makeTransport(
    const ClientProfile& profile);
// "demo-field (演示), field, 市科工信局".
[[nodiscard]] std::string describeUser(const nlohmann::json& user);

// Reports and visits share one id space (UUIDs): the table that holds `id` names its entity.
[[nodiscard]] Result<Entity> entityOfRecord(const LocalStore& store, const std::string& id);

// A whole number option from `min` to `max`, or a UsageError naming the option.
[[nodiscard]] int wholeNumber(const std::string& text, const std::string& option, int min, int max);
// --limit: how many rows a list shows, 50 unless given.
[[nodiscard]] int limitOption(const Invocation& invocation);
// A project named by its code (key_projects_2022#1) or its id.
[[nodiscard]] Result<std::string> projectIdOf(const Database& db, const std::string& text);

// The device's own small facts (last sync time) in sync_state.
[[nodiscard]] std::optional<std::string> stateValue(const Database& db, const std::string& key);
void setStateValue(const Database& db, const std::string& key, const std::string& value);
inline constexpr const char* kLastSyncKey = "last_sync_at";
// Stores now as the last sync time (after a sync that succeeded); returns what it stored.
std::string recordSyncTime(const Session& session);

}  // namespace duban::cli
