#pragma once
/// \file
/// The parser's public entry: one file's bytes in, its AST and diagnostics out.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source.hpp"
#include "grammar/ast.hpp"

namespace argmap::grammar {

/// Limits that keep hostile input cheap.
struct parse_options {
  std::size_t max_errors = 100;  ///< stop reporting (and parsing) after this many errors
  unsigned max_depth = 256;      ///< deepest outline level accepted (roots are level 0)
  /// Longest line accepted, in bytes; also the longest text one claim may
  /// gather from its continuation lines. Longer lines are reported and skipped.
  std::size_t max_line_bytes = 65536;
  std::size_t max_id_bytes = ast::max_id_length;  ///< longest id (`[id]`, `@id`) accepted
  /// Most claims the whole map may have (`--max-nodes`); load_map shares it
  /// among the files it reads. Parsing stops at the first claim over it.
  /// Reference lines (`@id`) are not claims: they may number at most
  /// `references_per_claim` times this, so that memory stays bounded.
  std::size_t max_claims = 100000;
  std::size_t claims_before = 0;      ///< claims load_map has read in the map's earlier files
  std::size_t references_before = 0;  ///< reference lines load_map has read before
  static constexpr std::size_t references_per_claim = 4;  ///< see max_claims
  unsigned max_include_depth = 64;  ///< longest chain of files including each other
};

/// What parsing one file gives.
struct parse_result {
  ast::document doc;                     ///< the AST; partial when there are errors
  std::vector<diagnostic> diagnostics;  ///< errors and warnings in source order
  std::size_t claims = 0;               ///< claim lines read (at most max_claims + 1)
  std::size_t references = 0;           ///< reference lines read
};

/// Parses file `file` of `sources`. Includes are recorded in the AST, not
/// followed (see load_map). Never throws on bad input; every problem becomes a
/// diagnostic. Example:
/// \code
///   source_set s{{{"a.arg", "[t] Tea is good.\n  + It is warm.\n"}}};
///   parse_result r = parse(s, 0);  // r.doc.items holds one root claim
/// \endcode
parse_result parse(const source_set& sources, std::uint32_t file, const parse_options& options = {});

}  // namespace argmap::grammar
