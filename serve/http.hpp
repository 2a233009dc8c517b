#pragma once
/// \file
/// What `argmap serve` answers to one request, apart from sockets (the
/// fuzzer and the tests call it directly): GET and HEAD only, the Host
/// header checked (DNS rebinding), paths decoded strictly and looked up in
/// the table of served maps, never on the file system.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "serve/site.hpp"

namespace argmap::serve {

/// One answer.
struct reply {
  unsigned status = 200;           ///< HTTP status
  std::string content_type;        ///< of the body
  std::string body;                ///< empty for HEAD (content_length says the size)
  std::size_t content_length = 0;  ///< the body's size, also for HEAD
  std::string allow;               ///< for 405: the methods allowed
  /// An event stream was asked for: the map whose live updates to send.
  map_state* events = nullptr;
};

/// The path a request target names: percent-decoded, '/'-separated, without
/// the query. Nothing for a target that is not an origin-form path, holds a
/// malformed escape, a NUL or another control character, a backslash, or a
/// `.` or `..` segment (encoded or not): such a target is refused whole.
std::optional<std::string> decode_path(std::string_view target);

/// True when `host` (the Host header) names this server: one of `names`
/// (e.g. "127.0.0.1", "localhost", "[::1]"), with `port` or without one.
bool host_allowed(std::string_view host, const std::vector<std::string>& names, unsigned port);

/// The answer to `method target` with Host `host` from the served `s`.
reply answer(site& s, std::string_view method, std::string_view target, std::string_view host,
             const std::vector<std::string>& names, unsigned port);

}  // namespace argmap::serve
