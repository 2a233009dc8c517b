#pragma once
/// \file
/// Internal to render/: one drawing as a cgraph graph, the adapter between
/// what markup.hpp and plan.hpp decide and Graphviz's objects. Includes
/// cgraph: not for use outside render/.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "render/graphviz_context.hpp"
#include "render/label.hpp"
#include "render/markup.hpp"
#include "render/pinned.hpp"
#include "render/plan.hpp"
#include "render/render.hpp"
#include "render/theme.hpp"
#include "render/view.hpp"

namespace argmap::render {

// --page applies to the formats that go to paper.
inline bool fits_page(const options& o) {
  return o.page.width > 0 && (o.output == format::pdf || o.output == format::png);
}

// The page less half an inch all round: the margin Graphviz puts around a
// PDF drawing, so that a PDF's page is the paper's size (a PNG gets no
// margin: it is the drawing alone).
inline page_size printable_area(const page_size& page) {
  return {page.width - 72, page.height - 72, page.name};
}

// Sets an attribute on a graph object, declaring it with an empty default first.
inline void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

inline void set_html(Agraph_t* g, void* obj, const char* name, const std::string& html) {
  char* s = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agsafeset(obj, const_cast<char*>(name), s, const_cast<char*>(""));
  agstrfree(g, s);
}

// One drawing as a cgraph graph: the adapter between what markup.hpp and
// plan.hpp decide and Graphviz's objects.
class drawing {
 public:
  // What a drawing is: the whole map laid out by one engine, or one block
  // of it for dot to lay out alone (no title, no legend, siblings kept in
  // reading order).
  enum class part : char { whole, block };

  drawing(const engine::argument_graph& g, const options& o, const theme& t, const view& v,
          const engine::evaluation* e, bool tree, part p = part::whole)
      : g_(g), o_(o), t_(t), v_(v), tree_(tree), block_(p == part::block), m_(g, o, t, v, e) {}

  // A block that is one section and nothing else leaves the section's frame
  // to the composition (composed.hpp): inside a dot cluster, dot does not
  // keep a claim's reasons in the order they are written. Call before build().
  void leave_frame(std::int32_t section) { unframed_ = section; }

  Agnode_t* legend_node() const { return legend_; }
  Agraph_t* legend_cluster() const { return legend_cluster_; }
  Agraph_t* cluster(std::size_t section) const { return clusters_[section]; }

  // Staggers leaves as Graphviz's unflatten does: of the claims with no
  // premise that hold up one claim directly, the k-th of each conclusion's
  // (when it has three or more) lies 1 + k mod `levels` ranks from it, so a
  // wide row of leaves folds into `levels` rows.
  void stagger(unsigned levels) {
    std::vector<unsigned> seen(g_.claims.size(), 0), leaves(g_.claims.size(), 0);
    std::vector<Agedge_t*> leaf_edge(g_.claims.size(), nullptr);
    std::vector<std::size_t> head_of(g_.claims.size(), 0);
    std::unordered_map<Agnode_t*, std::size_t> claim_of;
    for (std::size_t c = 0; c < g_.claims.size(); ++c)
      if (nodes_[c]) claim_of[nodes_[c]] = c;
    for (std::size_t c = 0; c < g_.claims.size(); ++c) {
      Agnode_t* n = nodes_[c];
      if (!n || agfstin(graph_, n)) continue;
      Agedge_t* e = agfstout(graph_, n);
      if (!e || agnxtout(graph_, e)) continue;
      auto it = claim_of.find(aghead(e));
      if (it == claim_of.end())
        continue;  // into a junction point: linked premises stay side by side
      leaf_edge[c] = e;
      head_of[c] = it->second;
      ++leaves[head_of[c]];
    }
    for (std::size_t c = 0; c < g_.claims.size(); ++c) {
      if (!leaf_edge[c] || leaves[head_of[c]] < 3) continue;
      unsigned k = seen[head_of[c]]++;
      set(leaf_edge[c], "minlen", std::to_string(1 + k % levels));
    }
  }

