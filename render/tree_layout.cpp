// The tidy-tree layout: Buchheim, Jünger and Leipert's linear-time version of
// Walker's algorithm ("Improving Walker's algorithm to run in linear time",
// Graph Drawing 2002), written without recursion so that deep maps cannot
// overflow the stack, and with node sizes in the distance between
// neighbours. Then layers and blocks.

#include "render/tree_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace argmap::render {

namespace {

using index = std::int32_t;
constexpr index none = -1;

// The forest with one virtual root over each tree: node n + k is the
// virtual root of the k-th root, so every tree is laid out on its own.
class walker {
 public:
  walker(const tree_input& in, const tree_spacing& s) : in_(in), s_(s), n_(in.parent.size()) {}

  // Effective parents: the input's, with nodes on cycles cut loose, and each
  // root hung under its own virtual root. Returns the roots in index order.
  std::vector<index> build() {
    parent_.assign(n_, none);
    for (std::size_t v = 0; v < n_; ++v) {
      index p = in_.parent[v];
      parent_[v] =
          p >= 0 && static_cast<std::size_t>(p) < n_ && static_cast<std::size_t>(p) != v ? p : none;
    }
    break_cycles();
    std::vector<index> roots;
    for (std::size_t v = 0; v < n_; ++v) {
      if (parent_[v] != none) continue;
      parent_[v] = static_cast<index>(n_ + roots.size());
      roots.push_back(static_cast<index>(v));
    }
    total_ = n_ + roots.size();
    parent_.resize(total_, none);
    // Children lists (CSR), in index order.
    start_.assign(total_ + 1, 0);
    for (std::size_t v = 0; v < n_; ++v) ++start_[static_cast<std::size_t>(parent_[v]) + 1];
    for (std::size_t v = 0; v < total_; ++v) start_[v + 1] += start_[v];
    kids_.resize(n_);
    std::vector<std::size_t> fill(start_.begin(), start_.end() - 1);
    number_.assign(total_, 0);
    for (std::size_t v = 0; v < n_; ++v) {
      auto p = static_cast<std::size_t>(parent_[v]);
      number_[v] = static_cast<index>(fill[p] - start_[p]);
      kids_[fill[p]++] = static_cast<index>(v);
    }
    return roots;
  }

  // Lays out every group; fills b (relative to the group) and layer.
  void run() {
    prelim_.assign(total_, 0);
    mod_.assign(total_, 0);
    shift_.assign(total_, 0);
    change_.assign(total_, 0);
    mid_.assign(total_, 0);
    thread_.assign(total_, none);
    ancestor_.resize(total_);
    for (std::size_t v = 0; v < total_; ++v) ancestor_[v] = static_cast<index>(v);
    order_.clear();
    order_.reserve(total_);
    group_begin_.clear();
    std::vector<index> stack;
    for (std::size_t g = n_; g < total_; ++g) {
      group_begin_.push_back(order_.size());
      stack.push_back(static_cast<index>(g));
      while (!stack.empty()) {
        index v = stack.back();
        stack.pop_back();
        order_.push_back(v);
        for (std::size_t k = end(v); k > begin(v); --k) stack.push_back(kids_[k - 1]);
      }
    }
    group_begin_.push_back(order_.size());
    // First walk: every node after all of its descendants.
    for (std::size_t k = order_.size(); k > 0; --k) first_walk(order_[k - 1]);
    // Second walk: positions and layers, parents before children.
    b_.assign(total_, 0);
    layer_.assign(total_, 0);
    std::vector<double> modsum(total_, 0);
    for (index v : order_) {
      auto u = static_cast<std::size_t>(v);
      if (u >= n_) {
        b_[u] = prelim_[u];
        continue;
      }
      auto p = static_cast<std::size_t>(parent_[u]);
      modsum[u] = modsum[p] + mod_[p];
      b_[u] = prelim_[u] + modsum[u];
      layer_[u] = p >= n_ ? 0 : layer_[p] + 1;
    }
  }

  const std::vector<double>& b() const { return b_; }
  const std::vector<index>& layer() const { return layer_; }
  const std::vector<index>& order() const { return order_; }
  std::size_t group_begin(std::size_t g) const { return group_begin_[g]; }
  std::size_t group_end(std::size_t g) const { return group_begin_[g + 1]; }

