#include "sync/device_profile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/util/uuid.h"

namespace duban::sync {

using nlohmann::json;

Result<ClientProfile> ProfileDir::load() const {
    std::ifstream in(profileFile());
    if (!in) {
        return makeError("profile_missing",
                         "no profile in " + m_dir.string() +
                             "; sign in first (the app, or `duban-client login`).");
    }
    std::stringstream text;
    text << in.rdbuf();
    const json body = json::parse(text.str(), nullptr, false);
    if (!body.is_object()) {
        return makeError("profile_invalid", profileFile().string() +
                                                " is not valid JSON; sign in again to rewrite it.");
    }
    ClientProfile profile;
    profile.server = body.value("server", std::string());
    profile.caFile = body.value("ca_file", std::string());
    profile.username = body.value("username", std::string());
    profile.deviceId = body.value("device_id", std::string());
    profile.token = body.value("token", std::string());
    if (body.contains("user") && body["user"].is_object()) {
        profile.user = body["user"];
    }
    return profile;
}

Status ProfileDir::save(const ClientProfile& profile) const {
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    if (ec) {
        return makeError("profile_write_failed",
                         "cannot create " + m_dir.string() + ": " + ec.message());
    }
    ::chmod(m_dir.c_str(), 0700);
    const json body = {{"server", profile.server},     {"ca_file", profile.caFile},
                       {"username", profile.username}, {"device_id", profile.deviceId},
                       {"token", profile.token},       {"user", profile.user}};
    const std::string text = body.dump(2) + "\n";
    // Written to a temporary file created 0600 (never briefly world-readable), then renamed.
    const std::filesystem::path temp = m_dir / "profile.json.tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return makeError("profile_write_failed",
                         "cannot write " + temp.string() + ": " + std::strerror(errno));
    }
    ::fchmod(fd, 0600);
    std::size_t written = 0;
    bool failed = false;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            failed = true;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    failed = failed || ::fsync(fd) != 0;
    failed = (::close(fd) != 0) || failed;
    if (failed || ::rename(temp.c_str(), profileFile().c_str()) != 0) {
        std::filesystem::remove(temp, ec);
        return makeError("profile_write_failed",
                         "cannot write " + profileFile().string() + ": " + std::strerror(errno));
    }
    return Ok{};
}

Result<std::unique_ptr<CurlTransport>> transportFor(const ClientProfile& profile,
                                                    std::string userAgent) {
    TransportOptions options;
    options.baseUrl = profile.server;
    options.caFile = profile.caFile;
    options.bearerToken = profile.token;
    options.userAgent = std::move(userAgent);
    return CurlTransport::create(std::move(options));
}

Actor actorFromUser(const json& user) {
    Actor actor;
    actor.userId = user.value("id", std::string());
    actor.role = parseEnum<Role>(user.value("role", std::string())).value_or(Role::field);
    if (user.contains("unit") && user["unit"].is_object())
        actor.unitId = user["unit"].value("id", std::string());
    if (user.contains("supervised_units") && user["supervised_units"].is_array()) {
        for (const json& unit : user["supervised_units"]) {
            if (unit.is_string())
                actor.supervisedUnitIds.push_back(unit.get<std::string>());
        }
    }
    return actor;
}

std::string newDeviceId(const Clock& clock) {
    UuidGenerator generator(clock);
    return generator.next();
}

}  // namespace duban::sync
