#pragma once
// The world fault scenarios run in: the real duban-server (a child process that can be SIGKILLed
// and restarted on its data) behind a FaultProxy, and devices that are duban-client profile
// folders, synced by running the real duban-client binary as a child process.
//
// Making a world costs a seed import, account creation and a first full pull per device, so it is
// made once per test program (WorldTemplate) and each scenario starts from a copy of its folder.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/rules/access.h"
#include "core/store/local_store.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/test_store.h"

namespace duban::test::fault {

// `duban-client --json --profile DIR sync` as a child process, its output in `outputFile`.
class ClientProcess {
public:
    ClientProcess(const std::filesystem::path& profile, std::filesystem::path outputFile);
    ~ClientProcess();  // kills a child still running
    ClientProcess(const ClientProcess&) = delete;
    ClientProcess& operator=(const ClientProcess&) = delete;

    void kill();  // SIGKILL, then reaps
    // True once the child ended (reaped without blocking).
    bool poll();
    [[nodiscard]] bool finished() const { return m_pid <= 0; }
    [[nodiscard]] bool killed() const { return m_killed; }
    [[nodiscard]] int exitCode() const { return m_exitCode; }  // 128+signal when signalled
    [[nodiscard]] std::string output() const;

private:
    void reap(int status);

    std::filesystem::path m_outputFile;
    pid_t m_pid = -1;
    bool m_killed = false;
    int m_exitCode = -1;
};

// One device: a signed-in duban-client profile folder.
class Device {
public:
    Device(std::string name, std::filesystem::path profileDir);

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] const std::filesystem::path& profileDir() const { return m_dir; }
    [[nodiscard]] std::filesystem::path storeFile() const { return m_dir / "store.db"; }
    [[nodiscard]] const std::string& deviceId() const { return m_deviceId; }
    [[nodiscard]] const std::string& username() const { return m_username; }
    [[nodiscard]] const Actor& actor() const { return m_actor; }
    // The local store, opened as the app opens it (no client process may run meanwhile).
    [[nodiscard]] std::unique_ptr<LocalStore> open(const Clock& clock) const;

private:
    std::string m_name;
    std::filesystem::path m_dir;
    std::string m_deviceId;
    std::string m_username;
    Actor m_actor;
};

struct DeviceSpec {
    std::string name;      // "a1"
    std::string username;  // "alice"
};

// Made once per test program: the server's data folder and every device's profile, signed in
// through the proxy and fully pulled, with the server stopped.
class WorldTemplate {
public:
    explicit WorldTemplate(FaultProxy& proxy);

    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir.path(); }
    [[nodiscard]] std::filesystem::path serverData() const { return dir() / "server"; }
    [[nodiscard]] std::filesystem::path configFile() const { return dir() / "server.json"; }
    [[nodiscard]] const std::vector<DeviceSpec>& devices() const { return m_devices; }

    // Projects the scenarios write to: those of 市科工信局 (alice, bob; supervised by sup) and
    // those of zoe's unrelated unit. Checked when the template is made.
    std::vector<std::string> sharedProjects;
    std::vector<std::string> otherProjects;
    // Which of those projects each device may see (independent of the server's scope filter).
    std::map<std::string, std::set<std::string>> visible;
    // Which of those projects each user writes reports and visits on.
    std::map<std::string, std::vector<std::string>> writesOn;

    static constexpr const char* kPassword = "fault-test-password-1";

private:
    TempDir m_dir;
    std::vector<DeviceSpec> m_devices;
};

}  // namespace duban::test::fault
