#pragma once
/// \file
/// What the X3 line grammars produce, and the functions that run them. This
/// header is Spirit-free: the outline pass includes it; only the grammar `.cpp`
/// files see X3. Offsets are byte offsets into the parsed line content.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/optional.hpp>
#include <boost/range/iterator_range_core.hpp>

namespace argmap::grammar::syntax {

/// A byte range within the parsed text; filled by the grammar on success.
struct offsets {
  std::uint32_t begin = 0;  ///< first byte
  std::uint32_t end = 0;    ///< one past the last byte
};

/// An attribute value: a double-quoted string (raw, escapes still in) or a bare word.
struct value : offsets {
  bool quoted = false;  ///< written between double quotes
  std::string raw;      ///< the characters between the quotes, or the bare word
};

/// One `key: value` pair.
struct pair : offsets {
  std::string key;  ///< the key as written
  value val;        ///< the value
};

/// The content of a claim line after its marker, or of a continuation line.
struct claim_content {
  boost::optional<std::string> label;  ///< the text between `[` and `]`, not yet validated
  boost::iterator_range<const char*> raw_text;  ///< text with escapes still in, trimmed
  std::vector<std::string> tags;       ///< trailing `#tag`s without the `#`
  std::vector<pair> attributes;        ///< the `{...}` block, if any
};

/// Why a line grammar failed: where, and what it expected there.
struct failure {
  std::uint32_t offset = 0;  ///< byte offset of the unexpected input
  std::string expected;      ///< what was expected, in words (an X3 rule name)
};

/// Parses a claim line's content (after the marker): `[id]? text #tags {attrs}?`.
/// Returns false and fills `why` on a syntax error.
bool parse_claim_content(std::string_view line, claim_content& out, failure& why);

/// Parses a continuation line: `text #tags {attrs}?` with no id.
bool parse_continuation(std::string_view line, claim_content& out, failure& why);

/// Parses a reference line's content: `@id`, nothing else. `out` receives the id.
bool parse_reference(std::string_view line, std::string& out, failure& why);

/// Parses a front-matter line `key: value` (value: a quoted string or the rest of the line).
bool parse_front_matter_line(std::string_view line, pair& out, failure& why);

/// Parses `include "path"`; `out.val.raw` receives the path with escapes still in.
bool parse_include_line(std::string_view line, pair& out, failure& why);

/// Resolves the escapes of claim text: `\` before `+ - ~ ! & [ { # @ \` yields
/// that character; a backslash before anything else is kept.
std::string unescape_text(std::string_view raw);

/// Appends unescape_text(raw) to `out`.
void append_unescaped_text(std::string_view raw, std::string& out);

/// Resolves the escapes of a quoted string: `\"` and `\\`; other backslashes are kept.
std::string unescape_string(std::string_view raw);

/// The rule names the grammars use as `failure::expected`, so that the outline
/// pass can word each failure as the author needs it.
namespace expect {
inline constexpr const char* close_label = "']' to close the id";
inline constexpr const char* close_string = "'\"' to close the string";
inline constexpr const char* close_block = "',' or '}' to continue or close the attribute block";
inline constexpr const char* attribute_key = "an attribute name";
inline constexpr const char* colon = "':' after the attribute name";
inline constexpr const char* value = "an attribute value (a number, a word or a \"quoted string\")";
inline constexpr const char* line_end = "the end of the line (attributes come last on a line)";
inline constexpr const char* reference = "an id after '@'";
inline constexpr const char* reference_end = "the end of the line after the reference";
inline constexpr const char* fm_key = "a key (letters, digits, '_' or '-')";
inline constexpr const char* fm_colon = "':' after the key";
inline constexpr const char* fm_end = "the end of the line after the quoted value";
inline constexpr const char* include_path = "a quoted path after 'include'";
inline constexpr const char* include_end = "the end of the line after the include path";
}  // namespace expect

}  // namespace argmap::grammar::syntax
