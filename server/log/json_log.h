#pragma once
// Structured logs: one JSON object per line (time, level, category, message, fields), to a file
// in the data folder and to stderr — easy to grep and to ship to a log collector.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <string_view>

#include "core/util/clock.h"
#include "core/util/log.h"

namespace duban::server {

class JsonLog {
public:
    // Lines are stamped with `clock`'s now. `file` empty: stderr only. `quiet`: file only (tests).
    explicit JsonLog(const Clock& clock, const std::filesystem::path& file = {},
                     bool quiet = false);

    void info(std::string_view category, std::string_view message,
              const nlohmann::json& fields = {});
    void warn(std::string_view category, std::string_view message,
              const nlohmann::json& fields = {});
    void error(std::string_view category, std::string_view message,
               const nlohmann::json& fields = {});

private:
    void write(std::string_view level, std::string_view category, std::string_view message,
               const nlohmann::json& fields);

    const Clock& m_clock;
    std::mutex m_mutex;
    std::ofstream m_file;
    bool m_quiet;
};

// While it lives, the lines core's code logs (core/util/log.h) go to `target` as JSON lines too.
class CoreLogBridge {
public:
    explicit CoreLogBridge(JsonLog& target);
    ~CoreLogBridge();
    CoreLogBridge(const CoreLogBridge&) = delete;
    CoreLogBridge& operator=(const CoreLogBridge&) = delete;

private:
    log::Sink m_previous;
};

}  // namespace duban::server