  Agraph_t* build() {
    Agdesc_t kind = Agstrictdirected;
    kind.strict = 0;
    static Agdisc_t disc = {&AgMemDisc, &creation_order_ids, &AgIoDisc};
    graph_ = agopen(const_cast<char*>("argmap"), kind, &disc);
    arrows_ = arrows(g_, v_);
    graph_attributes();
    sections();
    claims();
    inferences();
    contradictions();
    legend();
    return graph_;
  }

  // The tree layout's plan (plan.hpp) with this drawing's cgraph objects.
  pinned_plan plan() const {
    tree_plan t = plan_tree(g_, v_, arrows_, framed_, legend_ != nullptr);
    pinned_plan p;
    p.nodes.reserve(t.nodes.size());
    for (const tree_plan::node& n : t.nodes) {
      switch (n.what) {
        case tree_plan::kind::legend:
          p.nodes.push_back(legend_);
          break;
        case tree_plan::kind::junction:
          p.nodes.push_back(junctions_[n.index]);
          break;
        case tree_plan::kind::claim:
          p.nodes.push_back(nodes_[n.index]);
          break;
      }
    }
    for (std::int32_t s : t.clusters)
      p.clusters.push_back(s < 0 ? legend_cluster_ : clusters_[static_cast<std::size_t>(s)]);
    p.parent = std::move(t.parent);
    p.cluster = std::move(t.cluster);
    p.cluster_parent = std::move(t.cluster_parent);
    p.leading = std::move(t.leading);
    return p;
  }

