// argmap lsp [--stdio] [--include-root DIR] [--debounce MS] [limits]
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
  // Clients (vscode-languageclient among them) name the transport; standard
  // input and output is the only one, so the flag changes nothing.
  cmd.flag("--stdio", options->stdio,
           "talk over standard input and output (the default; accepted for clients that pass it)");
  cmd.add("--debounce", options->debounce_ms,
          "milliseconds of quiet input before diagnostics are published (default 50)")
      .range(0u, 10000u)
      .type_name("MS");
  return [options] { return lsp::serve(STDIN_FILENO, STDOUT_FILENO, *options); };
}

}  // namespace argmap::cli
