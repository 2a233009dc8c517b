#pragma once
/// \file
/// The language's lexical rules, written once: which characters are markers,
/// which can be escaped, what an id, a key and a tag are, and where a claim's
/// text ends and its trailing tags begin. The grammar (the X3 rules, the
/// outline pass, unescaping) and the formatter (escaping, what importers
/// write) both use these, so the two cannot drift apart.

#include <cstddef>
#include <string_view>

namespace argmap::grammar::lexical {

/// A space or a tab: the only blanks between tokens.
constexpr bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

/// A relation marker: `+ - ~ ! &`.
constexpr bool is_marker(char c) {
  return c == '+' || c == '-' || c == '~' || c == '!' || c == '&';
}

/// A character a backslash escapes in claim text: the markers, `[ { # @` and
/// `\` itself. A backslash before any other character is kept as written.
constexpr bool is_escapable_in_text(char c) {
  return is_marker(c) || c == '[' || c == '{' || c == '#' || c == '@' || c == '\\';
}

/// A character a backslash escapes in a quoted string: `"` and `\`.
constexpr bool is_escapable_in_string(char c) {
  return c == '"' || c == '\\';
}

/// An ASCII letter.
constexpr bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// An ASCII digit.
constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

/// The first character of an id or a key: a letter or `_`.
constexpr bool is_name_start(char c) {
  return is_ascii_alpha(c) || c == '_';
}

/// The punctuation an id may hold after its first character (with letters,
/// digits and `_`). A key allows `_-` only.
inline constexpr char id_punctuation[] = "_.-";

/// The punctuation a key may hold after its first character.
inline constexpr char key_punctuation[] = "_-";

/// The punctuation a tag may hold.
inline constexpr char tag_punctuation[] = "-_";

/// A character of an id after the first: letter, digit, `_`, `.` or `-`.
constexpr bool is_id_char(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '_' || c == '.' || c == '-';
}

/// A character of a key after the first: letter, digit, `_` or `-`.
constexpr bool is_key_char(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '_' || c == '-';
}

/// `[A-Za-z_][A-Za-z0-9_.-]*`.
bool is_id(std::string_view s);

/// `[A-Za-z_][A-Za-z0-9_-]*`.
bool is_key(std::string_view s);

/// An ASCII character of a tag: letter, digit, `-` or `_`.
constexpr bool is_ascii_tag_char(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '_';
}

/// One or more tag characters: ASCII ones and the code points of
/// utf8::is_tag_code_point (letters and digits of any script); valid UTF-8.
bool is_tag(std::string_view s);

/// The characters that end an unquoted attribute value: `,` `{` `}` `"`.
inline constexpr char bare_value_stops[] = ",{}\"";

/// True when `v` written unquoted in an attribute block reads back as `v`:
/// not empty, no blank at either end, none of bare_value_stops.
bool is_bare_value(std::string_view v);

/// True when `v` written unquoted after `key:` in the front matter reads back
/// as `v`: not empty, no blank at either end, not starting with `"`.
bool is_bare_front_matter_value(std::string_view v);

/// Where claim text ends in `line` (escapes still in, up to its attribute
/// block or the end): before its trailing blanks and its trailing tags. A
/// trailing tag is `#` + is_tag() characters after a blank or at the start of
/// the text, with only blanks and other trailing tags after it; `\#` is no
/// tag. Returns a byte offset; linear time.
std::size_t text_end(std::string_view line);

}  // namespace argmap::grammar::lexical
