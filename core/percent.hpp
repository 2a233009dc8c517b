#pragma once
/// \file
/// Percent-encoding, for paths in `file:` URIs (the language server) and in
/// links (the HTML pages), and decoding request targets (`argmap serve`).

#include <optional>
#include <string>
#include <string_view>

namespace argmap {

/// `text` with every byte but ASCII letters, digits, `-`, `.`, `_`, `~`
/// and `/` written as `%XX` (upper-case hex): a path as a URI path.
std::string percent_encode(std::string_view text);

/// `text` with each `%XX` turned back into its byte; nothing when a `%` is
/// not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace argmap
