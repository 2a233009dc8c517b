#pragma once
/// \file
/// Internal to render/: the `tree` layout applied to a cgraph graph. Graphviz
/// measures the nodes (its `nop2` layout with every node at the origin and no
/// edges routed), tree_layout places them, and the same layout is then
/// finished with those positions, cluster frames and straight edges, as
/// `neato -n2` would draw them. Includes cgraph: not for use outside render/.

#include <graphviz/gvc.h>

#include <cstdint>
#include <string>
#include <vector>

namespace argmap::render {

/// What the drawing knows of its tree: nodes in layout order (a node's
/// children are the later nodes naming it as parent, in order) and the
/// clusters that frame groups of trees.
struct pinned_plan {
  std::vector<Agnode_t*> nodes;       ///< every node of the graph, in layout order
  std::vector<std::int32_t> parent;   ///< per node: index of its parent in `nodes`, -1 for a root
  std::vector<std::int32_t> cluster;  ///< per node: index into `clusters` (read for roots), -1 none
  std::vector<Agraph_t*> clusters;    ///< cluster subgraphs, parents before children
  std::vector<std::int32_t> cluster_parent;  ///< per cluster: its enclosing cluster, -1 none
  std::vector<bool> leading;                 ///< per cluster: placed before the trees (the legend)
};

/// Lays `g` out with the tree layout for drawing direction `direction`
/// (BT: conclusions on top, TB, LR, RL). Returns false if Graphviz reported
/// an error (collected by the caller's error function). On success `g` has a
/// layout that gvRender can draw and gvFreeLayout must free.
bool layout_pinned(GVC_t* gvc, Agraph_t* g, const pinned_plan& plan, const std::string& direction);

}  // namespace argmap::render
