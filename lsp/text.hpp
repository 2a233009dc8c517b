#pragma once
/// \file
/// What LSP positions and URIs mean for argmap's text: LSP counts columns
/// in UTF-16 code units, argmap in code points; LSP names files by `file:`
/// URI, argmap by path.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace argmap::lsp {

/// The path a `file://` URI names (percent-escapes decoded); nothing for
/// another scheme or a malformed escape.
std::optional<std::string> path_of_uri(std::string_view uri);

/// The `file://` URI of an absolute `path`, with the characters a URI cannot
/// hold percent-escaped.
std::string uri_of_path(std::string_view path);

/// The UTF-16 column (0-based) of code-point column `col` (1-based) on `line`.
std::uint32_t utf16_column(std::string_view line, std::uint32_t col);

/// The byte offset in `text` of an LSP position (0-based line, UTF-16
/// column); a position past the end of its line or of the text is clamped
/// there, as the protocol asks.
std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t character);

}  // namespace argmap::lsp
