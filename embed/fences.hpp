#pragma once
/// \file
/// Finding the `argmap` blocks of a Markdown document: fenced code blocks
/// (CommonMark: three or more backticks or tildes, at most three spaces in)
/// whose info string starts with `argmap` (or pandoc's `{.argmap ...}`),
/// with the options written after it (`argmap focus=thesis depth=2`).

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace argmap::embed {

/// One option on a fence line: `key=value`, `key="a value"` or a bare `key`
/// (value empty, `flag` true).
struct fence_option {
  std::string key;         ///< e.g. "focus"
  std::string value;       ///< e.g. "thesis"; quotes removed
  bool flag = false;       ///< written without `=`
  std::size_t column = 0;  ///< 1-based column of the key on the fence line
};

/// One `argmap` block.
struct fence {
  std::size_t open_line = 0;   ///< 1-based line of the opening fence
  std::size_t close_line = 0;  ///< 1-based line of the closing fence (0: never closed)
  std::size_t indent =
      0;  ///< spaces before the fence, removed from each content line (up to this many)
  std::size_t begin = 0;  ///< byte offset where the opening fence's line starts
  std::size_t end = 0;  ///< byte offset just after the closing fence's line (its newline included)
  std::string opening;  ///< the fence characters, e.g. "```"
  std::string info;     ///< the info string as written, after the fence characters
  std::vector<fence_option> options;  ///< parsed from the info string
  /// The content: lines between the fences, each without its first `indent`
  /// spaces, joined with '\n'.
  std::string text;
  /// For each content line (0-based), how many spaces were removed from it.
  std::vector<std::size_t> removed;
};

/// A diagnostic on line `line` (1-based) of the document `name`, columns
/// [col, end_col), showing `line_text`.
diagnostic at(const std::string& name, std::string_view line_text, std::size_t line,
              std::size_t col, std::size_t end_col, severity level, std::string code,
              std::string message);

/// What find_fences found.
struct scan {
  std::vector<fence> fences;  ///< the `argmap` blocks, in order
  std::vector<diagnostic>
      diagnostics;  ///< malformed options, unclosed blocks, blocks that will not render
};

/// Finds the `argmap` blocks of `markdown`, a document named `name` in
/// diagnostics (as file 0 of no source set: each diagnostic carries `name`
/// and its line text). Other fenced blocks are skipped whole, so an `argmap`
/// fence shown inside a ```` ```markdown ```` example is not a block. An
/// `argmap` fence that is never closed is an error; one indented four spaces
/// or more, or inside a block quote, is a warning (it would not be rendered).
scan find_fences(std::string_view markdown, const std::string& name);

/// The lines of `text` (split at '\n'; a trailing "\r" kept out of each), as
/// byte ranges [first, second).
std::vector<std::pair<std::size_t, std::size_t>> split_lines(std::string_view text);

}  // namespace argmap::embed
