// The shape of a drawing: frames, arrows, junction points and the tree the
// tree layout places. Nothing here knows Graphviz.

#include "render/plan.hpp"

#include <algorithm>

namespace argmap::render {

std::vector<arrow> arrows(const engine::argument_graph& g, const view& v) {
  const std::size_t infs = g.inferences.size();
  std::vector<bool> undercut(infs, false);
  for (std::size_t i = 0; i < infs; ++i)
    if (v.inferences[i] && g.inferences[i].kind == engine::inference_kind::undercut)
      undercut[g.inferences[i].target] = true;
  std::vector<arrow> out(infs, arrow::none);
  for (std::size_t i = 0; i < infs; ++i) {
    if (!v.inferences[i]) continue;
    const engine::inference& inf = g.inferences[i];
    std::size_t premises = 0;
    for (engine::claim_index p : inf.premises) premises += v.claims[p];
    bool target = inf.kind == engine::inference_kind::undercut ? out[inf.target] == arrow::junction
                                                               : v.claims[inf.target];
    if (!target) continue;
    out[i] = premises > 1 || undercut[i] ? arrow::junction : arrow::direct;
  }
  return out;
}

std::vector<bool> framed_sections(const engine::argument_graph& g, const view& v) {
  std::vector<bool> used(g.sections.size(), false);
  for (std::size_t i = 0; i < g.claims.size(); ++i) {
    if (!v.claims[i]) continue;
    for (std::int32_t s = g.claims[i].section; s != engine::no_section;
         s = g.sections[static_cast<std::size_t>(s)].parent)
      used[static_cast<std::size_t>(s)] = true;
  }
  return used;
}

namespace {

// The layout order of the nodes: the legend, then per claim in reading order
// the junction points placed before it, then the claim. A junction point's
// place is before its first premise written on its own lines.
struct order {
  std::vector<std::int32_t> claim_at, junction_at;  // index in the plan, -1 if not drawn
  std::vector<std::int32_t> section_of;             // per plan node
};

order place(const engine::argument_graph& g, const view& v, const std::vector<arrow>& arrows,
            bool legend, tree_plan& p) {
  const std::size_t claims = g.claims.size(), infs = g.inferences.size();
  auto junction = [&](std::size_t i) { return arrows[i] == arrow::junction; };
  std::vector<std::int64_t> key(infs, -1);
  for (std::size_t c = 0; c < claims; ++c) {
    std::int32_t oi = g.claims[c].outline_inference;
    if (oi >= 0 && junction(static_cast<std::size_t>(oi)) && key[static_cast<std::size_t>(oi)] < 0)
      key[static_cast<std::size_t>(oi)] = static_cast<std::int64_t>(c);
  }
  // The junction points placed before each claim, bucketed by claim.
  std::vector<std::size_t> start(claims + 1, 0);
  for (std::size_t i = 0; i < infs; ++i) {
    if (!junction(i)) continue;
    if (key[i] < 0) key[i] = g.inferences[i].premises.front();
    ++start[static_cast<std::size_t>(key[i]) + 1];
  }
  for (std::size_t c = 0; c < claims; ++c) start[c + 1] += start[c];
  std::vector<std::size_t> bucket(start.back()), fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < infs; ++i)
    if (junction(i)) bucket[fill[static_cast<std::size_t>(key[i])]++] = i;

  order o{std::vector<std::int32_t>(claims, -1), std::vector<std::int32_t>(infs, -1), {}};
  if (legend) {
    p.nodes.push_back({tree_plan::kind::legend, 0});
    o.section_of.push_back(engine::no_section);
  }
  for (std::size_t c = 0; c < claims; ++c) {
    for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
      o.junction_at[bucket[k]] = static_cast<std::int32_t>(p.nodes.size());
      p.nodes.push_back({tree_plan::kind::junction, bucket[k]});
      o.section_of.push_back(g.claims[c].section);
    }
    if (!v.claims[c]) continue;
    o.claim_at[c] = static_cast<std::int32_t>(p.nodes.size());
    p.nodes.push_back({tree_plan::kind::claim, c});
    o.section_of.push_back(g.claims[c].section);
  }
  return o;
}

