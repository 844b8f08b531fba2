#pragma once
// The real duban-server binary as a child process, for what only a separate process can show:
// SIGKILL at any moment, restart on the same data, graceful SIGTERM.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/https_client.h"

namespace duban::test {

class ServerProcess {
public:
    // Starts `duban-server serve --data DIR --listen 127.0.0.1:PORT --seed … ` (port 0: any free
    // port; the first start's port is reused by restarts) and waits until it listens.
    // With `logFile`, the server's log on stderr goes there (appended) instead of the test's.
    ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs = {},
                  std::filesystem::path logFile = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    void start();
    // Sends `signal` and waits for the process to end; returns its exit status (or 128+signal).
    int stop(int signal);
    [[nodiscard]] bool running() const { return m_pid > 0; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] HttpsClient client() const;
    [[nodiscard]] std::string output() const { return m_output; }

private:
    std::filesystem::path m_dataDir;
    std::vector<std::string> m_extraArgs;
    std::filesystem::path m_logFile;
    pid_t m_pid = -1;
    int m_stdout = -1;
    int m_port = 0;
    std::string m_output;
};

}  // namespace duban::test
