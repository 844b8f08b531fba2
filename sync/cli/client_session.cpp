#include "sync/cli/client_session.h"

#include <stdexcept>

#include "core/domain/dates.h"
#include "sync/cli/command_line.h"

namespace duban::cli {

using nlohmann::json;

Result<std::unique_ptr<Session>> openSession(const ProfileDir& dir) {
    auto profile = dir.load();
    if (!profile)
        return profile.error();
    if (profile->token.empty() || profile->deviceId.empty()) {
        return makeError("not_signed_in", "the profile in " + dir.path().string() +
                                              " is not signed in; run `duban-client login`.");
    }
    auto session = std::make_unique<Session>();
    session->profile = std::move(profile).value();
    session->actor = sync::actorFromUser(session->profile.user);
    auto store = LocalStore::open(dir.storeFile(), session->clock, session->profile.deviceId);
    if (!store)
        return store.error();
    session->store = std::move(store).value();
    return session;
}

Result<std::unique_ptr<sync::CurlTransport>> makeTransport(const ClientProfile& profile) {
    return sync::transportFor(profile, "duban-client/0.1");
}

std::string describeUser(const json& user) {
    std::string text = user.value("username", std::string());
    const std::string name = user.value("display_name", std::string());
    if (!name.empty())
        text += " (" + name + ")";
    text += ", " + user.value("role", std::string());
    if (user.contains("unit") && user["unit"].is_object())
        text += ", " + user["unit"].value("name", std::string());
    return text;
}

Result<Entity> entityOfRecord(const LocalStore& store, const std::string& id) {
    if (store.report(id))
        return Entity::progress_report;
    if (store.visit(id))
        return Entity::site_visit;
    return makeError("not_found", "no report or visit `" + id + "` on this device.");
}

std::optional<std::string> stateValue(const Database& db, const std::string& key) {
    Statement s = db.prepare("SELECT value FROM sync_state WHERE key = ?");
    s.bindAll(key);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

void setStateValue(const Database& db, const std::string& key, const std::string& value) {
    db.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)")
        .bindAll(key, value)
        .run();
}

int wholeNumber(const std::string& text, const std::string& option, int min, int max) {
    try {
        std::size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value >= min && value <= max)
            return value;
    } catch (const std::exception&) {
    }
    throw UsageError(option + " needs a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not `" + text + "`");
}

int limitOption(const Invocation& invocation) {
    const std::string text = invocation.option("--limit");
    return text.empty() ? 50 : wholeNumber(text, "--limit", 1, 10000);
}

Result<std::string> projectIdOf(const Database& db, const std::string& text) {
    Statement s = db.prepare(
        "SELECT id FROM project WHERE code = ?1 UNION SELECT id FROM project "
        "WHERE id = ?1 LIMIT 1");
    s.bindAll(text);
    if (!s.step()) {
        return makeError("not_found", "no project `" + text +
                                          "` on this device; sync first, or see "
                                          "`duban-client projects --search`.");
    }
    return s.text(0);
}

std::string recordSyncTime(const Session& session) {
    const std::string syncedAt = formatInstantUtc(session.clock.nowMs());
    setStateValue(session.store->database(), kLastSyncKey, syncedAt);
    return syncedAt;
}

}  // namespace duban::cli
