#pragma once
/// \file
/// The build manifest: what `argmap build` rendered, with which inputs, into
/// which files. It lives in the output folder, often in a CI cache, so it is
/// read as untrusted input.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace argmap::batch {

/// One map's entry.
struct manifest_entry {
  std::string key;  ///< hash of the map's files, the options and argmap's version
  /// Each output written (path in the output folder) and the content_hash of
  /// what was written.
  std::map<std::string, std::uint64_t> outputs;
};

/// The whole manifest: map (relative source path) to entry.
struct manifest {
  std::map<std::string, manifest_entry> maps;
};

/// The output `relative` (a map's path, ending in `.arg`) gives in `format`:
/// the same path with the format as its extension.
std::string output_name(const std::string& relative, const std::string& format);

/// Reads a manifest's text. Anything that is not a manifest this version of
/// argmap wrote is discarded: text that is not JSON or not of the expected
/// shape gives an empty manifest, an entry that fails validation (a map path
/// that is not plain and relative, an output that is not the map's own
/// output name, a malformed hash) is dropped. Each discard adds a sentence
/// to `warnings`.
manifest parse_manifest(const std::string& text, std::vector<std::string>& warnings);

/// The text of `m`, one entry a line (stable: sorted by map).
std::string manifest_text(const manifest& m);

/// The file name of the manifest in the output folder.
inline constexpr const char* manifest_file = ".argmap-manifest.json";

}  // namespace argmap::batch
