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

namespace {

// --page applies to the formats that go to paper.
bool fits_page(const options& o) {
  return o.page.width > 0 && (o.output == format::pdf || o.output == format::png);
}

// The page less half an inch all round: the margin Graphviz puts around a
// PDF drawing, so that a PDF's page is the paper's size (a PNG gets no
// margin: it is the drawing alone).
page_size printable_area(const page_size& page) {
  return {page.width - 72, page.height - 72, page.name};
}

// Sets an attribute on a graph object, declaring it with an empty default first.
void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

void set_html(Agraph_t* g, void* obj, const char* name, const std::string& html) {
  char* s = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agsafeset(obj, const_cast<char*>(name), s, const_cast<char*>(""));
  agstrfree(g, s);
}

// One drawing as a cgraph graph: the adapter between what markup.hpp and
// plan.hpp decide and Graphviz's objects.
class drawing {
 public:
  drawing(const engine::argument_graph& g, const options& o, const theme& t, const view& v,
          const engine::evaluation* e, bool tree)
      : g_(g), o_(o), t_(t), v_(v), tree_(tree), m_(g, o, t, v, e) {}

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
    return clusters_[static_cast<std::size_t>(section)];
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
      std::string name = fmt::format("i{}", i);
      const engine::claim_node& first = g_.claims[inf.premises.front()];
      Agnode_t* j = agnode(home(first.section), const_cast<char*>(name.c_str()), 1);
      set(j, "shape", "point");
      set(j, "style", "");
      set(j, "width", "0.09");
      set(j, "color", s.color);
      set(j, "label", "");
      junctions_[i] = j;
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
  const bool tree = r.layout == layout_engine::tree;
  drawing d(graph, opts, *t, v, eval, tree);
  Agraph_t* g = d.build();
  auto t1 = clock::now();
  r.build_seconds = seconds(t0, t1);
  bool laid_out = false;
  if (opts.output == format::dot && !tree) {
    // dot's DOT is the graph before layout: dot lays it out the same way.
    r.bytes = to_dot(g);
    r.output_seconds = seconds(t1, clock::now());
  } else if (tree ? !layout_pinned(impl_->gvc, g, d.plan(), opts.direction)
                  : gvLayout(impl_->gvc, g, "dot") != 0 || agerrors() > 0) {
    if (r.ok()) fail(r, "graphviz could not lay out the map");
  } else if (opts.output == format::png && !bitmap_fits(g, r)) {
    laid_out = true;
  } else {
    laid_out = true;
    measure_page(g, opts, r);
    auto t2 = clock::now();
    r.layout_seconds = seconds(t1, t2);
    char* data = nullptr;
    unsigned int length = 0;
    // The tree layout's DOT carries the positions it computed.
    int rendered = gvRenderData(impl_->gvc, g, extension(opts.output), &data, &length);
    r.output_seconds = seconds(t2, clock::now());
    if (rendered != 0 || agerrors() > 0) {
      if (r.ok()) fail(r, "graphviz could not render the map");
    } else {
      r.bytes.assign(data, length);
    }
    if (data) gvFreeRenderData(data);
  }
  if (laid_out || tree) gvFreeLayout(impl_->gvc, g);
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
