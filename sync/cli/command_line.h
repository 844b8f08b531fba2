#pragma once
// duban-client's command line: which commands exist, what each takes, and the parsed result.
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace duban::cli {

struct CommandSpec {
    std::string name;                   // "sync", "visit add", …
    std::vector<std::string> options;   // take a value; "--photo" may repeat
    std::vector<std::string> flags;     // take none
    std::vector<std::string> operands;  // names of the required positional arguments
    std::string summary;                // one line for the usage text
};

struct Invocation {
    std::string profileDir = "duban-client";
    bool json = false;
    const CommandSpec* spec = nullptr;
    std::vector<std::string> operands;
    std::multimap<std::string, std::string> options;
    std::set<std::string> flags;

    [[nodiscard]] const std::string& command() const { return spec->name; }
    // The option's value ("" when absent); the last one when repeated.
    [[nodiscard]] std::string option(const std::string& name) const;
    [[nodiscard]] std::vector<std::string> all(const std::string& name) const;
    [[nodiscard]] bool has(const std::string& name) const {
        return options.contains(name) || flags.contains(name);
    }
};

// A command line that cannot run: exit 2 with the message and the usage.
class UsageError {
public:
    explicit UsageError(std::string text) : message(std::move(text)) {}
    std::string message;
};

// Throws UsageError.
[[nodiscard]] Invocation parseCommandLine(const std::vector<std::string>& args,
                                          const std::vector<CommandSpec>& specs);
[[nodiscard]] std::string usageText(const std::vector<CommandSpec>& specs);

// The streams a command talks through.
struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command ran and failed (message on `err`)
inline constexpr int kExitUsage = 2;    // the command line was wrong (usage on `err`)

// Prints the error as duban-client reports every failure; returns kExitFailure.
int fail(std::ostream& err, const Error& error);

}  // namespace duban::cli
