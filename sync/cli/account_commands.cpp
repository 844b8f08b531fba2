// login, sync, status: the device's relation to its server.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "core/store/blob_uploads.h"
#include "core/store/inbox.h"
#include "sync/cli/client_session.h"
#include "sync/cli/commands.h"
#include "sync/sign_in.h"
#include "sync/sync_engine.h"

namespace duban::cli {

using nlohmann::json;

int loginCommand(const Invocation& invocation, Io& io) {
    const std::string server = invocation.option("--server");
    const std::string username = invocation.option("--username");
    if (server.empty() || username.empty())
        throw UsageError("login needs --server URL and --username NAME");
    std::string password;
    if (const char* fromEnv = std::getenv("DUBAN_PASSWORD"); fromEnv != nullptr) {
        password = fromEnv;
    } else if (!std::getline(io.in, password) || password.empty()) {
        return fail(io.err, makeError("password_missing",
                                      "no password: set DUBAN_PASSWORD or give it on stdin."));
    }

    const ProfileDir dir(invocation.profileDir);
    sync::SignInRequest request;
    request.server = server;
    request.caFile = invocation.option("--ca");
    request.username = username;
    request.password = password;
    request.deviceName = "duban-client";
    request.userAgent = "duban-client/0.1";
    sync::SignedIn signedIn;
    const SystemClock clock;
    auto signedInProfile = sync::signInProfile(dir, request, clock, &signedIn);
    if (!signedInProfile) {
        Error error = signedInProfile.error();
        if (error.code == "profile_in_use")
            error.message += " (--profile DIR)";
        return fail(io.err, error);
    }
    const ClientProfile& profile = signedInProfile.value();
    if (invocation.json) {
        io.out << json{{"user", profile.user},
                       {"device_id", profile.deviceId},
                       {"expires_at", signedIn.expiresAt},
                       {"profile", dir.path().string()}}
                      .dump()
               << "\n";
    } else {
        io.out << "signed in as " << describeUser(profile.user) << "\n";
    }
    return kExitOk;
}

int syncCommand(const Invocation& invocation, Io& io) {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    auto transport = makeTransport(s.profile);
    if (!transport)
        return fail(io.err, transport.error());
    sync::SyncOptions options;
    options.deviceId = s.profile.deviceId;
    sync::SyncEngine engine(*s.store, *transport.value(), options);
    auto report = engine.syncOnce();
    if (!report) {
        Error error = report.error();
        if (error.code == "unauthorized")
            error.message += "; sign in again with `duban-client login`.";
        return fail(io.err, error);
    }
    std::string syncedAt;
    try {
        syncedAt = recordSyncTime(s);
    } catch (const DatabaseError& e) {
        return fail(io.err, makeError("store_failed", std::string("sync done, but ") + e.what()));
    }
    const sync::SyncReport& r = report.value();
    if (invocation.json) {
        io.out << json{{"pushed", r.pushed},
                       {"applied", r.applied},
                       {"merged", r.merged},
                       {"duplicates", r.duplicates},
                       {"rejected", r.rejected},
                       {"conflicts", r.conflicts},
                       {"pulled", r.pulled},
                       {"skipped", r.skipped},
                       {"dropped", r.dropped},
                       {"scope_changed", r.scopeChanged},
                       {"uploaded_blobs", r.uploadedBlobs},
                       {"deduplicated_blobs", r.deduplicatedBlobs},
                       {"failed_blobs", r.failedBlobs},
                       {"uploaded_bytes", r.uploadedBytes},
                       {"synced_at", syncedAt}}
                      .dump()
               << "\n";
    } else {
        io.out << "pushed " << r.pushed << ", applied " << r.applied << ", rejected " << r.rejected
               << ", pulled " << r.pulled << "\n";
        if (r.rejected > 0 || r.conflicts > 0)
            io.out << "see `duban-client inbox` for what the server did not take.\n";
    }
    return kExitOk;
}

int statusCommand(const Invocation& invocation, Io& io) {
    auto session = openSession(ProfileDir(invocation.profileDir));
    if (!session)
        return fail(io.err, session.error());
    Session& s = *session.value();
    int pending = 0;
    InboxCounts inbox;
    BlobUploadCounts photos;
    std::optional<std::string> lastSync;
    try {
        const Database& db = s.store->database();
        pending = s.store->pendingCount();
        inbox = countOpenInbox(db);
        lastSync = stateValue(db, kLastSyncKey);
        photos = countBlobUploads(db);
    } catch (const DatabaseError& e) {
        return fail(io.err, makeError("store_failed", e.what()));
    }
    if (invocation.json) {
        io.out << json{{"pending", pending},
                       {"inbox", inbox.total()},
                       {"rejected", inbox.rejected},
                       {"conflicts", inbox.conflicts},
                       {"photo_files_waiting", photos.waiting},
                       {"photo_files_failed", photos.failed},
                       {"last_sync_at", lastSync ? json(*lastSync) : json(nullptr)},
                       {"server", s.profile.server},
                       {"device_id", s.profile.deviceId},
                       {"user", s.profile.user}}
                      .dump()
               << "\n";
    } else {
        io.out << "user: " << describeUser(s.profile.user) << "\n"
               << "server: " << s.profile.server << "\n"
               << "pending edits: " << pending << "\n"
               << "open inbox items: " << inbox.total() << " (" << inbox.rejected << " refused, "
               << inbox.conflicts << " conflicts)\n"
               << "last sync: " << lastSync.value_or("never") << "\n";
    }
    return kExitOk;
}

}  // namespace duban::cli