 private:
  std::size_t begin(index v) const { return start_[static_cast<std::size_t>(v)]; }
  std::size_t end(index v) const { return start_[static_cast<std::size_t>(v) + 1]; }
  bool leaf(index v) const { return begin(v) == end(v); }
  index first_kid(index v) const { return kids_[begin(v)]; }
  index last_kid(index v) const { return kids_[end(v) - 1]; }
  index next_left(index v) const {
    return leaf(v) ? thread_[static_cast<std::size_t>(v)] : first_kid(v);
  }
  index next_right(index v) const {
    return leaf(v) ? thread_[static_cast<std::size_t>(v)] : last_kid(v);
  }
  double size(index v) const {
    auto u = static_cast<std::size_t>(v);
    return u < n_ ? in_.breadth[u] : 0.0;
  }

  // Centre-to-centre distance between neighbours a (left) and b in one layer.
  double distance(index a, index b) const {
    index pa = parent_[static_cast<std::size_t>(a)];
    bool siblings = pa == parent_[static_cast<std::size_t>(b)] && static_cast<std::size_t>(pa) < n_;
    return (size(a) + size(b)) / 2 + (siblings ? s_.siblings : s_.subtrees);
  }

  // A node whose children are laid out: places the children side by side
  // (apportioning their subtrees), then centres itself over them.
  void first_walk(index v) {
    if (leaf(v)) return;
    index default_ancestor = first_kid(v);
    for (std::size_t k = begin(v); k < end(v); ++k) {
      index w = kids_[k];
      auto u = static_cast<std::size_t>(w);
      if (k == begin(v)) {
        prelim_[u] = mid_[u];
      } else {
        index left = kids_[k - 1];
        prelim_[u] = prelim_[static_cast<std::size_t>(left)] + distance(left, w);
        if (!leaf(w)) mod_[u] = prelim_[u] - mid_[u];
      }
      default_ancestor = apportion(w, default_ancestor, v);
    }
    execute_shifts(v);
    mid_[static_cast<std::size_t>(v)] = (prelim_[static_cast<std::size_t>(first_kid(v))] +
                                         prelim_[static_cast<std::size_t>(last_kid(v))]) /
                                        2;
  }

  index apportion(index v, index default_ancestor, index parent) {
    auto& P = prelim_;
    auto& M = mod_;
    auto at = [](index x) { return static_cast<std::size_t>(x); };
    if (number_[at(v)] == 0) return default_ancestor;
    index vip = v, vop = v;
    index vim = kids_[begin(parent) + static_cast<std::size_t>(number_[at(v)]) - 1];
    index vom = first_kid(parent);
    double sip = M[at(vip)], sop = M[at(vop)], sim = M[at(vim)], som = M[at(vom)];
    while (next_right(vim) != none && next_left(vip) != none) {
      vim = next_right(vim);
      vip = next_left(vip);
      vom = next_left(vom);
      vop = next_right(vop);
      ancestor_[at(vop)] = v;
      double shift = (P[at(vim)] + sim) - (P[at(vip)] + sip) + distance(vim, vip);
      if (shift > 0) {
        index a = ancestor_[at(vim)];
        if (parent_[at(a)] != parent) a = default_ancestor;
        move_subtree(a, v, shift);
        sip += shift;
        sop += shift;
      }
      sim += M[at(vim)];
      sip += M[at(vip)];
      som += M[at(vom)];
      sop += M[at(vop)];
    }
    if (next_right(vim) != none && next_right(vop) == none) {
      thread_[at(vop)] = next_right(vim);
      M[at(vop)] += sim - sop;
    }
    if (next_left(vip) != none && next_left(vom) == none) {
      thread_[at(vom)] = next_left(vip);
      M[at(vom)] += sip - som;
      default_ancestor = v;
    }
    return default_ancestor;
  }

  void move_subtree(index wm, index wp, double shift) {
    auto m = static_cast<std::size_t>(wm), p = static_cast<std::size_t>(wp);
    double subtrees = number_[p] - number_[m];
    change_[p] -= shift / subtrees;
    shift_[p] += shift;
    change_[m] += shift / subtrees;
    prelim_[p] += shift;
    mod_[p] += shift;
  }

  void execute_shifts(index v) {
    double shift = 0, change = 0;
    for (std::size_t k = end(v); k > begin(v); --k) {
      auto w = static_cast<std::size_t>(kids_[k - 1]);
      prelim_[w] += shift;
      mod_[w] += shift;
      change += change_[w];
      shift += shift_[w] + change;
    }
  }

