#pragma once
/// \file
/// Drawing the `argmap` blocks of a Markdown document (`argmap md`,
/// docs/documents.md): each block checked as a map written at its place in
/// the document, drawn as SVG, and the block replaced by the drawing, or the
/// drawing kept beside the block (`--in-place`).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/check.hpp"
#include "render/render.hpp"

namespace argmap::embed {

/// Where the drawings go.
enum class placement {
  files,       ///< an SVG file per drawing in the assets folder, linked as an image
  inline_svg,  ///< the SVG itself, in the Markdown as raw HTML
};

/// How to draw a document's blocks.
struct document_options {
  /// The document's name in diagnostics ("<stdin>" for standard input);
  /// includes and `file=` are found from its folder (for "<stdin>", the
  /// working directory), within `check.include_root`.
  std::string name;
  placement where = placement::files;
  /// Keep each block and put its drawing just above it between two marker
  /// comments, which the next run replaces (`--in-place`): the document
  /// stays the source. Otherwise each block is replaced by its drawing.
  bool keep_blocks = false;
  /// Show each block's source in a `<details>` element below its drawing
  /// (also per block: the `details` option).
  bool details = false;
  /// placement::files: how the document links to the assets folder (a
  /// relative URL path, '/'-separated, empty for the document's own folder).
  std::string assets_link;
  /// placement::files: drawings are called STEM-HASH.svg.
  std::string stem = "argmap";
  engine::check_options check;  ///< limits and include root, as for any map
  render::options drawing;      ///< defaults a block's options override (theme, direction, ...)
  /// Part of every drawing's hash (argmap's version and commit): a new
  /// argmap draws again.
  std::string version;
};

/// One SVG file to write into the assets folder.
struct asset {
  std::string name;   ///< STEM-HASH.svg
  std::string bytes;  ///< the SVG
};

/// The drawn document.
struct document {
  std::string markdown;                 ///< the new document (meaningful when ok())
  std::vector<asset> assets;            ///< drawings to write (those not already there)
  std::vector<std::string> referenced;  ///< every asset name the new document links to
  std::vector<diagnostic> diagnostics;  ///< the blocks' errors and warnings, placed in the document
  std::size_t blocks = 0;               ///< argmap blocks found
  std::size_t drawn = 0;                ///< blocks drawn by this run
  std::size_t reused = 0;               ///< blocks whose drawing was already there (same hash)
  /// True when no diagnostic is an error.
  bool ok() const;
};

/// Draws the blocks of `markdown`. `asset_exists(name)` says whether the
/// assets folder already holds a drawing (then it is not drawn again).
/// Diagnostics in a block point into the document (`name:LINE:COL`), those
/// in files it includes into those files. With an error nothing should be
/// written: `markdown` and `assets` are then incomplete.
document draw_document(std::string_view markdown, const document_options& options,
                       const std::function<bool(const std::string& name)>& asset_exists);

/// The options a fence line may carry, for `--help` and the docs:
/// "file, alt, details, focus, depth, section, tags, theme, direction,
/// legend, layout, eval, wrap, ids, tag-colors".
const std::vector<std::string>& block_option_names();

}  // namespace argmap::embed
