#pragma once
/// \file
/// The documents an editor has open, and what argmap makes of each: the
/// checked map, its evaluations, the files it read. Open buffers win over
/// the disk, also for the files a document includes.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/evaluate.hpp"

namespace argmap::lsp {

/// One open document.
struct document {
  std::string uri;              ///< as the editor names it
  std::string path;             ///< the file the URI names (the URI itself for another scheme)
  std::string text;             ///< the editor's buffer
  std::string identity;         ///< the path as the disk loader identifies files, found at open
  std::int64_t version = 0;     ///< the editor's version of the buffer
  std::set<std::string> reads;  ///< identities of the files its last check read
};

/// A document's map as argmap sees it now; computed on first use after a change.
struct analysis {
  engine::checked_map checked;  ///< loaded, built, linted
  /// Evaluations asked for so far, by semantics (none while the map has errors).
  std::map<engine::semantics, engine::evaluation> evaluations;
};

/// The open documents, by URI.
class workspace {
 public:
  explicit workspace(const engine::check_options& options) : options_(options) {}

  /// Opens (or reopens) `uri` with `text`.
  document& open(const std::string& uri, std::string text, std::int64_t version);
  /// Closes `uri`; nothing when it is not open.
  void close(const std::string& uri);
  /// The open document `uri`, or null.
  document* find(const std::string& uri);
  /// Marks the buffers (or the disk under them) as changed: analyses are redone.
  void touch() { ++generation_; }

  /// The open documents other than `uri` whose last check read `uri`'s file.
  std::vector<std::string> dependants(const std::string& uri) const;
  /// Every open document's URI.
  std::vector<std::string> uris() const;

  /// The analysis of open document `uri` (which must be open), checking it
  /// if a buffer changed since; records the files it read.
  analysis& analyse(const std::string& uri);
  /// Its evaluation under `s`, made on first use; none while the map has
  /// errors or when the evaluation has a problem (too large, no convergence).
  const engine::evaluation* evaluated(const std::string& uri, engine::semantics s);

  /// What checking uses.
  const engine::check_options& options() const { return options_; }

 private:
  struct cached {
    std::uint64_t generation = 0;
    std::unique_ptr<analysis> result;
  };

  engine::check_options options_;
  std::map<std::string, document> documents_;
  std::map<std::string, cached> analyses_;
  std::uint64_t generation_ = 1;
};

}  // namespace argmap::lsp
