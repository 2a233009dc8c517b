#pragma once
/// \file
/// Source files and positions: what crosses from the parser to every later phase.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace argmap {

/// A span of source text. Lines and columns are 1-based; columns count Unicode
/// code points, not bytes. `file` indexes the `source_set` the range belongs to.
/// `end_col` is one past the last character (a one-character range has
/// `end_col == col + 1`).
struct source_range {
  std::uint32_t file = 0;      ///< index into source_set::files
  std::uint32_t line = 0;      ///< first line, 1-based (0: no position)
  std::uint32_t col = 0;       ///< first column, 1-based
  std::uint32_t end_line = 0;  ///< last line
  std::uint32_t end_col = 0;   ///< column one past the end

  friend bool operator==(const source_range&, const source_range&) = default;
};

/// One file's name (as the user wrote it or as resolved from an include) and bytes.
struct source_file {
  source_file() = default;
  /// A file called `name` holding `text`.
  source_file(std::string name, std::string text) : name(std::move(name)), text(std::move(text)) {}

  std::string name;  ///< path used in diagnostics
  std::string text;  ///< the raw bytes, possibly with a UTF-8 BOM

  /// Returns line `line` (1-based) without its line terminator, or an empty view
  /// when the file has no such line.
  std::string_view line_text(std::uint32_t line) const;

 private:
  mutable std::vector<std::uint32_t> line_starts_;  // built on first line_text call
};

/// Every file of one map, in the order they were loaded; `source_range::file` indexes it.
struct source_set {
  std::vector<source_file> files;  ///< files[0] is the file the user named
};

}  // namespace argmap
