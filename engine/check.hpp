#pragma once
/// \file
/// The whole checking pipeline for one map: load, build, lint, filter, sort.
/// `argmap check` runs it per file; render, eval and build start from it.

#include <set>
#include <string>
#include <vector>

#include "engine/build.hpp"
#include "grammar/load.hpp"

namespace argmap::engine {

/// What to check and report.
struct check_options {
  std::set<std::string> disabled;  ///< warning names switched off (`--no-warn`)
  grammar::parse_options parse;    ///< parser limits
  std::string include_root;        ///< includes must lie in this folder (empty: see disk_loader)
  std::size_t max_file_size = std::size_t{1} << 30;  ///< larger files are refused
};

/// A loaded, built and linted map. Move-only: the graph views the map's ASTs.
struct checked_map {
  checked_map() = default;
  checked_map(checked_map&&) = default;
  checked_map& operator=(checked_map&&) = default;
  checked_map(const checked_map&) = delete;
  checked_map& operator=(const checked_map&) = delete;

  grammar::loaded_map map;              ///< sources and ASTs
  argument_graph graph;                 ///< the argument graph (partial if there are errors)
  std::vector<diagnostic> diagnostics;  ///< every reported diagnostic, in source order
  bool unreadable = false;              ///< the named file itself could not be read

  /// Number of errors among the diagnostics.
  std::size_t errors() const;
  /// Number of warnings among the diagnostics.
  std::size_t warnings() const;
};

/// Checks the file `path` and its includes. Lint warnings are computed only
/// when the map has no errors (so one mistake does not cascade into warnings),
/// then filtered by `options.disabled` and by the named file's front-matter
/// `lint:` entry. Diagnostics are sorted by file (in load order), line and column.
checked_map check_file(const std::string& path, grammar::file_loader& loader,
                       const check_options& options);

/// Like check_file for a first file held in memory (standard input) called `name`.
checked_map check_text(const std::string& name, std::string text, grammar::file_loader& loader,
                       const check_options& options);

}  // namespace argmap::engine
