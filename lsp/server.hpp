#pragma once
/// \file
/// `argmap lsp`: a Language Server (LSP 3.17, JSON-RPC over stdio). So far it
/// keeps the open documents in step with the editor (open, change — whole or
/// incremental —, save, close) and publishes every diagnostic `argmap check`
/// gives for them, open buffers winning over the disk for the files they
/// include. docs/editors.md says what it does and what is to come.

#include <cstddef>
#include <string>

#include "engine/check.hpp"

namespace argmap::lsp {

/// How the server reads and checks.
struct server_options {
  std::size_t max_message = std::size_t{64} << 20;  ///< a larger message ends the session
  engine::check_options check;                      ///< the limits `argmap check` has
};

/// Serves one client on descriptors `in` and `out` until `exit` or the end
/// of the input. Returns the process's exit code: 0 after `shutdown` then
/// `exit`, 1 otherwise (`exit` without `shutdown`, the input ending, or
/// framing that cannot be read on).
int serve(int in, int out, const server_options& options);

}  // namespace argmap::lsp
