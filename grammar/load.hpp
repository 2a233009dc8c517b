#pragma once
/// \file
/// Loading a map: the named file and every file it includes, parsed, with the
/// checks that span files (missing and cyclic includes, duplicate ids).

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source.hpp"
#include "grammar/ast.hpp"
#include "grammar/parse.hpp"

namespace argmap::grammar {

/// Where file contents come from: the disk, or memory in tests and fuzzers.
class file_loader {
 public:
  virtual ~file_loader() = default;
  /// Reads `path` into `contents`. On failure returns false with a diagnostic
  /// about `path` in `problem` whose message says why in a few words ("No
  /// such file or directory"), to follow "cannot read 'path': ".
  virtual bool read(const std::string& path, std::string& contents, diagnostic& problem) = 0;
  /// Reads the map's named file (not an include); by default as read() does.
  virtual bool read_named(const std::string& path, std::string& contents, diagnostic& problem) {
    return read(path, contents, problem);
  }
  /// A name that is equal for two paths exactly when they name the same file.
  virtual std::string identity(const std::string& path) = 0;
  /// Called once before a map is loaded, with the named file's path
  /// (`<stdin>` for standard input).
  virtual void start(const std::string& top_level) { (void)top_level; }
  /// The names of the map files (`*.arg`) in the folder `path` would be in,
  /// for "did you mean" when `path` cannot be read; empty by default.
  virtual std::vector<std::string> neighbours(const std::string& path) {
    (void)path;
    return {};
  }
  /// Whether `path` may be included; if not, says why in `refusal` (a
  /// diagnostic about `path`, a few words as its message). Asked before
  /// reading an include (the named file itself is not asked).
  virtual bool may_include(const std::string& path, diagnostic& refusal) {
    (void)path;
    (void)refusal;
    return true;
  }
};

/// Reads files from the file system (through io::read_file). Refuses files
/// larger than `max_bytes`, includes that are not regular files or lie
/// outside the include root, and, unless `named_streams`, a named file that
/// is not a regular file.
class disk_loader : public file_loader {
 public:
  /// Files larger than `max_bytes` (default 1 GiB) are refused with an error.
  /// `include_root` empty: the nearest folder above the named file that holds
  /// `.git`, else the named file's own folder (for standard input: the same
  /// search from the working directory). `named_streams`: the named file may
  /// be a FIFO or a device (a file the user named, e.g. `<(generate-map)`),
  /// read up to `max_bytes`.
  explicit disk_loader(std::size_t max_bytes = std::size_t{1} << 30, std::string include_root = {},
                       bool named_streams = true)
      : max_bytes_(max_bytes),
        root_(std::move(include_root)),
        root_given_(!root_.empty()),
        named_streams_(named_streams) {}
  bool read(const std::string& path, std::string& contents, diagnostic& problem) override;
  bool read_named(const std::string& path, std::string& contents, diagnostic& problem) override;
  std::string identity(const std::string& path) override;
  void start(const std::string& top_level) override;
  bool may_include(const std::string& path, diagnostic& refusal) override;
  std::vector<std::string> neighbours(const std::string& path) override;
  /// The folder includes must lie in, canonical (known after start()).
  const std::string& include_root() const { return root_; }

 private:
  std::size_t max_bytes_;
  std::string root_;
  bool root_given_;
  bool named_streams_;
};

/// Serves files from a map of path to contents.
class memory_loader : public file_loader {
 public:
  std::map<std::string, std::string> files;  ///< path (normalised) to contents
  bool read(const std::string& path, std::string& contents, diagnostic& problem) override;
  std::string identity(const std::string& path) override;
  std::vector<std::string> neighbours(const std::string& path) override;
};

/// The path an `include "path"` in file `including` refers to: `path` relative
/// to the directory of `including` (absolute paths are kept), lexically normalised.
std::string resolve_include(const std::string& including, const std::string& path);

/// A map's files, their ASTs and every diagnostic found while loading them.
struct loaded_map {
  source_set sources;                    ///< every file read, the named one first
  std::vector<ast::document> documents;  ///< documents[i] is sources.files[i] parsed
  std::vector<diagnostic> diagnostics;   ///< in the order found

  /// True when no diagnostic is an error.
  bool ok() const;
};

/// Loads the file `path` and its includes through `loader`. Each file is read
/// once; an include cycle, a missing include and a duplicate id are errors.
/// A file that cannot be read at all gives a loaded_map with one error and no documents.
loaded_map load_map(const std::string& path, file_loader& loader,
                    const parse_options& options = {});

/// Like load_map, for a first file already in memory (e.g. standard input)
/// named `name`; its includes are read through `loader`.
loaded_map load_map_from_text(const std::string& name, std::string text, file_loader& loader,
                              const parse_options& options = {});

}  // namespace argmap::grammar
