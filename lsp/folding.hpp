#pragma once
/// \file
/// The regions of a file an editor can fold: the front matter, sections,
/// claims with lines under them, and block comments.

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/ast.hpp"

namespace argmap::lsp {

/// One foldable region: first and last line, 1-based, and LSP's kind.
struct fold {
  std::uint32_t first = 0, last = 0;
  std::string kind;  ///< "region" or "comment"
};

/// The foldable regions of `doc`, a file of `line_count` lines: the front
/// matter, each section (from its heading to the line before the next
/// heading of the same or a higher level, trailing blank lines left out),
/// each claim with lines under it, each block comment of several lines; in
/// the order they start. `blank[n]` says whether line n is blank.
std::vector<fold> folds_of(const ast::document& doc, const std::vector<bool>& blank);

}  // namespace argmap::lsp
