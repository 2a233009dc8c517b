// argmap lsp [--include-root DIR] [limits]
// A Language Server on standard input and output (lsp/server.hpp).

#include <unistd.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "lsp/server.hpp"

namespace argmap::cli {

action setup_lsp(command& cmd) {
  auto options = std::make_shared<lsp::server_options>();
  add_input_options(cmd, options->check);
  return [options] { return lsp::serve(STDIN_FILENO, STDOUT_FILENO, *options); };
}

}  // namespace argmap::cli
