// argmap lsp [--include-root DIR] [--debounce MS] [limits]
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
  cmd.add("--debounce", options->debounce_ms,
          "milliseconds of quiet input before diagnostics are published (default 50)")
      .range(0u, 10000u)
      .type_name("MS");
  return [options] { return lsp::serve(STDIN_FILENO, STDOUT_FILENO, *options); };
}

}  // namespace argmap::cli
