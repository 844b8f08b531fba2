// duban-client: the headless client. All of it lives in duban_client_cli; this is the wiring.
#include <iostream>
#include <string>
#include <vector>

#include "sync/cli/client_commands.h"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return duban::cli::runClient(args, std::cout, std::cerr);
}
