#pragma once
/// \file
/// `argmap serve`'s HTTP server (Boost.Beast over Asio, one thread): the
/// pages of a site, an event stream per map that sends each new drawing as
/// soon as a file it reads changes, and the limits that keep a hostile
/// client from exhausting it.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "core/diagnostic.hpp"
#include "serve/site.hpp"

namespace argmap::serve {

/// How the server listens and what it tolerates.
struct server_options {
  std::string host = "127.0.0.1";    ///< the address to listen on (loopback unless told otherwise)
  unsigned port = 0;                 ///< 0: a free port, chosen by the system
  std::size_t max_connections = 64;  ///< more are closed at once
  std::size_t max_header_bytes = 8192;    ///< a larger request header is refused (431)
  std::size_t max_fields = 64;            ///< so is one with more header fields
  std::chrono::seconds read_timeout{10};  ///< a request must arrive whole within this
  unsigned debounce_ms = 5;  ///< changes are gathered this long before maps are redrawn
  /// Called once the server listens, with its address ("http://127.0.0.1:8123/").
  std::function<void(const std::string&)> on_listening;
};

/// Serves `s` until SIGINT or SIGTERM (exit code 0). When it cannot listen,
/// returns 3 with `problem` saying why.
int run(site& s, const server_options& options, diagnostic& problem);

}  // namespace argmap::serve