 private:
  void graph_attributes() {
    if (tree_) {
      // Positions are pinned (render/pinned.cpp); the attribute lets
      // Graphviz's own tools redraw argmap's DOT output as it is.
      set(graph_, "layout", "nop2");
    } else {
      set(graph_, "rankdir", o_.direction);
      set(graph_, "nodesep", "0.3");
      set(graph_, "ranksep", "0.45");
      set(graph_, "newrank", "true");
      set(graph_, "compound", "true");
      if (block_) set(graph_, "ordering", "in");
    }
    set(graph_, "bgcolor", t_.background);
    if (fits_page(o_)) {  // Graphviz shrinks the drawing to this size when it writes it
      const page_size printable = printable_area(o_.page);
      set(graph_, "size",
          fmt::format("{:.3f},{:.3f}", printable.width / 72, printable.height / 72));
    }
    set(graph_, "fontname", "Helvetica");
    set(graph_, "fontcolor", t_.text);
    // What most claims and arrows share is declared once as a default: a
    // large map then sets a few attributes per object instead of a dozen.
    node_default("shape", "box");
    node_default("style", "rounded,filled");
    node_default("color", t_.border);
    node_default("fontname", "Helvetica");
    node_default("fontsize", "11");
    node_default("fontcolor", t_.text);
    node_default("margin", "0.08,0.05");
    agattr(graph_, AGEDGE, const_cast<char*>("arrowhead"), const_cast<char*>("normal"));
    agattr(graph_, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.8"));
    if (!o_.title.empty()) {
      set_html(graph_, graph_, "label", "<B>" + escape_html(o_.title) + "</B>");
      set(graph_, "labelloc", "t");
      set(graph_, "fontsize", "18");
    }
  }

  void node_default(const char* name, const std::string& value) {
    agattr(graph_, AGNODE, const_cast<char*>(name), const_cast<char*>(value.c_str()));
  }

  // Nested clusters, one per framed section.
  void sections() {
    framed_ = framed_sections(g_, v_);
    if (unframed_ >= 0) framed_[static_cast<std::size_t>(unframed_)] = false;
    clusters_.assign(g_.sections.size(), nullptr);
    // Each framed section's framed subsections (index 0 holds the top level).
    std::vector<std::vector<std::size_t>> kids(g_.sections.size() + 1);
    for (std::size_t s = 0; s < g_.sections.size(); ++s)
      if (framed_[s]) {
        std::int32_t parent = g_.sections[s].parent;
        kids[parent == engine::no_section ? 0 : static_cast<std::size_t>(parent) + 1].push_back(s);
      }
    std::vector<Agraph_t*> container(g_.sections.size(), nullptr);
    group(graph_, kids[0], container);
    for (std::size_t s = 0; s < g_.sections.size(); ++s) {
      if (!framed_[s]) continue;
      const engine::section& sec = g_.sections[s];
      std::string name = fmt::format("cluster_s{}", s);
      Agraph_t* c = agsubg(container[s], const_cast<char*>(name.c_str()), 1);
      group(c, kids[s + 1], container);
      set_html(graph_, c, "label", fmt::format("<B>{}</B>", escape_html(sec.title)));
      set(c, "labeljust", "l");
      set(c, "labelloc", cluster_label_top());
      set(c, "style", "rounded,dashed");
      set(c, "color", t_.cluster_border);
      set(c, "fontcolor", t_.muted);
      set(c, "fontsize", sec.level == 1 ? "16" : "13");
      set(c, "margin", "12");
      clusters_[s] = c;
    }
  }

  // Sets where the clusters of `sections` go: in `parent`, or when there are
  // more than eight of them, in a balanced tree of plain subgraphs under it.
  // cgraph looks an object up in every subgraph of a graph when it deletes
  // the object's records (agdelrec through agapply), so a thousand sections
  // side by side would make freeing a layout quadratic.
  void group(Agraph_t* parent, std::span<const std::size_t> sections,
             std::vector<Agraph_t*>& container) {
    constexpr std::size_t fanout = 8;
    if (sections.size() <= fanout) {
      for (std::size_t s : sections) container[s] = parent;
      return;
    }
    std::size_t chunk = (sections.size() + fanout - 1) / fanout;
    for (std::size_t at = 0; at < sections.size(); at += chunk) {
      std::string name = fmt::format("group_{}", groups_++);
      Agraph_t* w = agsubg(parent, const_cast<char*>(name.c_str()), 1);
      group(w, sections.subspan(at, std::min(chunk, sections.size() - at)), container);
    }
  }

  // dot mirrors cluster label positions with the ranks: with BT, "b" is the
  // top. The tree layout keeps room for labels on the conclusions' side,
  // which is the bottom only for TB.
  const char* cluster_label_top() const {
    if (tree_) return o_.direction == "TB" ? "b" : "t";
    return o_.direction == "BT" ? "b" : "t";
  }

  // Where a node of `section` is created. dot needs a section's nodes in its
  // cluster; the tree layout places the clusters itself and Graphviz draws
  // them from their frames alone, so nodes stay in the root graph: cgraph
  // then has no cluster to update for each node, which saves a tenth of the
  // time of a large map (building, and freeing most of all).
  Agraph_t* home(std::int32_t section) {
    if (tree_ || section == engine::no_section) return graph_;
    Agraph_t* c = clusters_[static_cast<std::size_t>(section)];
    return c ? c : graph_;
  }

  void claims() {
    nodes_.assign(g_.claims.size(), nullptr);
    for (std::size_t i = 0; i < g_.claims.size(); ++i) {
      if (!v_.claims[i]) continue;
      std::string name = node_name(i);
      Agnode_t* n = agnode(home(g_.claims[i].section), const_cast<char*>(name.c_str()), 1);
      for (const attribute& a : m_.claim_attributes(i)) set(n, a.first, a.second);
      set_html(graph_, n, "label", m_.claim_label(i));
      nodes_[i] = n;
    }
  }

  Agedge_t* edge(Agnode_t* from, Agnode_t* to, const stroke& s, bool arrow) {
    Agedge_t* e = agedge(graph_, from, to, nullptr, 1);
    set(e, "color", s.color);
    set(e, "style", s.style == "bold" ? "bold" : s.style);
    set(e, "penwidth", s.style == "bold" ? "2" : "1.4");
    if (!arrow) set(e, "arrowhead", "none");
    return e;
  }

  // One arrow per inference, through a junction point where plan.hpp's
  // arrows() says so: the premises join into a single arrow, and an
  // undercut can end on the inference itself.
  void inferences() {
    junctions_.assign(g_.inferences.size(), nullptr);
    for (std::size_t i = 0; i < g_.inferences.size(); ++i) {
      if (arrows_[i] != arrow::junction) continue;
      std::string name = fmt::format("i{}", i);
      const engine::claim_node& first = g_.claims[g_.inferences[i].premises.front()];
      Agnode_t* j = agnode(home(first.section), const_cast<char*>(name.c_str()), 1);
      set(j, "shape", "point");
      set(j, "style", "");
      set(j, "width", "0.09");
      set(j, "color", m_.inference_stroke(i).color);
      set(j, "label", "");
      junctions_[i] = j;
    }
    // A block's arrows are made in the order their lines are written: with
    // `ordering=in`, dot then keeps a claim's reasons in that order.
    std::vector<std::size_t> order(g_.inferences.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (block_)
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const source_range &x = g_.inferences[a].range, &y = g_.inferences[b].range;
        return std::tie(x.file, x.line, x.col) < std::tie(y.file, y.line, y.col);
      });
    for (std::size_t i : order) {
      if (arrows_[i] == arrow::none) continue;
      const engine::inference& inf = g_.inferences[i];
      const stroke s = m_.inference_stroke(i);
      std::vector<Agnode_t*> premises;
      for (engine::claim_index p : inf.premises)
        if (nodes_[p]) premises.push_back(nodes_[p]);
      Agnode_t* target = inf.kind == engine::inference_kind::undercut ? junctions_[inf.target]
                                                                      : nodes_[inf.target];
      if (arrows_[i] == arrow::direct) {
        edge(premises.front(), target, s, true);
        continue;
      }
      Agnode_t* j = junctions_[i];
      for (Agnode_t* p : premises) edge(p, j, s, false);
      Agedge_t* e = edge(j, target, s, true);
      if (inf.kind == engine::inference_kind::undercut) set(e, "arrowhead", "tee");
      if (premises.size() > 1 && !tree_) {
        // Keep linked premises side by side (the tree layout does it anyway).
        std::string same = fmt::format("rank_i{}", i);
        Agraph_t* r = agsubg(graph_, const_cast<char*>(same.c_str()), 1);
        set(r, "rank", "same");
        for (Agnode_t* p : premises) agsubnode(r, p, 1);
      }
    }
  }

