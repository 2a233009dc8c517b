#pragma once
/// \file
/// Rendering an argument graph through the Graphviz C library. No Graphviz
/// header leaves render/: callers see formats, options and bytes.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/compare.hpp"
#include "engine/evaluate.hpp"
#include "engine/graph.hpp"

namespace argmap::render {

/// Output formats.
enum class format {
  svg,
  png,
  pdf,
  dot,
  html,  ///< the SVG in one self-contained interactive page (docs/rendering.md)
};

/// Parses "svg", "png", "pdf", "dot" or "html".
std::optional<format> format_from_name(std::string_view name);

/// The file extension of a format, without the dot ("svg").
const char* extension(format f);

/// When to draw the legend.
enum class legend_mode {
  automatic,  ///< when the map uses more than one relation kind
  on,         ///< always
  off,        ///< never
};

/// How nodes are placed.
enum class layout_engine {
  automatic,  ///< dot up to tree_threshold drawn claims, tree above
  /// Graphviz's layered layout, block by block: each part of the map that
  /// nothing links to the rest (a top-level section with all it links to)
  /// laid out alone, its leaves staggered when it is too wide, the parts
  /// set in rows in reading order. The best drawing; superlinear time.
  dot,
  tree,  ///< argmap's tidy-tree layout (render/tree_layout.hpp): linear time
  flat,  ///< the whole map in one dot layout, parts side by side in dot's order
};

/// Parses "auto", "dot", "tree" or "flat".
std::optional<layout_engine> layout_from_name(std::string_view name);

/// "auto", "dot", "tree" or "flat".
const char* name_of(layout_engine l);

/// With layout_engine::automatic, maps with more drawn claims than this use
/// the tree layout (docs/rendering.md gives the measurements behind it).
inline constexpr std::size_t tree_threshold = 2000;

/// The largest PNG argmap draws: cairo's bitmaps hold at most this many
/// pixels a side...
inline constexpr unsigned max_bitmap_side = 32767;
/// ...and argmap draws at most this many pixels in all: about 1 GB of memory
/// and 8 s on the 2-core CI machine (docs/rendering.md). A larger PNG is an
/// error that suggests SVG, PDF or a view.
inline constexpr std::size_t max_bitmap_pixels = 250'000'000;

/// Which claims show their id above their text.
enum class id_display {
  referenced,  ///< those a reference (`@id`) names: the ids a reader needs to follow the map
  all,         ///< every id the author wrote
  none,        ///< none
};

/// Parses "referenced", "all" or "none".
std::optional<id_display> id_display_from_name(std::string_view name);

/// A page to fit a PDF or PNG drawing on (`--page`), in points.
struct page_size {
  double width = 0;   ///< 0: no page, the drawing keeps its size
  double height = 0;  ///< 0: no page
  std::string name;   ///< as the user gave it ("a4-landscape")
};

/// Parses "a4", "a3" or "letter" (portrait), their "-landscape" forms, or
/// "none" (no page).
std::optional<page_size> page_from_name(std::string_view name);

/// How to draw a map.
struct options {
  format output = format::svg;           ///< what to produce
  std::string direction = "BT";          ///< Graphviz rankdir of premise -> conclusion edges: BT puts conclusions on top
  std::string theme = "default";         ///< default, dark, mono or colorblind
  legend_mode legend = legend_mode::automatic;  ///< legend policy
  unsigned wrap = 36;                    ///< characters per line of claim text (10 to 200)
  std::string focus;                     ///< view: only claims within `depth` relations of this id
  unsigned depth = 2;                    ///< with `focus`
  std::string section;                   ///< view: only claims in this section (and its subsections)
  std::vector<std::string> tags;         ///< view: only claims with one of these tags, and what connects them
  std::string title;                     ///< drawn above the map (e.g. the front-matter title); empty: none
  bool tag_colors = false;               ///< colour each tag (and the border of tagged claims)
  id_display ids = id_display::referenced;  ///< which ids are drawn
  /// The map's file names (its source_set's, in order): the HTML page shows
  /// where each claim is written as `file:line`.
  std::vector<std::string> files;
  /// PDF and PNG: shrink the drawing to fit this page (never enlarge it);
  /// result::scale and result::smallest_text say what it came to.
  page_size page;
  /// For the HTML page of `argmap serve`: the address of the event stream
  /// the page takes new drawings from (its policy then allows that one
  /// connection to its own server); empty: a page that connects nowhere.
  std::string live;
  layout_engine layout = layout_engine::automatic;  ///< how nodes are placed
  /// For `argmap diff --render`: per claim and per inference of the graph
  /// (an engine::overlay's), how it changed: new ones outlined in green,
  /// changed ones in orange, removed ones as dashed grey ghosts, new and
  /// changed reasons bold, removed ones dotted grey; the legend says so.
  /// Empty: a plain drawing.
  std::vector<engine::presence> claim_changes, inference_changes;
};

/// The name of claim `claim`'s node in the DOT and SVG outputs (the SVG
/// `<title>` of its group), e.g. "c12": how a viewer finds a box's claim.
std::string node_name(std::size_t claim);

/// The interactive page (format::html) of `svg`, render()'s SVG drawing of
/// `graph` as `opts` says: for a caller that has the SVG already.
std::string html_page(const engine::argument_graph& graph, std::string_view svg,
                      const engine::evaluation* eval, const options& opts);

/// For `argmap serve`: a new drawing for a served page (options::live), as
/// one line of JSON `{"svg": ..., "data": ...}` — `svg` being render()'s SVG
/// of `graph` as `opts` says — which the page's script puts in place of
/// its drawing, keeping the view.
std::string html_update(const engine::argument_graph& graph, std::string_view svg,
                        const engine::evaluation* eval, const options& opts);

/// One map on the index page of a build.
struct index_entry {
  std::string name;  ///< the map, as its path under the source folder
  std::string href;  ///< its page, relative to the index
  bool ok = true;    ///< false: the map has errors and no page
};

/// The index page `argmap build -f html` writes beside the maps' pages: a
/// self-contained page (no script, nothing fetched) linking each map.
std::string html_index(const std::vector<index_entry>& maps, std::string_view title);

/// The names of the themes, in the order the docs list them.
const std::vector<std::string>& theme_names();

/// What rendering gives: the bytes, or errors saying why there are none.
struct result {
  std::string bytes;  ///< the file contents; empty on error
  /// Graphviz's warnings (code "graphviz"; the output is still written), then
  /// the errors: Graphviz's ("graphviz") and argmap's ("render",
  /// "unknown-view"). None has a file or a place: the caller knows the map.
  std::vector<diagnostic> diagnostics;
  double build_seconds = 0;         ///< building the cgraph graph
  layout_engine layout = layout_engine::dot;  ///< the layout used (never automatic)
  double layout_seconds = 0;        ///< placing the nodes and routing the edges
  double output_seconds = 0;        ///< Graphviz writing the format
  /// With options::page: how much the drawing was shrunk to fit it (1: not
  /// at all) and the size of its smallest text there, in points. A warning
  /// ("page") is among the diagnostics when that is below 6 pt.
  double scale = 1;
  double smallest_text = 0;
  /// True when no diagnostic is an error.
  bool ok() const { return count(diagnostics, severity::error) == 0; }
};

/// Owns the process's single Graphviz context (Graphviz is not thread-safe:
/// parallelise with processes, never threads). Plugins are linked in, so it
/// works whatever Graphviz's config file on the machine says.
class renderer {
 public:
  /// With `font_metrics` false (the default), text is measured with Graphviz's
  /// built-in metrics, so SVG and DOT are byte-identical on every machine with
  /// the same Graphviz. PNG and PDF are drawn by cairo, which needs the
  /// fonts' own metrics: make the renderer with `font_metrics` true for them.
  explicit renderer(bool font_metrics = false);
  ~renderer();
  renderer(const renderer&) = delete;
  renderer& operator=(const renderer&) = delete;

  /// Draws `graph` as `opts` says. With `eval` (an evaluation of `graph`
  /// without error), the drawing shows it: accepted claims as usual, defeated
  /// ones greyed and struck through, undecided ones dashed; dfquad strengths
  /// as a bar and a number. The legend explains it.
  result render(const engine::argument_graph& graph, const options& opts,
                const engine::evaluation* eval = nullptr);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace argmap::render