  // Nodes whose parent chain never reaches a root become roots, one per
  // cycle: the first such node in index order.
  void break_cycles() {
    // 0: unknown, 1: on the current path, 2: reaches a root.
    std::vector<std::uint8_t> state(n_, 0);
    std::vector<std::size_t> path;
    for (std::size_t v = 0; v < n_; ++v) {
      path.clear();
      std::size_t u = v;
      while (state[u] == 0) {
        state[u] = 1;
        path.push_back(u);
        if (parent_[u] == none) break;
        u = static_cast<std::size_t>(parent_[u]);
      }
      if (state[u] == 1 && parent_[u] != none) {
        // u is on a cycle found now: cut it at its smallest node.
        std::size_t smallest = u;
        for (std::size_t w = static_cast<std::size_t>(parent_[u]); w != u;
             w = static_cast<std::size_t>(parent_[w]))
          smallest = std::min(smallest, w);
        parent_[smallest] = none;
      }
      for (std::size_t w : path) state[w] = 2;
    }
  }

  const tree_input& in_;
  const tree_spacing& s_;
  std::size_t n_, total_ = 0;
  std::vector<index> parent_, kids_, number_, thread_, ancestor_, order_, layer_;
  std::vector<std::size_t> start_, group_begin_;
  std::vector<double> prelim_, mod_, shift_, change_, mid_, b_;
};

struct extent {
  double b0 = 0, b1 = 0, depth = 0;  // breadth range and depth of a group or frame
  bool empty = true;
};

// Each tree on its own: layers as tall as their tallest node, the tree's
// left edge at breadth 0 and its root layer at depth 0. Sets r.b and r.d
// relative to the tree; returns each tree's extent.
std::vector<extent> place_trees(const walker& w, std::size_t trees, const tree_input& in,
                                const tree_spacing& s, tree_result& r) {
  std::vector<extent> tree(trees);
  std::vector<double> tallest, layer_start;
  for (std::size_t t = 0; t < trees; ++t) {
    tallest.clear();
    extent& e = tree[t];
    for (std::size_t k = w.group_begin(t) + 1; k < w.group_end(t); ++k) {
      auto v = static_cast<std::size_t>(w.order()[k]);
      auto l = static_cast<std::size_t>(w.layer()[v]);
      if (tallest.size() <= l) tallest.resize(l + 1, 0);
      tallest[l] = std::max(tallest[l], in.depth[v]);
      double lo = w.b()[v] - in.breadth[v] / 2, hi = w.b()[v] + in.breadth[v] / 2;
      e.b0 = e.empty ? lo : std::min(e.b0, lo);
      e.b1 = e.empty ? hi : std::max(e.b1, hi);
      e.empty = false;
    }
    layer_start.assign(tallest.size(), 0);
    double at = 0;
    for (std::size_t l = 0; l < tallest.size(); ++l) {
      layer_start[l] = at;
      at += tallest[l] + s.layers;
    }
    e.depth = at - s.layers;
    for (std::size_t k = w.group_begin(t) + 1; k < w.group_end(t); ++k) {
      auto v = static_cast<std::size_t>(w.order()[k]);
      auto l = static_cast<std::size_t>(w.layer()[v]);
      r.b[v] = w.b()[v] - e.b0;
      r.d[v] = layer_start[l] + tallest[l] / 2;
    }
    e.b1 -= e.b0;
    e.b0 = 0;
  }
  return tree;
}

// How blocks nest. Internal ids: 0 is the top level, k + 1 is block k; a
// parent must come before its children (as sections do), others hang at
// the top.
struct nesting {
  std::vector<index> up;                        // per block id: its parent's id
  std::vector<std::vector<std::size_t>> inner;  // per block id: the blocks inside it
  std::vector<std::vector<std::size_t>> trees;  // per block id: the trees it holds
};

nesting nest(const tree_input& in, const std::vector<index>& roots) {
  const std::size_t m = in.blocks.size();
  nesting n{std::vector<index>(m + 1, none), std::vector<std::vector<std::size_t>>(m + 1),
            std::vector<std::vector<std::size_t>>(m + 1)};
  for (std::size_t k = 0; k < m; ++k) {
    index p = in.blocks[k].parent;
    n.up[k + 1] = p >= 0 && static_cast<std::size_t>(p) < k ? p + 1 : 0;
  }
  for (std::size_t k = 1; k <= m; ++k) n.inner[static_cast<std::size_t>(n.up[k])].push_back(k);
  for (std::size_t t = 0; t < roots.size(); ++t) {
    auto v = static_cast<std::size_t>(roots[t]);
    index b = v < in.block.size() ? in.block[v] : none;
    n.trees[b >= 0 && static_cast<std::size_t>(b) < m ? static_cast<std::size_t>(b) + 1 : 0]
        .push_back(t);
  }
  return n;
}

// One item of a block: a tree or an inner block, and its place in the
// block's frame once packed.
struct item {
  bool is_tree;
  std::size_t id;
  double width, depth;
  double b = 0, d = 0;
};

// Packs a block's items in rows, in order, each row as wide as needed for
// the block to come out about twice as wide as it is deep; returns the
// block's frame.
extent pack(std::vector<item>& items, const tree_block& info, double margin,
            const tree_spacing& s) {
  double area = 0, widest = 0;
  for (const item& it : items) {
    area += (it.width + s.blocks) * (it.depth + s.blocks);
    widest = std::max(widest, it.width);
  }
  const double row_width = std::max(widest, std::sqrt(2 * area));
  const double b_start = margin + info.room_breadth;
  double cursor = b_start, row_d = info.room_depth + margin, row_depth = 0, width = 0;
  bool row_empty = true;
  for (item& it : items) {
    if (!row_empty && cursor + s.blocks + it.width - b_start > row_width) {
      row_d += row_depth + s.blocks;
      cursor = b_start;
      row_depth = 0;
      row_empty = true;
    }
    if (!row_empty) cursor += s.blocks;
    it.b = cursor;
    it.d = row_d;
    cursor += it.width;
    width = std::max(width, cursor);
    row_depth = std::max(row_depth, it.depth);
    row_empty = false;
  }
  double depth = row_d + row_depth + margin;
  return {0, std::max(width + margin, info.min_breadth), std::max(depth, info.min_depth), false};
}

}  // namespace

