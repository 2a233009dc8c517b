#pragma once
/// \file
/// Internal to render/: the shape of a drawing, without Graphviz. Which
/// sections get a frame, which inferences an arrow or a junction point, and
/// the tree the `tree` layout places (render/pinned.hpp).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/graph.hpp"
#include "render/view.hpp"

namespace argmap::render {

/// How an inference is drawn.
enum class arrow : char {
  none,      ///< not drawn (out of the view, or what it ends at is not drawn)
  direct,    ///< one arrow from its premise to its target
  junction,  ///< its premises meet in a junction point, whose arrow goes on to the target
};

/// Per inference of `g`, how `v` draws it. Linked premises, and an inference
/// that something undercuts, go through a junction point; an undercut is
/// drawn only when the inference it undercuts comes earlier and has one.
std::vector<arrow> arrows(const engine::argument_graph& g, const view& v);

/// Per section of `g`: whether it is framed, i.e. holds a drawn claim
/// directly or in a subsection.
std::vector<bool> framed_sections(const engine::argument_graph& g, const view& v);

/// The tree the `tree` layout places: its nodes in layout order (a node's
/// children are the later nodes naming it as parent, in order) and the
/// frames around groups of trees.
struct tree_plan {
  /// What a node of the plan is.
  enum class kind : char { legend, junction, claim };
  /// One node: its kind and its index (a claim's, an inference's; 0 for the legend).
  struct node {
    kind what;
    std::size_t index;
  };
  std::vector<node> nodes;            ///< in layout order
  std::vector<std::int32_t> parent;   ///< per node: index of its parent in `nodes`, -1 for a root
  std::vector<std::int32_t> cluster;  ///< per node: index into `clusters` (read for roots), -1 none
  std::vector<std::int32_t> clusters;  ///< per frame: its section's index, -1 for the legend's
  std::vector<std::int32_t> cluster_parent;  ///< per frame: its enclosing frame, -1 none
  std::vector<bool> leading;                 ///< per frame: placed before the trees (the legend)
};

/// The outline as a tree: a claim hangs under what its defining line's arrow
/// points to (its reason's junction point, its conclusion, or the inference
/// it undercuts), a junction point under its arrow's head, a contradicting
/// claim under the claim it contradicts. Order: the legend (when `legend`),
/// then in reading order each claim, just after the junction points of the
/// linked reasons it opens.
tree_plan plan_tree(const engine::argument_graph& g, const view& v,
                    const std::vector<arrow>& arrows, const std::vector<bool>& framed, bool legend);

/// The blocks of a drawing, in reading order (by their first claim). The
/// dot layout lays each out alone and sets them in rows, so an edit in one
/// block cannot move what is inside another; an arrow between blocks is
/// drawn over them.
struct block_plan {
  std::vector<std::int32_t> block;  ///< per claim: its block, -1 if not drawn
  /// Per inference: the block it is drawn in, -1 if it is not drawn or its
  /// claims are in several blocks (an undercut's include those of the
  /// inference it undercuts).
  std::vector<std::int32_t> inference_block;
  /// Per contradiction: the block both claims are in, -1 otherwise.
  std::vector<std::int32_t> contradiction_block;
  std::size_t count = 0;  ///< how many blocks
};

/// The blocks of `v`'s drawing, its arrows drawn as `arrows` says: each
/// top-level section is a block, and outside sections, claims a drawn arrow
/// or contradiction links are in one block.
block_plan plan_blocks(const engine::argument_graph& g, const view& v,
                       const std::vector<arrow>& arrows);

/// The part of `v` that block `which` of `b` draws.
view block_view(const engine::argument_graph& g, const view& v, const block_plan& b,
                std::int32_t which);

}  // namespace argmap::render
