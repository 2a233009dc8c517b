#pragma once
/// \file
/// gitignore-style patterns for `.argmapignore`.

#include <string>
#include <string_view>
#include <vector>

namespace argmap {

/// A list of gitignore-style patterns: `#` comments and blank lines are
/// skipped; `*` and `?` match within one path segment, `**` across segments;
/// a pattern with a `/` (other than a trailing one) is anchored to the folder
/// of the ignore file, otherwise it matches a name at any depth; a trailing
/// `/` matches folders only; `!` re-includes what an earlier pattern excluded.
class ignore_list {
 public:
  /// Reads patterns from the text of an ignore file.
  explicit ignore_list(std::string_view text = {});

  /// True when `path` (relative, '/'-separated) is ignored. `directory` says
  /// whether it names a folder. A file inside an ignored folder is ignored.
  bool ignored(std::string_view path, bool directory) const;

 private:
  struct pattern {
    std::string glob;
    bool negate = false;
    bool directory_only = false;
    bool anchored = false;
  };
  bool matches(const pattern& p, std::string_view path, bool directory) const;
  std::vector<pattern> patterns_;
};

/// Glob match of `text` against `glob` where `*` and `?` do not cross '/', and
/// `**` matches any number of whole segments.
bool glob_match(std::string_view glob, std::string_view text);

}  // namespace argmap
