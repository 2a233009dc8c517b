#pragma once
/// \file
/// Small UTF-8 helpers: validation, code-point counting, decoding.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace argmap::utf8 {

/// Returns the byte index of the first byte that does not start a valid UTF-8
/// sequence (overlong forms, surrogates and code points above U+10FFFF are
/// invalid), or `npos` when `s` is valid.
std::size_t find_invalid(std::string_view s);

/// Where a text is not readable as a map, and why.
struct unreadable {
  std::size_t offset = std::string_view::npos;  ///< byte offset of the problem; npos: readable
  std::string what;                             ///< e.g. "NUL byte (is this a binary file?)"
};

/// Whether `text` is valid UTF-8 without NUL bytes, control characters or
/// code points argmap text cannot hold (find_forbidden; LF and CRLF line ends
/// are fine): the first problem, with what it is ("not valid UTF-8 (byte
/// 0xNN); argmap reads UTF-8", "NUL byte (is this a binary file?)", "control
/// character U+001B (ESC), which argmap text cannot hold", ...).
unreadable check_readable(std::string_view text);

/// Like find_invalid(s); also sets `ascii` to whether every byte of `s` is ASCII.
std::size_t find_invalid(std::string_view s, bool& ascii);

/// A code point find_forbidden found.
struct forbidden {
  std::size_t offset = std::string_view::npos;  ///< byte offset, npos when none
  std::size_t length = 0;                       ///< its length in bytes
  char32_t code_point = 0;                      ///< what it is
};

/// Finds the first code point in `s` (valid UTF-8) that argmap text may not
/// hold: a C0 control other than tab (line feeds are line ends), DEL, a C1
/// control (U+0080 to U+009F) or a noncharacter (is_noncharacter).
forbidden find_forbidden(std::string_view s);

/// True for U+FDD0 to U+FDEF and the last two code points of every plane
/// (U+FFFE, U+FFFF, U+1FFFE, ...): noncharacters, which XML cannot hold.
bool is_noncharacter(char32_t c);

/// " (ESC)", " (BEL)", ... for a C0 control or DEL; "" for anything else.
const char* control_name(char32_t c);

/// `s` with every control character (C0 but tab, DEL, C1) written as
/// `\xNN` (`\u0085` for C1) and invalid UTF-8 bytes as `\xNN`: safe to
/// print on a terminal or in a CI log.
std::string visible(std::string_view s);

/// Number of code points in `s`, which must be valid UTF-8 (invalid bytes count one each).
std::size_t length(std::string_view s);

/// Up to `count` code points of `s` starting at code point `first`.
std::string substr(std::string_view s, std::size_t first, std::size_t count);

/// Returns `s` with every invalid byte replaced by U+FFFD, so it can be printed safely.
std::string sanitize(std::string_view s);

/// Decodes the code point at `p` (valid UTF-8, `p < end`) and advances `p` past it.
char32_t decode(const char*& p, const char* end);

/// True when code point `c` may appear in a `#tag` besides ASCII letters,
/// digits, `-` and `_`: letters and marks of any script. Punctuation, symbols
/// and spaces outside ASCII are excluded by block (see docs/language.md).
bool is_tag_code_point(char32_t c);

/// The 1-based column (in code points) of byte `offset` within `line`.
inline std::uint32_t column(std::string_view line, std::size_t offset) {
  return static_cast<std::uint32_t>(length(line.substr(0, offset)) + 1);
}

}  // namespace argmap::utf8
