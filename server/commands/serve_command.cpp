#include "server/commands/serve_command.h"

#include <atomic>
#include <csignal>
#include <thread>

#include "server/app/server_app.h"

namespace duban::server {

int runServeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    auto config = parseServeOptions(args);
    if (!config) {
        err << "duban-server serve: " << config.error().message << "\n";
        return 2;
    }
    // SIGINT/SIGTERM are taken by one thread with sigwait, so stopping runs as ordinary code;
    // in-flight requests finish before the process exits.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    SystemClock clock;
    JsonLog log(clock, config->dataDir.empty() ? std::filesystem::path() : config->logFile());
    const CoreLogBridge coreLines(log);
    std::filesystem::create_directories(config->dataDir);
    auto app = ServerApp::start(config.value(), log, clock, out);
    if (!app) {
        err << "duban-server serve: " << app.error().message << "\n";
        return 1;
    }
    out << "Duban server listening on https://" << config->host << ":" << app.value()->port()
        << "\n";
    if (!app.value()->caCertificate().empty()) {
        out << "Devices trust the development CA at "
            << std::filesystem::absolute(app.value()->caCertificate()).string() << "\n";
    }
    out << std::flush;
    std::atomic<bool> finished{false};
    std::thread stopper([&app, &signals, &log, &finished] {
        int received = 0;
        sigwait(&signals, &received);
        if (finished)
            return;
        log.info("server", "shutting down", {{"signal", received}});
        app.value()->waitUntilRunning();  // a stop before listening starts would be lost
        app.value()->stop();
    });
    app.value()->run();
    finished = true;
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(),
                     SIGTERM);  // wakes the waiter if run() ended on its own
        stopper.join();
    }
    return 0;
}

}  // namespace duban::server
