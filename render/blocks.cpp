// The dot layout in blocks: each block of the map laid out alone by dot
// (its leaves staggered when it is too wide), then the blocks set in rows
// and moved into the drawing (render/composed.hpp).

#include "render/blocks.hpp"

#include <cmath>
#include <memory>
#include <vector>

#include "render/composed.hpp"
#include "render/tree_layout.hpp"

namespace argmap::render {

namespace {

// How wide a block is along its rows of siblings for how deep it is: width
// over height, or drawn sideways (LR, RL), height over width.
double breadth_ratio(Agraph_t* g, bool sideways) {
  const boxf& bb = GD_bb(g);
  const double w = bb.UR.x - bb.LL.x, h = bb.UR.y - bb.LL.y;
  if (w <= 0 || h <= 0) return 1;
  return sideways ? h / w : w / h;
}

// A block wider than this for its depth has its leaves staggered.
constexpr double widest_ratio = 2.5;

// dot's layout of one block; when it comes out wider than widest_ratio for
// its depth, laid out once more with its leaves staggered (drawing::stagger)
// over as many levels as the excess suggests: half the ratio, at most 4.
// One retry, not a search: every layout costs time, and Graphviz 2.42 keeps
// a little memory per HTML label each time it lays one out.
bool lay_out_block(GVC_t* gvc, Agraph_t* g, drawing& d, bool sideways) {
  if (gvLayout(gvc, g, "dot") != 0 || agerrors() > 0) return false;
  const double ratio = breadth_ratio(g, sideways);
  if (ratio <= widest_ratio) return true;
  gvFreeLayout(gvc, g);
  d.stagger(std::min(4u, static_cast<unsigned>(std::ceil(ratio / 2))));
  return gvLayout(gvc, g, "dot") == 0 && agerrors() == 0;
}

// The section a block's view is when it holds that top-level section's
// claims alone and none in a subsection; -1 otherwise.
std::int32_t own_section(const engine::argument_graph& g, const view& v) {
  std::int32_t own = engine::no_section;
  bool first = true;
  for (std::size_t c = 0; c < g.claims.size(); ++c) {
    if (!v.claims[c]) continue;
    if (!first && g.claims[c].section != own) return -1;
    own = g.claims[c].section, first = false;
  }
  if (own == engine::no_section ||
      g.sections[static_cast<std::size_t>(own)].parent != engine::no_section)
    return -1;
  return own;
}

// The dot layout in blocks (composed.hpp): each block of the map laid out
// alone, the blocks and then the legend set in rows in reading order.
}  // namespace

bool lay_out_in_blocks(GVC_t* gvc, const engine::argument_graph& graph, const options& opts,
                       const theme& t, const view& v, const engine::evaluation* eval,
                       const drawing& whole, Agraph_t* g) {
  options part = opts;
  part.title.clear();
  part.page = {};
  const bool sideways = opts.direction == "LR" || opts.direction == "RL";
  struct laid {
    view v;  // the drawing keeps a reference to it
    std::unique_ptr<drawing> d;
    Agraph_t* g = nullptr;
    std::int32_t own = -1;  // the section the block is, framed here
  };
  std::vector<std::unique_ptr<laid>> made;  // every block laid out, to release
  auto release = [&] {
    for (auto& l : made) {
      gvFreeLayout(gvc, l->g);
      agclose(l->g);
    }
  };
  // Lays out block `b` of `plan`; null if Graphviz failed.
  auto lay = [&](const block_plan& plan, std::int32_t b) -> laid* {
    auto l = std::make_unique<laid>();
    l->v = block_view(graph, v, plan, b);
    l->d = std::make_unique<drawing>(graph, part, t, l->v, eval, false, drawing::part::block);
    l->own = own_section(graph, l->v);
    l->d->leave_frame(l->own);
    l->g = l->d->build();
    made.push_back(std::move(l));
    laid* out = made.back().get();
    return lay_out_block(gvc, out->g, *out->d, sideways) ? out : nullptr;
  };
  const block_plan plan = plan_blocks(graph, v, arrows(graph, v));
  std::vector<laid*> blocks(plan.count);
  for (std::size_t b = 0; b < plan.count; ++b)
    if (!(blocks[b] = lay(plan, static_cast<std::int32_t>(b)))) return release(), false;
  // The drawing's own layout comes last: gvc renders with what its latest
  // layout set up.
  composition into(gvc, g);
  if (!into.ok()) return release(), false;
  auto frame_of = [&](const laid& l) {
    return l.own < 0 ? nullptr : whole.cluster(static_cast<std::size_t>(l.own));
  };
  std::vector<extent> sizes;
  for (const laid* l : blocks) {
    const boxf& bb = GD_bb(l->g);
    sizes.push_back(into.framed_size({bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y}, frame_of(*l)));
  }
  Agraph_t* legend = whole.legend_cluster();
  if (legend) sizes.push_back(into.legend_size(legend, whole.legend_node()));
  const std::vector<corner> at = shelve(sizes, tree_spacing{}.blocks);
  for (std::size_t b = 0; b < plan.count; ++b)
    into.place(blocks[b]->g, at[b], sizes[b], frame_of(*blocks[b]));
  if (legend) into.place_legend(legend, whole.legend_node(), at.back().x, at.back().y);
  release();
  return into.finish();
}

}  // namespace argmap::render
