#pragma once
/// \file
/// The four forms `argmap diff` writes (docs/diff.md): human, json,
/// markdown (a pull-request comment) and github (annotations).

#include <optional>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/compare.hpp"
#include "engine/evaluate.hpp"

namespace argmap::cli {

/// One claim whose evaluation changed (`--eval`).
struct status_change {
  engine::claim_index before = 0;  ///< in the old version
  engine::claim_index after = 0;   ///< in the new version
  std::string was, is;             ///< "in", "out", "undec", or a strength "0.62"
  bool thesis = false;             ///< premise of nothing: what the map argues for
};

/// One version of a map.
struct diff_side {
  std::string name;                        ///< as shown: the path, or "REV:path"
  bool present = true;                     ///< false: the map is not in this version (folders)
  engine::checked_map map;                 ///< checked, without errors (empty when absent)
  std::optional<engine::evaluation> eval;  ///< with --eval
};

/// Two versions of a map and how they differ.
struct map_diff {
  diff_side before, after;
  engine::comparison comparison;
  std::vector<status_change> statuses;  ///< with --eval: thesis first, then in reading order
  /// Whether the two versions argue the same (no change at all).
  bool same() const { return comparison.same() && statuses.empty(); }
};

/// How to write a diff.
struct diff_style {
  bool colour = false;    ///< human: ANSI colours
  std::string semantics;  ///< the --eval semantics ("" when not evaluated)
  /// markdown: links `[file:line](LINK/file#Lline)` when not empty
  /// (e.g. https://github.com/OWNER/REPO/blob/SHA).
  std::string link;
};

/// Grouped and readable, a line per change, a summary at the end.
std::string format_diff_human(const std::vector<map_diff>& diffs, const diff_style& style);
/// `{"same": ..., "maps": [...]}` on one line (docs/diff.schema.json).
std::string format_diff_json(const std::vector<map_diff>& diffs, const diff_style& style);
/// A compact summary for a pull-request comment: counts, then the changes
/// that matter most (evaluation, removed and added claims, relations, then
/// the rest), at most 30 rows per map, with line links.
std::string format_diff_markdown(const std::vector<map_diff>& diffs, const diff_style& style);
/// A GitHub Actions `::notice` per change, on the new file's line.
std::string format_diff_github(const std::vector<map_diff>& diffs, const diff_style& style);

}  // namespace argmap::cli
