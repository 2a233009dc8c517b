#pragma once
/// \file
/// Internal to render/: the dot layout of a map in blocks (plan.hpp's
/// plan_blocks). Each block is laid out alone by dot, in a graph of its
/// own; the blocks are set in rows in reading order; then the drawing's
/// graph takes every position, spline and frame from them. Includes cgraph:
/// not for use outside render/.

#include <graphviz/gvc.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace argmap::render {

/// A width and a height, in points.
struct extent {
  double width = 0;
  double height = 0;
};

/// A point, x to the right and y downwards from the drawing's top left.
struct corner {
  double x = 0;
  double y = 0;
};

/// Where blocks of these sizes go, in reading order: left to right in rows
/// no wider than the widest block or the width that makes the whole about
/// 3 : 2, whichever is more, `gap` apart; rows top to bottom. Returns each
/// block's top-left corner.
std::vector<corner> shelve(const std::vector<extent>& blocks, double gap);

/// The drawing's graph while blocks are moved into it.
class composition {
 public:
  /// `g`: the drawing, every node and cluster of the blocks in it under the
  /// same names. Measures its nodes and labels (a nop2 layout with
  /// everything at the origin); false if Graphviz reported an error.
  composition(GVC_t* gvc, Agraph_t* g);
  /// Whether the measuring worked.
  bool ok() const { return ok_; }

  /// The size of a block of `size` in `frame`, a cluster of the drawing
  /// that dot did not draw around it (null: none).
  extent framed_size(extent size, Agraph_t* frame) const;

  /// Takes the layout of `block` (laid out by dot) into the drawing, with
  /// its top-left corner at `at`; with `frame`, draws that cluster around
  /// it, `size` (framed_size()) in all.
  void place(Agraph_t* block, corner at, extent size, Agraph_t* frame);

  /// The size of the legend's frame (its cluster `cluster` around `node`).
  extent legend_size(Agraph_t* cluster, Agnode_t* node) const;
  /// Puts the legend's frame's top-left corner at (`x`, `-y`).
  void place_legend(Agraph_t* cluster, Agnode_t* node, double x, double y);

  /// Places what the blocks did not (the junction points of arrows between
  /// blocks, halfway between their ends), draws the arrows between blocks
  /// straight, places the title and fits the bounding box; false on a
  /// Graphviz error.
  /// The graph then has a layout that gvRender draws and gvFreeLayout frees.
  bool finish();

 private:
  Agraph_t* cluster(const char* name) const;
  void put(Agnode_t* n, pointf at);
  void join_blocks();
  void route_between_blocks();
  bool route(Agedge_t* e);
  Agraph_t* g_;
  std::unordered_set<Agnode_t*> placed_;
  std::unordered_map<Agnode_t*, int> block_of_;  // the block that placed a node
  std::vector<boxf> frames_;                     // per block placed: its frame
  bool ok_ = false;
};

}  // namespace argmap::render
