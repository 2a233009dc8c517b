#pragma once
/// \file
/// Finding the maps `argmap build` renders: a walk of the source folders that
/// stays inside them.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace argmap::batch {

/// A map found under a source.
struct found_map {
  std::string path;      ///< the path to read, as found (source root / relative)
  std::string relative;  ///< under its source root, '/'-separated: names its outputs
  /// Set when the map cannot be built (a link leading out of the source
  /// folder, a loop of links): it is reported as failed with this message.
  std::string problem;
};

/// A file `map` read (the map itself or an include), named as a reader of
/// the outputs sees it: a '/'-separated path under the source folder, like
/// `map.relative`, never where the build or the server runs.
std::string shown_path(const found_map& map, const std::string& file);

/// What the walk found.
struct discovery {
  std::vector<found_map> maps;  ///< sorted by `relative`, each once
  std::vector<diagnostic>
      diagnostics;  ///< warnings for what was skipped, errors for what stops the build
  /// An error that makes the command line unusable (a missing source, two
  /// sources giving one output): exit 2.
  bool usage_error = false;

  /// True when a diagnostic is an error.
  bool has_errors() const;
};

/// Walks the sources: a file is one map (named by its file name); a folder
/// gives every `.arg` file below it that is not a partial (`_*`), not inside
/// a hidden folder or the output folder (`output`: device and inode), and not
/// ignored by the `.argmapignore` at the folder's root. Folders are walked
/// once each, in time linear in the number of entries; links to folders are
/// not followed. A link to a map is followed only when its target lies inside
/// the source folder (else the map fails with `problem`); FIFOs, devices and
/// sockets are skipped with a warning, so is a name that is not valid UTF-8.
/// Two different maps that would write the same output are an error naming both.
/// `max_ignore_bytes` bounds the ignore file. With `partials`, partials are
/// found too (for `argmap fmt`, which formats every source file).
discovery discover(const std::vector<std::string>& sources,
                   std::pair<std::uint64_t, std::uint64_t> output, std::size_t max_ignore_bytes,
                   bool partials = false);

/// `name` with bytes that are not printable UTF-8 shown as `\xNN`, for messages.
std::string printable_name(std::string_view name);

}  // namespace argmap::batch
