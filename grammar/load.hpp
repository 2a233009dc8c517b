#pragma once
/// \file
/// Loading a map: the named file and every file it includes, parsed, with the
/// checks that span files (missing and cyclic includes, duplicate ids).

#include <map>
#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/parse.hpp"
#include "grammar/source.hpp"

namespace argmap {

/// Where file contents come from: the disk, or memory in tests and fuzzers.
class file_loader {
 public:
  virtual ~file_loader() = default;
  /// Reads `path` into `contents`. On failure returns false and says why in `error`.
  virtual bool read(const std::string& path, std::string& contents, std::string& error) = 0;
  /// A name that is equal for two paths exactly when they name the same file.
  virtual std::string identity(const std::string& path) = 0;
};

/// Reads files from the file system. Refuses files larger than `max_bytes`.
class disk_loader : public file_loader {
 public:
  /// Files larger than `max_bytes` (default 1 GiB) are refused with an error.
  explicit disk_loader(std::size_t max_bytes = std::size_t{1} << 30) : max_bytes_(max_bytes) {}
  bool read(const std::string& path, std::string& contents, std::string& error) override;
  std::string identity(const std::string& path) override;

 private:
  std::size_t max_bytes_;
};

/// Serves files from a map of path to contents.
class memory_loader : public file_loader {
 public:
  std::map<std::string, std::string> files;  ///< path (normalised) to contents
  bool read(const std::string& path, std::string& contents, std::string& error) override;
  std::string identity(const std::string& path) override;
};

/// The path an `include "path"` in file `including` refers to: `path` relative
/// to the directory of `including` (absolute paths are kept), lexically normalised.
std::string resolve_include(const std::string& including, const std::string& path);

/// A map's files, their ASTs and every diagnostic found while loading them.
struct loaded_map {
  source_set sources;                    ///< every file read, the named one first
  std::vector<ast::document> documents;  ///< documents[i] is sources.files[i] parsed
  std::vector<diagnostic> diagnostics;  ///< in the order found

  /// True when no diagnostic is an error.
  bool ok() const;
};

/// Loads the file `path` and its includes through `loader`. Each file is read
/// once; an include cycle, a missing include and a duplicate id are errors.
/// A file that cannot be read at all gives a loaded_map with one error and no documents.
loaded_map load_map(const std::string& path, file_loader& loader, const parse_options& options = {});

/// Like load_map, for a first file already in memory (e.g. standard input)
/// named `name`; its includes are read through `loader`.
loaded_map load_map_from_text(const std::string& name, std::string text, file_loader& loader,
                              const parse_options& options = {});

}  // namespace argmap
