#pragma once
/// \file
/// Internal to cli/: what `argmap build` does with one map, in a worker
/// process: its key (whether it is up to date), rendering it in every format
/// and writing the outputs together, and the outcome sent back to the parent.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "batch/discover.hpp"
#include "engine/check.hpp"
#include "io/folder.hpp"
#include "render/render.hpp"

namespace argmap::cli {

/// The options of `argmap build`.
struct build_args {
  std::vector<std::string> sources;
  std::string out_dir;
  std::vector<std::string> formats{"svg"};
  unsigned jobs = 0;
  std::string eval;
  std::string theme = "default";
  std::string layout = "auto";
  std::string ids = "referenced";
  std::string page = "none";
  engine::check_options input;  // --include-root, --max-file-size, --max-depth, --max-nodes
  bool force = false;
  bool keep_going = true;
  bool prune = false;
  std::string diagnostics = "human";
};

/// One map to consider.
struct job {
  batch::found_map map;
  std::string key;  // content hash of it, its includes, the options and the version
  bool up_to_date = false;
};

/// What rendering one map gave (sent from a worker to the parent as JSON).
struct outcome {
  bool ok = false;
  std::vector<diagnostic> diagnostics;
  std::map<std::string, std::uint64_t> outputs;  // name in the output folder -> content hash
};

/// Renderers live as long as the worker process: one without font metrics
/// (SVG, DOT), one with (PNG, PDF) made when first needed.
struct renderers {
  render::renderer svg;
  std::unique_ptr<render::renderer> fonts;
};

/// The options that change a map's outputs, as text for its key.
std::string options_text(const build_args& a);

/// The key of a map: a hash of its files (named and included) and `options`;
/// empty when the map cannot be rendered (an unsafe link).
std::string key_of(const batch::found_map& m, const std::string& options,
                   const engine::check_options& input);

/// Checks and renders job `j` in every format of `a` and writes the outputs
/// into `folder` together, or none of them.
outcome render_map(const build_args& a, const job& j, const io::output_folder& folder,
                   renderers& r);

/// The outcome as JSON text, for the pipe from a worker to the parent.
std::string serialise(const outcome& o);

/// The outcome a worker sent; a diagnostic naming `file` if the text is not one.
outcome deserialise(const std::string& text, const std::string& file);

}  // namespace argmap::cli
