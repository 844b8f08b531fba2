#pragma once
// Runs an independent reader (a script under tests/support, e.g. read_xlsx.py, read_pdf.py) and
// parses what it prints as JSON. Throws with the command when it fails or prints no JSON.
#include <string>

#include <nlohmann/json.hpp>

namespace duban::test {

[[nodiscard]] nlohmann::json runJsonTool(const std::string& command);

// "/usr/bin/python3 <source>/tests/support/<script>" — Debian's python, which has openpyxl.
[[nodiscard]] std::string supportScript(const std::string& script);

}  // namespace duban::test
