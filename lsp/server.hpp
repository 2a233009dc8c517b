#pragma once
/// \file
/// `argmap lsp`: a Language Server (LSP 3.17, JSON-RPC over stdio). It keeps
/// the open documents in step with the editor, publishes every diagnostic
/// `argmap check` gives for them (open buffers winning over the disk, also
/// for included files), and answers definition, references, highlights,
/// rename, hover, completion, symbols, folding, formatting, code actions and
/// `argmap/render`. docs/editors.md lists what each does.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/check.hpp"

namespace argmap::lsp {

/// How the server reads and checks.
struct server_options {
  std::size_t max_message = std::size_t{64} << 20;  ///< a larger message ends the session
  engine::check_options check;                      ///< the limits `argmap check` has
  /// Diagnostics are published once the input has paused this long (and at
  /// the latest after four times as long), so a burst of typing is checked once.
  unsigned debounce_ms = 50;
  bool stdio = true;  ///< `--stdio`, which clients pass: the only transport there is
};

/// One session's state and answers, without the descriptors: `serve` feeds
/// it the messages it reads; tests and the fuzzer feed it directly.
class server {
 public:
  /// `send` receives each outgoing message, framed.
  server(const server_options& options, std::function<void(std::string_view)> send);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// Handles one message body (answering a request through `send`); the
  /// process's exit code once the session ends.
  std::optional<int> handle(const std::string& body);
  /// True while some document's diagnostics wait to be published.
  bool pending() const;
  /// Publishes the diagnostics of every document that changed.
  void publish_pending();

 private:
  class session;
  std::unique_ptr<session> session_;
};

/// Serves one client on descriptors `in` and `out` until `exit` or the end
/// of the input. Returns the process's exit code: 0 after `shutdown` then
/// `exit`, 1 otherwise (`exit` without `shutdown`, the input ending, or
/// framing that cannot be read on).
int serve(int in, int out, const server_options& options);

}  // namespace argmap::lsp
