#pragma once
// The operator's commands besides import: serve, user, unit, backup.
#include <ostream>
#include <string>
#include <vector>

namespace duban::server {

int runServeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runUserCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runUnitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runBackupCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace duban::server