  void contradictions() {
    for (std::size_t i = 0; i < g_.contradictions.size(); ++i) {
      if (!v_.contradictions[i]) continue;
      const engine::contradiction& c = g_.contradictions[i];
      Agedge_t* e = edge(nodes_[c.b], nodes_[c.a], t_.contradiction, true);
      set(e, "dir", "both");
      set(e, "constraint", "false");
    }
  }

  void legend() {
    if (block_) return;
    std::optional<std::string> table = m_.legend(arrows_);
    if (!table) return;
    Agraph_t* c = agsubg(graph_, const_cast<char*>("cluster_legend"), 1);
    set_html(graph_, c, "label", "<B>Legend</B>");
    set(c, "labelloc", cluster_label_top());
    set(c, "style", "rounded");
    set(c, "color", t_.cluster_border);
    set(c, "fontcolor", t_.muted);
    set(c, "fontsize", "11");
    Agnode_t* n = agnode(c, const_cast<char*>("legend"), 1);
    legend_ = n;
    legend_cluster_ = c;
    set(n, "shape", "plaintext");
    for (const char* unset : {"style", "color", "fontcolor", "margin"}) set(n, unset, "");
    set(n, "fontsize", "10");
    set_html(graph_, n, "label", *table);
  }

  const engine::argument_graph& g_;
  const options& o_;
  const theme& t_;
  const view& v_;
  bool tree_;
  bool block_;
  std::int32_t unframed_ = -1;  // a section whose frame the composition draws
  markup m_;
  std::vector<arrow> arrows_;
  std::vector<bool> framed_;
  Agraph_t* graph_ = nullptr;
  Agnode_t* legend_ = nullptr;
  Agraph_t* legend_cluster_ = nullptr;
  std::size_t groups_ = 0;  // plain subgraphs made by group()
  std::vector<Agraph_t*> clusters_;
  std::vector<Agnode_t*> nodes_;
  std::vector<Agnode_t*> junctions_;
};

}  // namespace argmap::render
