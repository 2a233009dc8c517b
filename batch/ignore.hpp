#pragma once
/// \file
/// `.argmapignore`: gitignore patterns, matched in polynomial time.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace argmap::batch {

/// One pattern, compiled: its '/'-separated segments, each a list of tokens.
struct glob_pattern {
  /// One element of a segment.
  struct token {
    enum kind_t { literal, any_char, star, char_class } kind = literal;
    char32_t ch = 0;                                    ///< literal: the code point
    bool negated = false;                               ///< char_class: `[!...]` / `[^...]`
    std::vector<std::pair<char32_t, char32_t>> ranges;  ///< char_class: inclusive ranges
  };
  /// A segment: tokens, or `**` (any number of whole segments).
  struct segment {
    bool globstar = false;
    std::vector<token> tokens;
  };
  std::vector<segment> segments;
};

/// A list of gitignore-style patterns: `#` comments and blank lines are
/// skipped (`\#` starts a pattern with '#'); trailing spaces are dropped
/// unless escaped (`\ `); a pattern with a `/` other than a trailing one is
/// anchored to the folder of the ignore file, otherwise it matches a name at
/// any depth; a trailing `/` matches folders only; `!` re-includes what an
/// earlier pattern excluded (`\!` starts a pattern with '!'); `a/**` matches
/// everything inside `a`, `**/a` an `a` anywhere, `a/**/b` any folders between.
class ignore_list {
 public:
  ignore_list() = default;
  /// Reads the patterns of the ignore file `name` holding `text`. A line that
  /// is not a valid pattern is an error in `problems` (with its line and
  /// column), and is not used.
  ignore_list(std::string_view text, const std::string& name, std::vector<diagnostic>& problems);

  /// Whether `path` (relative, '/'-separated) is ignored by a pattern, given
  /// that none of its folders is: what a walk that skips ignored folders asks.
  bool matches(std::string_view path, bool directory) const;

  /// Whether `path` or one of its folders is ignored. A file inside an
  /// ignored folder is ignored (a later `!` cannot re-include it, as in git).
  bool ignored(std::string_view path, bool directory) const;

 private:
  struct rule {
    glob_pattern glob;
    bool negate = false;
    bool directory_only = false;
  };
  std::vector<rule> rules_;
};

}  // namespace argmap::batch
