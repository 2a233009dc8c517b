#pragma once
/// \file
/// How importers write a map: they build its ast::document line by line
/// here, and the formatter prints it. No importer writes argmap syntax.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/ast.hpp"

namespace argmap::engine {

/// One claim line an importer adds: everything but its place in the outline.
struct claim_line {
  ast::relation rel = ast::relation::root;  ///< root for a top-level claim
  bool outgoing = false;                    ///< `+>`, `->`, `~>`
  std::string id;                           ///< a valid id, or empty
  std::string text;                         ///< any text (see map_builder::claim)
  std::vector<std::string> tags;            ///< any words (see map_builder::claim)
  std::vector<std::pair<std::string, std::string>> attributes;  ///< key (a valid key), any value
};

/// Builds the document an importer writes, in reading order. What is stored
/// is what the printed map reads back as: claim text with its line breaks as
/// spaces and no blanks at either end ("(no text)" when blank), tags made
/// tags (tag_text; an empty one is dropped), values and headings on one line.
class map_builder {
 public:
  /// A front-matter entry (`key` a valid key); entries print in the order added.
  void meta(std::string key, std::string_view value);
  /// A `// text` comment line before whatever is added next.
  void comment(std::string_view text);
  /// A blank line before the next top-level line (a heading always has one).
  void blank_line();
  /// A heading of `level` `#`s (at least 1) and `title` (not blank).
  void heading(unsigned level, std::string_view title);
  /// A claim line at `depth` (0 for a root, whose relation must be root). A
  /// line goes under the last line one level up; it is at most one level
  /// deeper than the line before it (a deeper one is put at that level).
  void claim(std::size_t depth, claim_line line);
  /// A claim line without tags or attributes.
  void claim(std::size_t depth, ast::relation rel, std::string id, std::string_view text);
  /// A reference line `@id` at `depth` (never 0).
  void reference(std::size_t depth, ast::relation rel, std::string id, bool outgoing = false);

  /// The document built so far.
  const ast::document& document() const { return doc_; }
  /// The map as `argmap fmt` prints the document (format_document).
  std::string text() const;

 private:
  void place(std::size_t depth, ast::claim c);
  source_range next_line();

  // Lines are numbered as a parsed file's would be, so that the formatter
  // puts comments and blank lines where they were added.
  ast::document doc_;
  std::vector<bool> blank_before_{false, false};  // [line]: a blank line comes before it
  std::vector<ast::claim*> path_;                 // the last claim line at each depth
  std::uint32_t line_ = 1;                        // the last line number given out
  bool body_ = false;                             // past the front matter
  bool blank_ = false;                            // blank_line() before the next line
};

}  // namespace argmap::engine
