#pragma once
/// \file
/// The `tree` layout: a linear-time tidy drawing of a forest (Reingold and
/// Tilford's tidy trees, made linear for any tree by Walker and by Buchheim,
/// Jünger and Leipert), with blocks that keep groups of trees together (the
/// map's sections, drawn as clusters). Pure geometry: no Graphviz here; the
/// renderer measures the nodes, calls tree_layout and hands the positions
/// to Graphviz.
///
/// Coordinates are "breadth" (along a row of siblings) and "depth" (from a
/// root towards its leaves); the renderer turns them into x and y for the
/// drawing's direction. All sizes are in points.

#include <cstdint>
#include <vector>

namespace argmap::render {

/// A rectangle in layout coordinates.
struct tree_box {
  double b0 = 0, d0 = 0;  ///< the corner with the smallest breadth and depth
  double b1 = 0, d1 = 0;  ///< the opposite corner
};

/// A group of trees kept together and framed (a section's cluster). Blocks
/// nest like sections do.
struct tree_block {
  std::int32_t parent = -1;  ///< enclosing block, -1 for the top level
  bool leading = false;      ///< placed before its parent's trees (the legend), else after them
  double room_depth = 0;    ///< room kept inside the frame before its content along depth (a label)
  double room_breadth = 0;  ///< room kept inside the frame before its content along breadth
  double min_breadth = 0;   ///< the frame is at least this wide (to fit its label)
  double min_depth = 0;     ///< the frame is at least this deep
};

/// What to lay out. Each node's children are the nodes naming it as parent,
/// in index order; roots are laid out in index order too.
struct tree_input {
  std::vector<std::int32_t> parent;  ///< per node: its parent, or -1 for a root
  std::vector<double> breadth;       ///< per node: its extent along the breadth axis
  std::vector<double> depth;         ///< per node: its extent along the depth axis
  std::vector<std::int32_t> block;   ///< per node: its block, -1 for none (read for roots only)
  std::vector<tree_block> blocks;    ///< the blocks
};

/// Gaps between things, in points.
struct tree_spacing {
  double siblings = 18;  ///< between two nodes with the same parent
  double subtrees = 30;  ///< between neighbours with different parents
  double layers = 36;    ///< between two layers of a tree
  double blocks = 24;    ///< between a block and its neighbours
  double margin = 12;    ///< inside a block's frame, around its content
};

/// Where everything goes: centres of nodes, frames of blocks.
struct tree_result {
  std::vector<double> b;         ///< per node: centre along the breadth axis
  std::vector<double> d;         ///< per node: centre along the depth axis
  std::vector<tree_box> frames;  ///< per block: its frame (empty blocks get an empty box)
};

/// Lays out `in`: every tree as a tidy tree (parents centred over their
/// children, a parent's subtrees side by side and never overlapping, nodes of
/// one depth in one layer as tall as its tallest node); then, in each block
/// and at the top level, the items in order (leading blocks, the block's
/// trees, its other blocks) in rows, so that the block comes out about twice
/// as wide as it is deep instead of one endless row. Frames never overlap.
/// Time and memory are linear in the number of nodes. A parent vector with a
/// cycle is invalid: the cycle is cut at its smallest node.
tree_result tree_layout(const tree_input& in, const tree_spacing& spacing = {});

}  // namespace argmap::render
