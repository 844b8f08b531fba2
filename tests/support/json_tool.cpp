#include "tests/support/json_tool.h"

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace duban::test {

nlohmann::json runJsonTool(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe)
        throw std::runtime_error("cannot run " + command);
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0)
        out.append(buffer, n);
    const int status = ::pclose(pipe.release());
    if (status != 0)
        throw std::runtime_error(command + " failed (status " + std::to_string(status) + ")");
    return nlohmann::json::parse(out);
}

std::string supportScript(const std::string& script) {
    return "/usr/bin/python3 " DUBAN_SOURCE_DIR "/tests/support/" + script;
}

}  // namespace duban::test