tree_result tree_layout(const tree_input& in, const tree_spacing& s) {
  const std::size_t n = in.parent.size();
  const std::size_t m = in.blocks.size();
  walker w(in, s);
  const std::vector<index> roots = w.build();
  w.run();

  tree_result r;
  r.b.assign(n, 0);
  r.d.assign(n, 0);
  r.frames.assign(m, tree_box{});
  std::vector<extent> tree = place_trees(w, roots.size(), in, s, r);
  nesting nested = nest(in, roots);

  // Blocks, innermost first: a block's items are its leading blocks, its
  // trees, then its other blocks.
  std::vector<extent> frame(m + 1);
  std::vector<double> block_b(m + 1, 0), block_d(m + 1, 0);  // a block in its parent's frame
  std::vector<double> tree_b(roots.size(), 0), tree_d(roots.size(), 0);  // a tree in its block's
  std::vector<item> items;
  for (std::size_t k = m + 1; k > 0; --k) {
    const std::size_t id = k - 1;
    const tree_block none_block;
    items.clear();
    for (std::size_t c : nested.inner[id])
      if (in.blocks[c - 1].leading) items.push_back({false, c, frame[c].b1, frame[c].depth});
    for (std::size_t t : nested.trees[id]) items.push_back({true, t, tree[t].b1, tree[t].depth});
    for (std::size_t c : nested.inner[id])
      if (!in.blocks[c - 1].leading) items.push_back({false, c, frame[c].b1, frame[c].depth});
    frame[id] = pack(items, id == 0 ? none_block : in.blocks[id - 1], id == 0 ? 0 : s.margin, s);
    for (const item& it : items) {
      (it.is_tree ? tree_b : block_b)[it.id] = it.b;
      (it.is_tree ? tree_d : block_d)[it.id] = it.d;
    }
  }
  // Absolute origins, parents first.
  std::vector<double> origin_b(m + 1, 0), origin_d(m + 1, 0);
  for (std::size_t id = 1; id <= m; ++id) {
    auto p = static_cast<std::size_t>(nested.up[id]);
    origin_b[id] = origin_b[p] + block_b[id];
    origin_d[id] = origin_d[p] + block_d[id];
    r.frames[id - 1] = {origin_b[id], origin_d[id], origin_b[id] + frame[id].b1,
                        origin_d[id] + frame[id].depth};
  }
  for (std::size_t id = 0; id <= m; ++id) {
    for (std::size_t t : nested.trees[id]) {
      double ob = origin_b[id] + tree_b[t], od = origin_d[id] + tree_d[t];
      for (std::size_t k = w.group_begin(t) + 1; k < w.group_end(t); ++k) {
        auto v = static_cast<std::size_t>(w.order()[k]);
        r.b[v] += ob;
        r.d[v] += od;
      }
    }
  }
  return r;
}

}  // namespace argmap::render
