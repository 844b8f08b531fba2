#pragma once
// duban-client, the headless client: sign in, sync, look at the local store. The commands live
// here, in a library, so tests run them exactly as the executable does.
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace duban::cli {

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command ran and failed (message on `err`)
inline constexpr int kExitUsage = 2;    // the command line was wrong (usage on `err`)

// `args` excludes the program name. The password for `login` comes from DUBAN_PASSWORD, else the
// first line of `in`.
int runClient(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err);
// As above, reading a password from standard input.
int runClient(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace duban::cli
