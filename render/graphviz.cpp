// The renderer: builds a cgraph graph from the argument graph (with the
// words of markup.cpp and the shape of plan.cpp), lays it out with dot or the
// tree layout and renders it with gvc, all in-process. Graphviz headers are
// included only in render/'s .cpp files and its internal headers.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "render/blocks.hpp"
#include "render/drawing.hpp"
#include "render/graphviz_context.hpp"
#include "render/label.hpp"
#include "render/markup.hpp"
#include "render/pinned.hpp"
#include "render/plan.hpp"
#include "render/render.hpp"
#include "render/theme.hpp"
#include "render/tree_layout.hpp"
#include "render/view.hpp"

namespace argmap::render {

namespace {

// The graph (before layout) as DOT text, through a memory stream.
std::string to_dot(Agraph_t* g) {
  char* buffer = nullptr;
  std::size_t length = 0;
  FILE* stream = open_memstream(&buffer, &length);
  if (!stream) return {};
  agwrite(g, stream);
  std::fclose(stream);
  std::string out(buffer, length);
  std::free(buffer);
  return out;
}

}  // namespace

namespace {

void fail(result& r, std::string message) {
  r.diagnostics.push_back(unplaced(severity::error, "render", {}, std::move(message)));
}

// Whether the laid-out drawing fits a PNG argmap will draw; if not, says why
// in `r.diagnostics`. cairo's bitmaps hold at most 32,767 pixels a side, and
// Graphviz shrinks a larger drawing until it fits, however unreadable (10,000
// claims side by side gave 32,767 x 2 pixels); a drawing near the limit on
// both sides takes gigabytes and most of a minute to rasterise.
// How much Graphviz shrinks a laid-out drawing to fit the page (it adds
// 4 pt of padding on each side), and the smallest text that leaves:
// argmap's smallest is 8 pt (tags, badges, sources).
void measure_page(Agraph_t* g, const options& o, result& r) {
  if (!fits_page(o)) return;
  const boxf& bb = GD_bb(g);
  const page_size printable = printable_area(o.page);
  const double w = bb.UR.x - bb.LL.x + 8, h = bb.UR.y - bb.LL.y + 8;
  r.scale = std::min({1.0, printable.width / w, printable.height / h});
  r.smallest_text = 8 * r.scale;
  std::string fit = fmt::format("drawn at {:.0f} % to fit {}; its smallest text is {:.1f} pt",
                                r.scale * 100, o.page.name, r.smallest_text);
  if (std::round(r.smallest_text * 10) < 60)  // as printed: "6.0 pt" is not below 6
    r.diagnostics.push_back(
        unplaced(severity::warning, "page", {},
                 fit + ", too small to read in print; try --direction LR, a larger page, or a view "
                       "(--section, --focus, --tags)"));
  else
    r.diagnostics.push_back(unplaced(severity::note, "page", {}, fit));
}

bool bitmap_fits(Agraph_t* g, result& r) {
  const boxf& bb = GD_bb(g);
  // Graphviz draws PNG at 96 dpi with a 4-point margin on each side.
  double width = std::ceil((bb.UR.x - bb.LL.x + 8) * 96.0 / 72.0);
  double height = std::ceil((bb.UR.y - bb.LL.y + 8) * 96.0 / 72.0);
  if (width <= max_bitmap_side && height <= max_bitmap_side &&
      width * height <= static_cast<double>(max_bitmap_pixels))
    return true;
  fail(r,
       fmt::format(
           "this drawing would be a PNG of {:.0f} x {:.0f} pixels; argmap draws PNGs of at most {} "
           "pixels a "
           "side and {} million pixels in all. Render SVG or PDF instead (-f svg, -f pdf: they "
           "scale "
           "without "
           "limit), or draw part of the map (--focus ID --depth N, --section NAME, --tags a,b)",
           width, height, max_bitmap_side, max_bitmap_pixels / 1000000));
  return false;
}

}  // namespace

struct renderer::impl {
  GVC_t* gvc = nullptr;
  bool font_metrics = false;
};

renderer::renderer(bool font_metrics) : impl_(std::make_unique<impl>()) {
  impl_->font_metrics = font_metrics;
  agseterrf(collect_message);
  agseterr(AGWARN);
  impl_->gvc = gvContextPlugins(builtins(font_metrics), 0);
}

renderer::~renderer() {
  if (impl_->gvc) gvFreeContext(impl_->gvc);
}

result renderer::render(const engine::argument_graph& graph, const options& opts,
                        const engine::evaluation* eval) {
  if (opts.output == format::html) {  // the SVG, in its page
    options svg = opts;
    svg.output = format::svg;
    result r = render(graph, svg, eval);
    if (r.ok()) r.bytes = html_page(graph, r.bytes, eval && eval->ok() ? eval : nullptr, opts);
    return r;
  }
  result r;
  const theme* t = find_theme(opts.theme);
  if (!t) {
    fail(r, "unknown theme '" + opts.theme + "'");
    return r;
  }
  if (opts.direction != "TB" && opts.direction != "BT" && opts.direction != "LR" &&
      opts.direction != "RL") {
    fail(r, "direction must be TB, BT, LR or RL, not '" + opts.direction + "'");
    return r;
  }
  if ((opts.output == format::png || opts.output == format::pdf) && !impl_->font_metrics) {
    // cairo draws text only with the layouts its own text plugin made.
    fail(r, "PNG and PDF need a renderer made with font metrics");
    return r;
  }
  view v = select_view(graph, opts, r.diagnostics);
  if (!r.ok()) return r;
  collecting = &r;
  agreseterrors();
  stderr_capture captured;
  using clock = std::chrono::steady_clock;
  auto seconds = [](clock::time_point a, clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  auto t0 = clock::now();
  if (eval && !eval->ok()) eval = nullptr;
  r.layout = opts.layout;
  if (r.layout == layout_engine::automatic) {
    std::size_t drawn = 0;
    for (bool shown : v.claims) drawn += shown;
    r.layout = drawn > tree_threshold ? layout_engine::tree : layout_engine::dot;
  }
  const bool tree = r.layout == layout_engine::tree, flat = r.layout == layout_engine::flat;
  drawing d(graph, opts, *t, v, eval, tree);
  Agraph_t* g = d.build();
  auto t1 = clock::now();
  r.build_seconds = seconds(t0, t1);
  bool laid_out = false;
  auto lay_out = [&] {
    if (tree) return layout_pinned(impl_->gvc, g, d.plan(), opts.direction);
    if (flat) return gvLayout(impl_->gvc, g, "dot") == 0 && agerrors() == 0;
    return lay_out_in_blocks(impl_->gvc, graph, opts, *t, v, eval, d, g);
  };
  if (opts.output == format::dot && flat) {
    // The flat layout's DOT is the graph before layout: dot lays it out the same way.
    r.bytes = to_dot(g);
    r.output_seconds = seconds(t1, clock::now());
  } else if (!lay_out()) {
    if (r.ok()) fail(r, "graphviz could not lay out the map");
    laid_out = !flat;  // the tree and block layouts begin with a layout of their own
  } else if (opts.output == format::png && !bitmap_fits(g, r)) {
    laid_out = true;
  } else {
    laid_out = true;
    measure_page(g, opts, r);
    auto t2 = clock::now();
    r.layout_seconds = seconds(t1, t2);
    char* data = nullptr;
    unsigned int length = 0;
    // The tree and block layouts' DOT carries the positions they computed,
    // for Graphviz's nop2 layout (neato -n2) to draw as they are.
    if (!flat) set(g, "layout", "nop2");
    int rendered = gvRenderData(impl_->gvc, g, extension(opts.output), &data, &length);
    r.output_seconds = seconds(t2, clock::now());
    if (rendered != 0 || agerrors() > 0) {
      if (r.ok()) fail(r, "graphviz could not render the map");
    } else {
      r.bytes.assign(data, length);
    }
    if (data) gvFreeRenderData(data);
  }
  if (laid_out) gvFreeLayout(impl_->gvc, g);
  agclose(g);
  collecting = nullptr;
  for (std::string& line : captured.finish())
    r.diagnostics.push_back(unplaced(severity::warning, "graphviz", {}, "graphviz: " + line));
  // Warnings first, as a compiler prints them before it gives up.
  std::stable_partition(r.diagnostics.begin(), r.diagnostics.end(),
                        [](const diagnostic& d) { return d.level != severity::error; });
  if (!r.ok()) r.bytes.clear();
  return r;
}

}  // namespace argmap::render
