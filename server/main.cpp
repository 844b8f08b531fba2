// duban-server: the central server of Duban (design.md §7).
#include <iostream>
#include <string>
#include <vector>

#include "server/commands/import_command.h"
#include "server/commands/serve_command.h"

namespace {

void printUsage(std::ostream& out) {
    out << "usage: duban-server <command> [options]\n"
           "  serve [--data DIR] [--listen HOST:PORT] [--seed DIR] [--demo] [--cert FILE --key "
           "FILE] [--config FILE]\n"
           "                         run the HTTPS server (defaults: ./duban-data, "
           "127.0.0.1:8443)\n"
           "  import --dry-run DIR   check the seed in DIR and print its lists, sums and findings "
           "as JSON\n"
           "  user add|disable|enable|role|password|list …   manage accounts (see "
           "docs/operations.md)\n"
           "  unit add|list …        manage units\n"
           "  backup TARGET [--data DIR]   a consistent copy of the database, also while serving\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    using namespace duban::server;
    if (command == "serve")
        return runServeCommand(args, std::cout, std::cerr);
    if (command == "import")
        return runImportCommand(argc - 2, argv + 2, std::cout, std::cerr);
    if (command == "user")
        return runUserCommand(args, std::cout, std::cerr);
    if (command == "unit")
        return runUnitCommand(args, std::cout, std::cerr);
    if (command == "backup")
        return runBackupCommand(args, std::cout, std::cerr);
    if (command == "--help" || command == "help") {
        printUsage(std::cout);
        return 0;
    }
    std::cerr << "duban-server: unknown command '" << command << "'\n";
    printUsage(std::cerr);
    return 2;
}