// Each node's parent: what its defining line's arrow points to.
void hang(const engine::argument_graph& g, const view& v, const order& o, tree_plan& p) {
  auto head = [&](std::size_t i) {
    const engine::inference& inf = g.inferences[i];
    return inf.kind == engine::inference_kind::undercut ? o.junction_at[inf.target]
                                                        : o.claim_at[inf.target];
  };
  p.parent.assign(p.nodes.size(), -1);
  for (std::size_t c = 0; c < g.claims.size(); ++c) {
    if (o.claim_at[c] < 0) continue;
    const engine::claim_node& node = g.claims[c];
    std::int32_t parent = -1;
    if (node.outline_inference >= 0) {
      auto oi = static_cast<std::size_t>(node.outline_inference);
      if (o.junction_at[oi] >= 0)
        parent = o.junction_at[oi];
      else if (v.inferences[oi])
        parent = head(oi);
    } else if (node.outline_parent >= 0 && node.source->rel == ast::relation::contradiction) {
      parent = o.claim_at[static_cast<std::size_t>(node.outline_parent)];
    }
    p.parent[static_cast<std::size_t>(o.claim_at[c])] = parent;
  }
  for (std::size_t i = 0; i < g.inferences.size(); ++i)
    if (o.junction_at[i] >= 0) p.parent[static_cast<std::size_t>(o.junction_at[i])] = head(i);
}

// The frames: the sections drawn, then the legend's.
void frame(const engine::argument_graph& g, const std::vector<bool>& framed, const order& o,
           bool legend, tree_plan& p) {
  std::vector<std::int32_t> cluster_of_section(g.sections.size(), -1);
  for (std::size_t s = 0; s < g.sections.size(); ++s) {
    if (!framed[s]) continue;
    cluster_of_section[s] = static_cast<std::int32_t>(p.clusters.size());
    std::int32_t up = g.sections[s].parent;
    p.clusters.push_back(static_cast<std::int32_t>(s));
    p.cluster_parent.push_back(
        up == engine::no_section ? -1 : cluster_of_section[static_cast<std::size_t>(up)]);
    p.leading.push_back(false);
  }
  p.cluster.resize(p.nodes.size());
  for (std::size_t k = 0; k < p.nodes.size(); ++k) {
    std::int32_t s = o.section_of[k];
    p.cluster[k] = s == engine::no_section ? -1 : cluster_of_section[static_cast<std::size_t>(s)];
  }
  if (legend) {
    p.cluster[0] = static_cast<std::int32_t>(p.clusters.size());
    p.clusters.push_back(-1);
    p.cluster_parent.push_back(-1);
    p.leading.push_back(true);
  }
}

}  // namespace

tree_plan plan_tree(const engine::argument_graph& g, const view& v,
                    const std::vector<arrow>& arrows, const std::vector<bool>& framed,
                    bool legend) {
  tree_plan p;
  order o = place(g, v, arrows, legend, p);
  hang(g, v, o, p);
  frame(g, framed, o, legend, p);
  return p;
}

