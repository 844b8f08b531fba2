#include "server/log/json_log.h"

#include <iostream>

#include "core/domain/dates.h"

namespace duban::server {

JsonLog::JsonLog(const Clock& clock, const std::filesystem::path& file, bool quiet)
    : m_clock(clock), m_quiet(quiet) {
    if (!file.empty())
        m_file.open(file, std::ios::app);
}

void JsonLog::info(std::string_view c, std::string_view m, const nlohmann::json& f) {
    write("info", c, m, f);
}
void JsonLog::warn(std::string_view c, std::string_view m, const nlohmann::json& f) {
    write("warn", c, m, f);
}
void JsonLog::error(std::string_view c, std::string_view m, const nlohmann::json& f) {
    write("error", c, m, f);
}

void JsonLog::write(std::string_view level, std::string_view category, std::string_view message,
                    const nlohmann::json& fields) {
    nlohmann::json line{{"time", formatInstantUtc(m_clock.nowMs())},
                        {"level", level},
                        {"category", category},
                        {"message", message}};
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items())
            line[key] = value;
    }
    // Replace invalid UTF-8 (from a hostile request) instead of throwing.
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(m_mutex);
    if (m_file.is_open())
        m_file << text << '\n' << std::flush;
    if (!m_quiet)
        std::cerr << text << '\n';
}

CoreLogBridge::CoreLogBridge(JsonLog& target)
    : m_previous(log::setSink(
          [&target](log::Level level, std::string_view category, std::string_view message) {
              if (level == log::Level::error)
                  target.error(category, message);
              else if (level == log::Level::warning)
                  target.warn(category, message);
              else
                  target.info(category, message);
          })) {}

CoreLogBridge::~CoreLogBridge() {
    log::setSink(std::move(m_previous));
}

}  // namespace duban::server
