#include "tests/support/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <stdexcept>

#include "core/util/file_descriptor.h"

namespace duban::test {

ServerProcess::ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs,
                             std::filesystem::path logFile)
    : m_dataDir(std::move(dataDir)),
      m_extraArgs(std::move(extraArgs)),
      m_logFile(std::move(logFile)) {
    start();
}

ServerProcess::~ServerProcess() {
    if (m_pid > 0)
        stop(SIGKILL);
}

void ServerProcess::start() {
    m_output.clear();
    int out[2];
    if (pipe(out) != 0)
        throw std::runtime_error("pipe failed");
    std::vector<std::string> args{DUBAN_SERVER_BINARY,
                                  "serve",
                                  "--data",
                                  m_dataDir.string(),
                                  "--listen",
                                  "127.0.0.1:" + std::to_string(m_port),
                                  "--seed",
                                  DUBAN_SEED_DIR};
    args.insert(args.end(), m_extraArgs.begin(), m_extraArgs.end());
    const FileDescriptor log(
        m_logFile.empty()
            ? -1
            : ::open(m_logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600));
    m_pid = fork();
    if (m_pid < 0)
        throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        if (log.get() >= 0)
            dup2(log.get(), STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    // Read until the server says where it listens (it has then bound the port).
    const std::regex listening(R"(listening on https://[0-9.]+:([0-9]+))");
    std::smatch match;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    char buffer[4096];
    while (!std::regex_search(m_output, match, listening)) {
        pollfd p{out[0], POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            close(out[0]);
            throw std::runtime_error("duban-server did not start: " + m_output);
        }
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n <= 0) {
            close(out[0]);
            throw std::runtime_error("duban-server exited: " + m_output);
        }
        m_output.append(buffer, static_cast<std::size_t>(n));
    }
    m_port = std::stoi(match[1]);
    m_stdout = out[0];  // kept open until stop: closing it would kill the server with SIGPIPE
}

int ServerProcess::stop(int signal) {
    if (m_pid <= 0)
        return -1;
    kill(m_pid, signal);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    close(m_stdout);
    m_stdout = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

HttpsClient ServerProcess::client() const {
    return HttpsClient("https://localhost:" + std::to_string(m_port), m_dataDir / "tls" / "ca.crt");
}

}  // namespace duban::test
