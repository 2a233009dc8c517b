#pragma once
/// \file
/// What `argmap serve` serves: one map, or the maps of a folder (found as
/// `argmap build` finds them), each with its interactive page and the last
/// update its live pages were sent.

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/diagnostic.hpp"
#include "engine/check.hpp"

namespace argmap::render {
class renderer;
}

namespace argmap::serve {

/// How maps are checked and drawn.
struct site_options {
  engine::check_options check;  ///< `argmap check`'s input options
  std::string eval;             ///< semantics the pages show; empty: none
  std::string theme = "default";
};

/// One served map.
struct map_state {
  std::string relative;  ///< under the served folder, '/'-separated ("a/b.arg")
  std::string path;      ///< on disk
  std::string page;      ///< its page (from the last good drawing); empty while it never had one
  std::string update;    ///< the last live message: `{"svg","data"}` or `{"errors"}`
  std::uint64_t version = 0;    ///< how many times it was rebuilt
  std::set<std::string> files;  ///< absolute paths of the files its last check read
};

/// The served maps.
class site {
 public:
  /// Serves `target`, a map or a folder. On a target that cannot be served
  /// (missing, not a map, a folder with no map) `problem` says why and
  /// ok() is false.
  site(const std::string& target, site_options options);
  ~site();
  site(const site&) = delete;
  site& operator=(const site&) = delete;

  /// False when the target could not be served; problem() says why.
  bool ok() const { return problem_.message.empty(); }
  /// Why the target cannot be served.
  const diagnostic& problem() const { return problem_; }
  /// True when a folder is served (the root page is an index).
  bool is_folder() const { return folder_; }
  /// The served folder (the map's own for a single map), absolute.
  const std::string& root() const { return root_; }
  /// The maps, by their relative path.
  std::map<std::string, map_state>& maps() { return maps_; }
  /// The map whose page is `name` ("a/b" for "a/b.arg"), or null.
  map_state* find(const std::string& name);
  /// Checks and draws `m` again from the disk; its page changes only when
  /// the map has no error.
  void rebuild(map_state& m);
  /// The folder's index page, linking each map's page.
  std::string index_page() const;

 private:
  site_options options_;
  diagnostic problem_;
  bool folder_ = false;
  std::string root_;
  std::map<std::string, map_state> maps_;
  std::unique_ptr<render::renderer> renderer_;
};

/// A map's page name: its relative path without ".arg" ("a/b.arg" -> "a/b").
std::string page_name(const std::string& relative);

}  // namespace argmap::serve
