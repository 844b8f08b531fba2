#include "sync/sign_in.h"

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

}  // namespace duban::sync
