#include "sync/sign_in.h"

#include <filesystem>

#include "sync/sync_engine.h"

namespace duban::sync {

using nlohmann::json;

Result<SignedIn> signIn(HttpTransport& transport, const std::string& username,
                        const std::string& password, const std::string& deviceId,
                        const std::string& deviceName) {
    HttpRequest request;
    request.method = "POST";
    request.path = "/v1/auth/login";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json{
        {"username", username},
        {"password", password},
        {"device_id", deviceId},
        {"device_name",
         deviceName}}.dump();
    auto response = transport.send(request);
    if (!response)
        return response.error();
    if (response->status != 200)
        return detail::responseError(response.value(), "sign-in refused");
    const json body = json::parse(response->body, nullptr, false);
    if (!body.is_object() || !body.contains("token") || !body["token"].is_string())
        return makeError("bad_response", "the server's sign-in answer has no token.");
    SignedIn signedIn;
    signedIn.token = body["token"].get<std::string>();
    signedIn.user = body.value("user", json::object());
    signedIn.expiresAt = body.value("expires_at", std::string());
    return signedIn;
}

Result<ClientProfile> signInProfile(const ProfileDir& dir, const SignInRequest& request,
                                    const Clock& clock, SignedIn* details) {
    ClientProfile profile;
    if (auto existing = dir.load(); existing) {
        profile = std::move(existing).value();
        if (!profile.username.empty() &&
            (profile.username != request.username || profile.server != request.server)) {
            return makeError("profile_in_use", "the data in " + dir.path().string() +
                                                   " belongs to " + profile.username + " at " +
                                                   profile.server + "; use another folder.");
        }
    }
    if (profile.deviceId.empty()) {
        profile.deviceId = newDeviceId(clock);
    }
    profile.server = request.server;
    // Absolute, so the profile works whatever folder it is used from.
    profile.caFile =
        request.caFile.empty() ? std::string() : std::filesystem::absolute(request.caFile).string();
    profile.username = request.username;
    profile.token.clear();

    auto transport = transportFor(profile, request.userAgent);
    if (!transport)
        return transport.error();
    auto signedIn = signIn(*transport.value(), request.username, request.password, profile.deviceId,
                           request.deviceName);
    if (!signedIn)
        return signedIn.error();
    profile.token = signedIn->token;
    profile.user = signedIn->user;
    if (auto saved = dir.save(profile); !saved)
        return saved.error();
    if (details != nullptr)
        *details = std::move(signedIn).value();
    return profile;
}

}  // namespace duban::sync
