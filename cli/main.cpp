#include "cli/commands.hpp"

int main(int argc, char** argv) { return argmap::cli::run(argc, argv); }
