#pragma once
// `duban-server import [--dry-run] DIR`: checks the seed and reports, as JSON, per list the
// number of items and the sums of total and annual-plan investment (万元), then every finding.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "core/util/result.h"

namespace duban::server {

// The dry-run report: reads and checks the seed, imports it into a scratch in-memory store to
// prove it loads, and describes the result. Errors only when the files cannot be read at all.
[[nodiscard]] Result<nlohmann::json> dryRunImport(const std::filesystem::path& seedDir);

// The command line entry: returns the process exit code (0 ok, 1 findings with errors, 2 usage).
int runImportCommand(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace duban::server
