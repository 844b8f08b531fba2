#include "core/util/log.h"

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>

namespace duban::log {
namespace {

Level thresholdFromEnvironment() {
    const char* value = std::getenv("DUBAN_LOG");
    const std::string_view text = value ? value : "";
    if (text == "debug")
        return Level::debug;
    if (text == "warning")
        return Level::warning;
    if (text == "error")
        return Level::error;
    return Level::info;
}

std::atomic<Level>& threshold() {
    static std::atomic<Level> lowest{thresholdFromEnvironment()};
    return lowest;
}

std::mutex& sinkMutex() {
    static std::mutex mutex;
    return mutex;
}

Sink& currentSink() {
    static Sink sink;
    return sink;
}

void writeToStderr(Level level, std::string_view category, std::string_view message) {
    std::string line;
    line.reserve(category.size() + message.size() + 12);
    line.append(levelName(level)).append(" ").append(category).append(": ").append(message);
    line.push_back('\n');
    std::cerr << line << std::flush;
}

}  // namespace

Sink setSink(Sink sink) {
    std::lock_guard lock(sinkMutex());
    Sink previous = std::move(currentSink());
    currentSink() = std::move(sink);
    return previous;
}

void setThreshold(Level lowest) {
    threshold().store(lowest);
}

bool enabled(Level level) {
    return level >= threshold().load();
}

std::string_view levelName(Level level) {
    switch (level) {
        case Level::debug:
            return "debug";
        case Level::info:
            return "info";
        case Level::warning:
            return "warning";
        case Level::error:
            return "error";
    }
    return "info";
}

void write(Level level, const Category& category, std::string_view message) {
    if (!enabled(level))
        return;
    // Held while writing: lines from two threads never interleave, and a sink may be plain.
    std::lock_guard lock(sinkMutex());
    if (currentSink())
        currentSink()(level, category.name, message);
    else
        writeToStderr(level, category.name, message);
}

}  // namespace duban::log
