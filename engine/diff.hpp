#pragma once
/// \file
/// Line diffs (`argmap fmt --diff`): Myers' O(ND) algorithm, written as a
/// unified diff that `patch` applies.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace argmap::engine {

/// One line of a text: its bytes without the line feed, and whether a line
/// feed ended it (only the last line of a text can lack one).
struct text_line {
  std::string_view text;  ///< without the terminating '\n'
  bool newline = true;    ///< false for a last line without '\n'
  friend bool operator==(const text_line&, const text_line&) = default;
};

/// The lines of `text` (views into it).
std::vector<text_line> split_lines(std::string_view text);

/// One step of an edit script: keep a line of both, delete one of `a`, insert one of `b`.
enum class edit { keep, remove, insert };

/// A shortest edit script from `a` to `b` (Myers 1986, the greedy forward
/// form), after setting aside the common first and last lines. Time is
/// O((N+M) D) for D differences; past `max_differences` differences the
/// middle that differs is written as one replacement, which is still a
/// correct (if longer) script, so time (O((N+M) max)) and memory (O(max^2))
/// stay bounded on any input.
std::vector<edit> diff_lines(const std::vector<text_line>& a, const std::vector<text_line>& b,
                             std::size_t max_differences = 2000);

/// A unified diff (`--- a/NAME`, `+++ b/NAME`, hunks with 3 lines of context,
/// `\ No newline at end of file` where a text lacks a final line feed) from
/// `before` to `after`, which GNU patch applies to `before` to give exactly
/// `after`; empty when they are equal.
std::string unified_diff(const std::string& name, const std::string& before,
                         const std::string& after);

}  // namespace argmap::engine
