#pragma once
// One small logging facility for core and sync (no Qt, no server): a category per file, four
// levels, and one sink the program chooses — stderr lines by default, Qt's logging in the app,
// JSON lines on the server. A caught error that changes what the user sees is logged here.
//
//   namespace { const log::Category kLog{"duban.sync.push"}; }
//   log::warning(kLog, "batch refused: " + reason);
//
// `DUBAN_LOG=debug|info|warning|error` (read once) sets the lowest level written; default info.
#include <functional>
#include <string_view>

namespace duban::log {

enum class Level { debug, info, warning, error };

struct Category {
    const char* name;
};

// Receives every line at or above the threshold. Set once at start, before other threads log.
using Sink = std::function<void(Level, std::string_view category, std::string_view message)>;

// Replaces the sink (an empty one restores the stderr default); returns the previous one.
Sink setSink(Sink sink);
void setThreshold(Level lowest);
[[nodiscard]] bool enabled(Level level);
[[nodiscard]] std::string_view levelName(Level level);

void write(Level level, const Category& category, std::string_view message);

inline void debug(const Category& c, std::string_view m) {
    write(Level::debug, c, m);
}
inline void info(const Category& c, std::string_view m) {
    write(Level::info, c, m);
}
inline void warning(const Category& c, std::string_view m) {
    write(Level::warning, c, m);
}
inline void error(const Category& c, std::string_view m) {
    write(Level::error, c, m);
}

}  // namespace duban::log
