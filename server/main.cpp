// duban-server: the central server of Duban. Subcommands: import (more arrive with the server).
#include <iostream>
#include <string_view>

#include "server/commands/import_command.h"

namespace {

void printUsage(std::ostream& out) {
    out << "usage: duban-server <command> [options]\n"
           "  import --dry-run DIR   check the seed in DIR and print its lists, sums and findings "
           "as JSON\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string_view command = argv[1];
    if (command == "import")
        return duban::server::runImportCommand(argc - 2, argv + 2, std::cout, std::cerr);
    if (command == "--help" || command == "help") {
        printUsage(std::cout);
        return 0;
    }
    std::cerr << "duban-server: unknown command '" << command << "'\n";
    printUsage(std::cerr);
    return 2;
}