namespace {

// Union-find with path halving; the smaller index becomes the root, so a
// block's root is its first claim in reading order.
struct sets {
  std::vector<std::size_t> up;
  explicit sets(std::size_t n) : up(n) {
    for (std::size_t i = 0; i < n; ++i) up[i] = i;
  }
  std::size_t find(std::size_t x) {
    while (up[x] != x) x = up[x] = up[up[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a != b) up[std::max(a, b)] = std::min(a, b);
  }
};

// The top-level section a section is in (itself at level 1).
std::int32_t top_section(const engine::argument_graph& g, std::int32_t s) {
  while (s != engine::no_section &&
         g.sections[static_cast<std::size_t>(s)].parent != engine::no_section)
    s = g.sections[static_cast<std::size_t>(s)].parent;
  return s;
}

}  // namespace

namespace {

// The blocks `s` makes of the drawn claims, numbered in reading order, with
// the inferences and contradictions drawn inside each.
block_plan number_blocks(const engine::argument_graph& g, const view& v,
                         const std::vector<arrow>& arrows, sets& s) {
  const std::size_t claims = g.claims.size();
  block_plan b;
  b.block.assign(claims, -1);
  std::vector<std::int32_t> number(claims, -1);
  for (std::size_t c = 0; c < claims; ++c) {
    if (!v.claims[c]) continue;
    std::size_t root = s.find(c);
    if (number[root] < 0) number[root] = static_cast<std::int32_t>(b.count++);
    b.block[c] = number[root];
  }
  // An inference is drawn inside a block when all it joins is in that block.
  b.inference_block.assign(g.inferences.size(), -1);
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    if (arrows[i] == arrow::none) continue;
    const engine::inference& inf = g.inferences[i];
    std::int32_t home = inf.kind == engine::inference_kind::undercut ? b.inference_block[inf.target]
                                                                     : b.block[inf.target];
    bool inside = home >= 0;
    for (engine::claim_index p : inf.premises)
      if (v.claims[p] && b.block[p] != home) inside = false;
    b.inference_block[i] = inside ? home : -1;
  }
  b.contradiction_block.assign(g.contradictions.size(), -1);
  for (std::size_t i = 0; i < g.contradictions.size(); ++i) {
    const engine::contradiction& c = g.contradictions[i];
    if (v.contradictions[i] && b.block[c.a] == b.block[c.b])
      b.contradiction_block[i] = b.block[c.a];
  }
  return b;
}

// Joins in `s` the drawn claims of each top-level section, and the two
// drawn claims `a` and `b` of each drawn arrow and contradiction when
// `joins(a, b)`.
template <class F>
void join_blocks(const engine::argument_graph& g, const view& v, const std::vector<arrow>& arrows,
                 sets& s, F&& joins) {
  std::vector<std::int64_t> first_of(g.sections.size(), -1);
  for (std::size_t c = 0; c < g.claims.size(); ++c) {
    std::int32_t top = top_section(g, g.claims[c].section);
    if (!v.claims[c] || top == engine::no_section) continue;
    std::int64_t& first = first_of[static_cast<std::size_t>(top)];
    if (first < 0) first = static_cast<std::int64_t>(c);
    s.join(static_cast<std::size_t>(first), c);
  }
  auto link = [&](std::size_t a, std::size_t b) {
    if (v.claims[a] && v.claims[b] && joins(a, b)) s.join(a, b);
  };
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    if (arrows[i] == arrow::none) continue;
    const engine::inference& inf = g.inferences[i];
    // An undercut joins its premises to a premise of what it undercuts.
    const std::size_t to = inf.kind == engine::inference_kind::undercut
                               ? g.inferences[inf.target].premises.front()
                               : inf.target;
    for (engine::claim_index p : inf.premises) link(p, to);
  }
  for (std::size_t i = 0; i < g.contradictions.size(); ++i)
    if (v.contradictions[i]) link(g.contradictions[i].a, g.contradictions[i].b);
}

}  // namespace

block_plan plan_blocks(const engine::argument_graph& g, const view& v,
                       const std::vector<arrow>& arrows) {
  std::vector<std::int32_t> top(g.claims.size());
  for (std::size_t c = 0; c < g.claims.size(); ++c) top[c] = top_section(g, g.claims[c].section);
  sets s(g.claims.size());
  join_blocks(g, v, arrows, s, [&](std::size_t a, std::size_t b) {
    return top[a] == engine::no_section && top[b] == engine::no_section;
  });
  return number_blocks(g, v, arrows, s);
}

view block_view(const engine::argument_graph& g, const view& v, const block_plan& b,
                std::int32_t which) {
  view out;
  out.claims.resize(g.claims.size());
  for (std::size_t c = 0; c < g.claims.size(); ++c) out.claims[c] = b.block[c] == which;
  out.inferences.resize(g.inferences.size());
  for (std::size_t i = 0; i < g.inferences.size(); ++i)
    out.inferences[i] = v.inferences[i] && b.inference_block[i] == which;
  out.contradictions.resize(g.contradictions.size());
  for (std::size_t i = 0; i < g.contradictions.size(); ++i)
    out.contradictions[i] = b.contradiction_block[i] == which;
  return out;
}

}  // namespace argmap::render
