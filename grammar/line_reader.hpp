#pragma once
/// \file
/// Internal to grammar/: the line level of the outline pass (parse.cpp). It
/// reads a file line by line, turns byte offsets into line:column ranges,
/// collects diagnostics (stopping after the error cap), checks each line's
/// encoding and length, counts claims against the limits, and reads what one
/// line holds: front-matter entries, and a claim's id, text, tags and
/// attributes through the X3 line grammars (line_syntax.hpp).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "grammar/lexical.hpp"
#include "grammar/line_syntax.hpp"
#include "grammar/parse.hpp"

namespace argmap::grammar {

using lexical::is_blank;

/// `s` without trailing blanks and carriage returns.
inline std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// `s` without leading and trailing blanks.
inline std::string_view trim(std::string_view s) {
  s = rtrim(s);
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

/// The state and the line-level steps of parsing one file; the outline
/// parser derives from it and adds indentation, comments, headings and includes.
class line_reader {
 protected:
  /// Reads file `file` of `sources` under `options`.
  line_reader(const source_set& sources, std::uint32_t file, const parse_options& options);

  /// Advances to the next line; sets `line_` (without its terminator) and `line_no_`.
  bool next_line();
  /// The column (in code points, from 1) of byte `offset_in_line` of the current line.
  std::uint32_t col_at(std::size_t offset_in_line) const;
  /// The range on the current line from byte offset `b` to byte offset `e`.
  source_range span(std::size_t b, std::size_t e) const;

  /// Reports an error; after `max_errors` of them, a note and no more.
  void error(source_range r, std::string code, std::string message);
  /// Reports a warning (none once the error cap has stopped the pass), with
  /// the edits that would resolve it.
  void warning(source_range r, std::string code, std::string message, std::vector<fix> fixes = {});
  /// Reports a line-grammar failure at byte `base + why.offset` of the current line.
  void grammar_error(std::size_t base, const syntax::failure& why);
  /// Puts the diagnostics in source order (claims are checked when their
  /// last continuation line is read); "too many errors" stays last.
  void sort_diagnostics();

  /// True when the file looks like UTF-16 (a BOM, or every other byte NUL).
  bool looks_like_utf16() const;
  /// Reports invalid UTF-8, a NUL byte, a control character or a
  /// noncharacter on the current line; true when the line is unusable.
  bool bad_bytes();
  /// Reports a line longer than `max_line_bytes`; true when it is (the line is then skipped).
  bool too_long();
  /// Counts a claim (or a reference line) about to be added; past the limit
  /// reports it and stops the pass, so memory is bounded by the limit.
  bool take_claim(std::size_t col, bool reference);
  /// Whether a claim line's content (after its marker) is a reference.
  static bool is_reference_line(std::string_view content);

  /// Reads the front matter, if the file starts with a `---` line.
  void read_front_matter();
  /// Fills claim `c` from its content, which starts at byte `base` of the line.
  void fill_claim(ast::claim& c, std::size_t base, std::string_view content);
  /// Adds a content line's text, tags and attributes to claim `c`.
  void add_content(ast::claim& c, std::size_t base, syntax::claim_content& cc);

  const source_set& sources_;
  std::uint32_t file_;
  const parse_options& options_;
  std::string_view text_;
  parse_result result_;

  std::size_t pos_ = 0;         ///< byte offset of the next line
  std::size_t line_start_ = 0;  ///< byte offset of the current line
  std::uint32_t line_no_ = 0;
  std::string_view line_;
  bool line_ascii_ = false;  ///< the current line is all ASCII: columns are byte offsets + 1

  std::size_t errors_ = 0;
  bool stopped_ = false;  ///< the error cap or a limit ended the pass
  std::size_t claims_ = 0;
  std::size_t references_ = 0;

 private:
  std::string attribute_hint(std::size_t at) const;
  bool unholdable();
  ast::attribute to_attribute(const syntax::pair& p, std::size_t base) const;
  void id_too_long(std::size_t base, std::size_t width, std::size_t length);
  void check_attribute(const ast::claim& c, const ast::attribute& a);
};

}  // namespace argmap::grammar
