// The tree layout through Graphviz: measure with a nop2 layout of the nodes
// at the origin, place with tree_layout, then move the nodes and route
// straight edges in that same layout.

#include "render/pinned.hpp"

#include <graphviz/types.h>

#include <algorithm>
#include <cstdio>

#include "render/tree_layout.hpp"

// Graphviz 2.42 functions that its layout plugins use but its headers do
// not declare (lib/common and lib/neatogen); their signatures were checked
// against the 2.42 sources and binaries. The CMake build pins Graphviz 2.42.
extern "C" {
void setEdgeType(Agraph_t* g, int default_type);
void spline_edges0(Agraph_t* g, boolean set_aspect);
void compute_bb(Agraph_t* g);
void gv_postprocess(Agraph_t* g, int allow_translation);
}

namespace argmap::render {

namespace {

constexpr int edge_type_line = 1 << 1;  // ET_LINE in lib/common/const.h

void set(void* obj, const char* name, const char* value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value), const_cast<char*>(""));
}

}  // namespace

bool layout_pinned(GVC_t* gvc, Agraph_t* g, const pinned_plan& plan, const std::string& direction) {
  const std::size_t n = plan.nodes.size();
  const std::size_t m = plan.clusters.size();
  const bool sideways = direction == "LR" || direction == "RL";

  // Pass 1: Graphviz measures every node and cluster label; nothing is routed.
  for (Agnode_t* node : plan.nodes) set(node, "pos", "0,0");
  for (Agraph_t* c : plan.clusters) set(c, "bb", "0,0,0,0");
  set(g, "splines", "");
  if (gvLayout(gvc, g, "nop2") != 0 || agerrors() > 0) return false;
  tree_input in;
  in.parent = plan.parent;
  in.block = plan.cluster;
  in.breadth.resize(n);
  in.depth.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double w = ND_width(plan.nodes[i]) * 72, h = ND_height(plan.nodes[i]) * 72;
    in.breadth[i] = sideways ? h : w;
    in.depth[i] = sideways ? w : h;
  }
  const double margin = tree_spacing{}.margin;
  in.blocks.resize(m);
  for (std::size_t k = 0; k < m; ++k) {
    tree_block& b = in.blocks[k];
    b.parent = plan.cluster_parent[k];
    b.leading = plan.leading[k];
    textlabel_t* label = GD_label(plan.clusters[k]);
    double lw = label ? label->dimen.x : 0, lh = label ? label->dimen.y + 4 : 0;
    // The label sits on the conclusions' side of the frame (top for BT,
    // bottom for TB) or, drawn sideways, at the top, which is breadth 0.
    if (sideways) {
      b.room_breadth = lh;
      b.min_depth = lw + 2 * margin;
    } else {
      b.room_depth = lh;
      b.min_breadth = lw + 2 * margin;
    }
  }

  tree_result r = tree_layout(in);

  // Layout coordinates to Graphviz's (y grows upwards).
  auto to_xy = [&](double b, double d, double& x, double& y) {
    if (direction == "TB") {
      x = b, y = d;
    } else if (direction == "LR") {
      x = -d, y = -b;
    } else if (direction == "RL") {
      x = d, y = -b;
    } else {
      x = b, y = -d;
    }
  };
  // Pass 2 keeps what pass 1 measured: nodes and frames move to their
  // places, edges are routed as straight lines, and Graphviz's own
  // post-processing places the labels and fits the bounding box. (A second
  // nop2 layout would parse and measure every HTML label again, and free the
  // first layout: a third of the time of a large map.)
  for (std::size_t i = 0; i < n; ++i) {
    double x, y;
    to_xy(r.b[i], r.d[i], x, y);
    Agnode_t* node = plan.nodes[i];
    ND_coord(node) = {x, y};
    ND_pos(node)[0] = x / 72;
    ND_pos(node)[1] = y / 72;
  }
  for (std::size_t k = 0; k < m; ++k) {
    double x0, y0, x1, y1;
    to_xy(r.frames[k].b0, r.frames[k].d0, x0, y0);
    to_xy(r.frames[k].b1, r.frames[k].d1, x1, y1);
    Agraph_t* c = plan.clusters[k];
    GD_bb(c) = {{std::min(x0, x1), std::min(y0, y1)}, {std::max(x0, x1), std::max(y0, y1)}};
    if (GD_label(c)) GD_label(c)->set = false;
  }
  if (GD_label(g)) GD_label(g)->set = false;
  set(g, "splines", "line");
  setEdgeType(g, edge_type_line);
  spline_edges0(g, false);
  compute_bb(g);
  gv_postprocess(g, true);
  return agerrors() == 0;
}

}  // namespace argmap::render
