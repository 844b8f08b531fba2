#pragma once
// duban-client, the headless client: sign in, edit offline, sync, act on the inbox. The commands
// live here, in a library, so tests run them exactly as the executable does.
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "sync/cli/command_line.h"

namespace duban::cli {

// `args` excludes the program name. The password for `login` comes from DUBAN_PASSWORD, else the
// first line of `in`.
int runClient(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err);
// As above, reading a password from standard input.
int runClient(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace duban::cli
