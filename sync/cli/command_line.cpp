#include "sync/cli/command_line.h"

#include <algorithm>

namespace duban::cli {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

const CommandSpec* findSpec(const std::vector<CommandSpec>& specs, const std::string& name) {
    const auto it = std::find_if(specs.begin(), specs.end(),
                                 [&](const CommandSpec& spec) { return spec.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

}  // namespace

std::string Invocation::option(const std::string& name) const {
    const auto [first, last] = options.equal_range(name);
    return first == last ? std::string() : std::prev(last)->second;
}

std::vector<std::string> Invocation::all(const std::string& name) const {
    std::vector<std::string> values;
    const auto [first, last] = options.equal_range(name);
    for (auto it = first; it != last; ++it)
        values.push_back(it->second);
    return values;
}

Invocation parseCommandLine(const std::vector<std::string>& args,
                            const std::vector<CommandSpec>& specs) {
    Invocation invocation;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--json") {
            invocation.json = true;
        } else if (arg == "--profile") {
            if (i + 1 >= args.size())
                throw UsageError("--profile needs a folder");
            invocation.profileDir = args[++i];
        } else if (invocation.spec == nullptr && !arg.starts_with("--")) {
            // Commands are one word or two ("visit add"): the longest that names one wins.
            words.push_back(arg);
            const std::string joined = words.size() == 2 ? words[0] + " " + words[1] : arg;
            if (const CommandSpec* spec = findSpec(specs, joined)) {
                invocation.spec = spec;
            } else if (words.size() == 2) {
                throw UsageError("unknown command `" + joined + "`");
            } else if (std::none_of(specs.begin(), specs.end(), [&](const CommandSpec& s) {
                           return s.name.starts_with(arg + " ");
                       })) {
                throw UsageError("unknown command `" + arg + "`");
            }
        } else if (arg.starts_with("--")) {
            if (invocation.spec == nullptr)
                throw UsageError("unknown option " + arg);
            const CommandSpec& spec = *invocation.spec;
            if (contains(spec.flags, arg)) {
                invocation.flags.insert(arg);
            } else if (contains(spec.options, arg)) {
                if (i + 1 >= args.size())
                    throw UsageError(arg + " needs a value");
                invocation.options.emplace(arg, args[++i]);
            } else {
                throw UsageError("`" + spec.name + "` takes no option " + arg);
            }
        } else {
            invocation.operands.push_back(arg);
        }
    }
    if (invocation.spec == nullptr)
        throw UsageError(words.empty() ? "no command given" : "`" + words[0] + "` needs more");
    const auto& expected = invocation.spec->operands;
    if (invocation.operands.size() != expected.size()) {
        std::string names;
        for (const std::string& name : expected)
            names += " " + name;
        throw UsageError("usage: duban-client " + invocation.spec->name + names + " [OPTIONS]");
    }
    return invocation;
}

std::string usageText(const std::vector<CommandSpec>& specs) {
    std::string text =
        "usage: duban-client [--profile DIR] [--json] COMMAND [OPTIONS]\ncommands:\n";
    for (const CommandSpec& spec : specs) {
        std::string line = "  " + spec.name;
        for (const std::string& operand : spec.operands)
            line += " " + operand;
        line.resize(std::max<std::size_t>(line.size() + 1, 22), ' ');
        text += line + spec.summary + "\n";
    }
    text += "DIR defaults to ./duban-client. --json prints one JSON document for scripts.\n";
    return text;
}

int fail(std::ostream& err, const Error& error) {
    err << "duban-client: " << error.message << " (" << error.code << ")\n";
    return kExitFailure;
}

}  // namespace duban::cli
