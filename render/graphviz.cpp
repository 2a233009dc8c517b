// The renderer: builds a cgraph graph from the argument graph, lays it out
// with dot and renders it with gvc, all in-process. The only file that
// includes Graphviz headers.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "io/write.hpp"
#include "render/coordinate.hpp"
#include "render/label.hpp"
#include "render/pinned.hpp"
#include "render/render.hpp"
#include "render/theme.hpp"
#include "render/view.hpp"

extern "C" {
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;
}

namespace argmap::render {

std::size_t format_coordinate(double value, char (&out)[64]) {
  if (value > -1e-8 && value < 1e-8) value = 0;
  // Exactly as printf's "%.2f" rounds: value * 100 to the nearest integer,
  // ties to even, computed on the exact binary value (mantissa * 2^exponent)
  // in integers. Below 2^50 (any coordinate); the rest goes to snprintf.
  std::size_t length = 0;
  if (std::isfinite(value) && std::fabs(value) < 0x1p50) {
    int exponent = 0;
    double fraction = std::frexp(std::fabs(value), &exponent);  // value = fraction * 2^exponent
    auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));  // exact: 53 bits
    exponent -= 53;
    unsigned __int128 scaled = static_cast<unsigned __int128>(mantissa) * 100;
    std::uint64_t hundredths = 0;
    if (exponent >= 0) {
      hundredths = static_cast<std::uint64_t>(scaled << exponent);
    } else if (exponent > -120) {
      int shift = -exponent;
      unsigned __int128 whole = scaled >> shift;
      unsigned __int128 rest = scaled - (whole << shift);
      unsigned __int128 half = static_cast<unsigned __int128>(1) << (shift - 1);
      if (rest > half || (rest == half && (whole & 1) != 0)) ++whole;
      hundredths = static_cast<std::uint64_t>(whole);
    }
    char digits[32];
    int n = 0;
    for (std::uint64_t h = hundredths; n < 3 || h != 0; h /= 10)
      digits[n++] = static_cast<char>('0' + h % 10);
    if (std::signbit(value)) out[length++] = '-';
    while (n > 2) out[length++] = digits[--n];
    out[length++] = '.';
    out[length++] = digits[1];
    out[length++] = digits[0];
  } else {
    // Graphviz prints into 50 bytes: keep its truncation, and glibc's words
    // for infinities and NaNs.
    std::snprintf(out, 50, "%.02f", value);
    length = std::strlen(out);
  }
  if (std::memchr(out, '.', length)) {
    while (out[length - 1] == '0') --length;
    if (out[length - 1] == '.') --length;
  }
  return length;
}

}  // namespace argmap::render

// See render/coordinate.hpp: Graphviz's plugins call this instead of
// libgvc's own copy.
extern "C" std::size_t gvwrite(GVJ_t* job, const char* s, std::size_t len);
extern "C" void gvprintdouble(GVJ_t* job, double num) {
  char text[64];
  gvwrite(job, text, argmap::render::format_coordinate(num, text));
}

namespace argmap::render {

std::optional<format> format_from_name(std::string_view name) {
  if (name == "svg") return format::svg;
  if (name == "png") return format::png;
  if (name == "pdf") return format::pdf;
  if (name == "dot") return format::dot;
  return std::nullopt;
}

std::optional<layout_engine> layout_from_name(std::string_view name) {
  if (name == "auto") return layout_engine::automatic;
  if (name == "dot") return layout_engine::dot;
  if (name == "tree") return layout_engine::tree;
  return std::nullopt;
}

std::optional<id_display> id_display_from_name(std::string_view name) {
  if (name == "referenced") return id_display::referenced;
  if (name == "all") return id_display::all;
  if (name == "none") return id_display::none;
  return std::nullopt;
}

const char* name_of(layout_engine l) {
  switch (l) {
    case layout_engine::automatic:
      return "auto";
    case layout_engine::dot:
      return "dot";
    case layout_engine::tree:
      return "tree";
  }
  return "auto";
}

const char* extension(format f) {
  switch (f) {
    case format::svg:
      return "svg";
    case format::png:
      return "png";
    case format::pdf:
      return "pdf";
    case format::dot:
      return "dot";
  }
  return "svg";
}

namespace {

// Graphviz reports errors and warnings through a callback; collect them for
// the current render. A message may arrive in pieces: a piece without a
// "Warning:" or "Error:" prefix continues the previous message.
result* collecting = nullptr;
bool last_was_warning = false;

// Graphviz and the libraries under it (cairo, Pango, fontconfig) also print
// some messages straight to standard error ("(null): graph is too large for
// cairo-renderer bitmaps..."). While Graphviz works, descriptor 2 points at an
// in-memory file; what lands there becomes warnings of the render.
class stderr_capture {
 public:
  stderr_capture() {
    std::fflush(stderr);
    mem_ = memfd_create("argmap-graphviz-stderr", MFD_CLOEXEC);
    saved_ = dup(STDERR_FILENO);
    if (mem_ < 0 || saved_ < 0 || dup2(mem_, STDERR_FILENO) < 0) {
      release();
      return;
    }
    io::set_stderr_backup(saved_);
  }
  stderr_capture(const stderr_capture&) = delete;
  stderr_capture& operator=(const stderr_capture&) = delete;
  ~stderr_capture() { release(); }

  // Restores standard error and returns each line written meanwhile (at
  // most 64 KB of them).
  std::vector<std::string> finish() {
    std::vector<std::string> lines;
    if (mem_ < 0) return lines;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    io::set_stderr_backup(-1);
    std::string text(1 << 16, '\0');
    ssize_t n = pread(mem_, text.data(), text.size(), 0);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string line = text.substr(pos, nl - pos);
      if (line.rfind("(null): ", 0) == 0) line.erase(0, 8);  // Graphviz's unset command name
      if (!line.empty()) lines.push_back(std::move(line));
      pos = nl + 1;
    }
    release();
    return lines;
  }

 private:
  void release() {
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      io::set_stderr_backup(-1);
      close(saved_);
    }
    if (mem_ >= 0) close(mem_);
    saved_ = mem_ = -1;
  }
  int saved_ = -1;
  int mem_ = -1;
};

int collect_message(char* message) {
  if (!collecting) return 0;
  std::string m = message;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (m.empty()) return 0;
  auto starts = [&](const char* prefix) { return m.rfind(prefix, 0) == 0; };
  std::vector<std::string>& warnings = collecting->warnings;
  std::vector<std::string>& errors = collecting->errors;
  if (starts("Warning: ")) {
    warnings.push_back("graphviz: " + m.substr(9));
    last_was_warning = true;
  } else if (starts("Error: ")) {
    errors.push_back("graphviz: " + m.substr(7));
    last_was_warning = false;
  } else {
    std::vector<std::string>& into = last_was_warning ? warnings : errors;
    if (into.empty()) {
      into.push_back("graphviz: " + m);
    } else {
      into.back() += " " + m;
    }
  }
  return 0;
}

// The cairo plugin library without its text-layout api, so that text is
// measured with Graphviz's built-in metrics (deterministic), while PNG and
// PDF are still drawn by cairo.
gvplugin_api_t pango_apis_without_text_layout[8];
gvplugin_library_t pango_without_text_layout = {const_cast<char*>("cairo"), nullptr};

const lt_symlist_t* builtins(bool font_metrics) {
  static lt_symlist_t with_fonts[] = {
      {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
      {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
      {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
      {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
      {nullptr, nullptr}};
  static lt_symlist_t without_fonts[] = {
      {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
      {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
      {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
      {"gvplugin_pango_LTX_library", &pango_without_text_layout},
      {nullptr, nullptr}};
  if (font_metrics) return with_fonts;
  std::size_t n = 0;
  for (gvplugin_api_t* api = gvplugin_pango_LTX_library.apis; api->types && n < 7; ++api) {
    if (api->api != API_textlayout) pango_apis_without_text_layout[n++] = *api;
  }
  pango_apis_without_text_layout[n] = {static_cast<api_t>(0), nullptr};
  pango_without_text_layout.apis = pango_apis_without_text_layout;
  return without_fonts;
}

// Object ids in creation order. cgraph's default discipline uses the address
// of the interned name as a named object's id and keeps subgraphs sorted by
// id, so clusters would come out in an order that depends on the heap. This
// discipline numbers names as they are first seen: even ids for names, odd
// ids for anonymous objects, as cgraph expects.
// Names are interned with agstrdup: cgraph reads a flag in front of the
// string to tell HTML labels from plain ones, so it must be a cgraph string.
struct id_state {
  Agraph_t* graph = nullptr;
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<char*> names;  // interned names, by id / 2 - 1
  IDTYPE anonymous = 1;
};

void* id_open(Agraph_t* g, Agdisc_t*) {
  auto* s = new id_state;
  s->graph = g;
  return s;
}

long id_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<id_state*>(state);
  if (!str) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(str);
  if (it != s->ids.end()) {
    *id = it->second;
  } else if (create) {
    s->names.push_back(agstrdup(s->graph, str));
    *id = static_cast<IDTYPE>(2 * s->names.size());
    s->ids.emplace(str, *id);
  } else {
    *id = 0;  // no object has id 0
  }
  return 1;
}

long id_alloc(void*, int, IDTYPE) {
  return 0;
}

void id_free(void*, int, IDTYPE) {}

char* id_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<id_state*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}

void id_close(void* state) {
  delete static_cast<id_state*>(state);
}

void id_register(void*, int, void*) {}

Agiddisc_t creation_order_ids = {id_open,  id_map,   id_alloc,   id_free,
                                 id_print, id_close, id_register};

// Sets an attribute on a graph object, declaring it with an empty default first.
void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

void set_html(Agraph_t* g, void* obj, const char* name, const std::string& html) {
  char* s = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agsafeset(obj, const_cast<char*>(name), s, const_cast<char*>(""));
  agstrfree(g, s);
}

// Everything about one drawing.
class drawing {
 public:
  drawing(const argument_graph& g, const options& o, const theme& t, const view& v,
          const evaluation* e, bool tree)
      : g_(g), o_(o), t_(t), v_(v), e_(e), tree_(tree) {}

  Agraph_t* build() {
    Agdesc_t kind = Agstrictdirected;
    kind.strict = 0;
    static Agdisc_t disc = {&AgMemDisc, &creation_order_ids, &AgIoDisc};
    graph_ = agopen(const_cast<char*>("argmap"), kind, &disc);
    graph_attributes();
    sections();
    claims();
    inferences();
    contradictions();
    legend();
    return graph_;
  }

  // The outline as a tree for the tree layout: a claim hangs under what its
  // defining line's arrow points to (its reason's junction point, its
  // conclusion, or the inference it undercuts), a junction point under its
  // arrow's head. Order: the legend, then in reading order each claim, just
  // after the junction points of the linked reasons it opens.
  pinned_plan plan() const {
    pinned_plan p;
    const std::size_t claims = g_.claims.size(), infs = g_.inferences.size();
    // A junction's place: before its first premise written on its own lines.
    std::vector<std::int64_t> key(infs, -1);
    for (std::size_t c = 0; c < claims; ++c) {
      std::int32_t oi = g_.claims[c].outline_inference;
      if (oi >= 0 && junctions_[static_cast<std::size_t>(oi)] &&
          key[static_cast<std::size_t>(oi)] < 0)
        key[static_cast<std::size_t>(oi)] = static_cast<std::int64_t>(c);
    }
    std::vector<std::size_t> start(claims + 1, 0);
    for (std::size_t i = 0; i < infs; ++i) {
      if (!junctions_[i]) continue;
      if (key[i] < 0) key[i] = g_.inferences[i].premises.front();
      ++start[static_cast<std::size_t>(key[i]) + 1];
    }
    for (std::size_t c = 0; c < claims; ++c) start[c + 1] += start[c];
    std::vector<std::size_t> bucket(start.back()), fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < infs; ++i)
      if (junctions_[i]) bucket[fill[static_cast<std::size_t>(key[i])]++] = i;

    std::vector<std::int32_t> claim_at(claims, -1), junction_at(infs, -1);
    std::vector<std::int32_t> section_of;  // per layout node
    if (legend_) {
      p.nodes.push_back(legend_);
      section_of.push_back(no_section);
    }
    for (std::size_t c = 0; c < claims; ++c) {
      for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
        junction_at[bucket[k]] = static_cast<std::int32_t>(p.nodes.size());
        p.nodes.push_back(junctions_[bucket[k]]);
        section_of.push_back(g_.claims[c].section);
      }
      if (!nodes_[c]) continue;
      claim_at[c] = static_cast<std::int32_t>(p.nodes.size());
      p.nodes.push_back(nodes_[c]);
      section_of.push_back(g_.claims[c].section);
    }
    // The node an inference's arrow ends at.
    auto head = [&](std::size_t i) {
      const inference& inf = g_.inferences[i];
      return inf.kind == inference_kind::undercut ? junction_at[inf.target] : claim_at[inf.target];
    };
    p.parent.assign(p.nodes.size(), -1);
    for (std::size_t c = 0; c < claims; ++c) {
      if (claim_at[c] < 0) continue;
      const claim_node& node = g_.claims[c];
      std::int32_t parent = -1;
      if (node.outline_inference >= 0) {
        auto oi = static_cast<std::size_t>(node.outline_inference);
        if (junction_at[oi] >= 0)
          parent = junction_at[oi];
        else if (v_.inferences[oi])
          parent = head(oi);
      } else if (node.outline_parent >= 0 && node.source->rel == ast::relation::contradiction) {
        parent = claim_at[static_cast<std::size_t>(node.outline_parent)];
      }
      p.parent[static_cast<std::size_t>(claim_at[c])] = parent;
    }
    for (std::size_t i = 0; i < infs; ++i)
      if (junction_at[i] >= 0) p.parent[static_cast<std::size_t>(junction_at[i])] = head(i);

    // Clusters: the sections drawn, then the legend.
    std::vector<std::int32_t> cluster_of_section(g_.sections.size(), -1);
    for (std::size_t s = 0; s < g_.sections.size(); ++s) {
      if (!clusters_[s]) continue;
      cluster_of_section[s] = static_cast<std::int32_t>(p.clusters.size());
      std::int32_t up = g_.sections[s].parent;
      p.clusters.push_back(clusters_[s]);
      p.cluster_parent.push_back(
          up == no_section ? -1 : cluster_of_section[static_cast<std::size_t>(up)]);
      p.leading.push_back(false);
    }
    p.cluster.resize(p.nodes.size());
    for (std::size_t k = 0; k < p.nodes.size(); ++k) {
      std::int32_t s = section_of[k];
      p.cluster[k] = s == no_section ? -1 : cluster_of_section[static_cast<std::size_t>(s)];
    }
    if (legend_) {
      p.cluster[0] = static_cast<std::int32_t>(p.clusters.size());
      p.clusters.push_back(legend_cluster_);
      p.cluster_parent.push_back(-1);
      p.leading.push_back(true);
    }
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

  // Nested clusters, one per section that has a drawn claim.
  void sections() {
    std::vector<bool> used(g_.sections.size(), false);
    for (std::size_t i = 0; i < g_.claims.size(); ++i) {
      if (!v_.claims[i]) continue;
      for (std::int32_t s = g_.claims[i].section; s != no_section;
           s = g_.sections[static_cast<std::size_t>(s)].parent)
        used[static_cast<std::size_t>(s)] = true;
    }
    clusters_.assign(g_.sections.size(), nullptr);
    // Each drawn section's drawn subsections (index 0 holds the top level).
    std::vector<std::vector<std::size_t>> kids(g_.sections.size() + 1);
    for (std::size_t s = 0; s < g_.sections.size(); ++s)
      if (used[s]) {
        std::int32_t parent = g_.sections[s].parent;
        kids[parent == no_section ? 0 : static_cast<std::size_t>(parent) + 1].push_back(s);
      }
    std::vector<Agraph_t*> container(g_.sections.size(), nullptr);
    group(graph_, kids[0], container);
    for (std::size_t s = 0; s < g_.sections.size(); ++s) {
      if (!used[s]) continue;
      const section& sec = g_.sections[s];
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
    if (tree_ || section == no_section) return graph_;
    return clusters_[static_cast<std::size_t>(section)];
  }

  // The role that colours a claim's box: a reason (support) or an objection
  // (attack or undercut), from the line that defines the claim; a co-premise
  // or a top-level claim used elsewhere takes the kind of the first reason it
  // is a premise of; a claim that is no premise is a thesis (-1).
  std::vector<int> roles() const {
    std::vector<int> first(g_.claims.size(), -1);
    for (std::size_t i = 0; i < g_.inferences.size(); ++i) {
      if (!v_.inferences[i]) continue;
      for (claim_index p : g_.inferences[i].premises)
        if (first[p] < 0) first[p] = static_cast<int>(g_.inferences[i].kind);
    }
    std::vector<int> role(g_.claims.size(), -1);
    for (std::size_t c = 0; c < g_.claims.size(); ++c) {
      switch (g_.claims[c].source->rel) {
        case ast::relation::support:
          role[c] = static_cast<int>(inference_kind::support);
          break;
        case ast::relation::attack:
        case ast::relation::undercut:
        case ast::relation::contradiction:
          role[c] = static_cast<int>(inference_kind::attack);
          break;
        default:
          role[c] = first[c];
      }
    }
    return role;
  }

  void claims() {
    std::vector<int> role = roles();
    std::set<std::string> all_tags;
    for (const claim_node& c : g_.claims) all_tags.insert(c.tags().begin(), c.tags().end());
    for (const std::string& tag : all_tags) tag_order_.emplace(tag, tag_order_.size());
    nodes_.assign(g_.claims.size(), nullptr);
    for (std::size_t i = 0; i < g_.claims.size(); ++i) {
      if (!v_.claims[i]) continue;
      const claim_node& c = g_.claims[i];
      std::string name = fmt::format("c{}", i);
      Agnode_t* n = agnode(home(c.section), const_cast<char*>(name.c_str()), 1);
      std::string fill = role[i] < 0                                            ? t_.thesis_fill
                         : role[i] == static_cast<int>(inference_kind::support) ? t_.support_fill
                                                                                : t_.attack_fill;
      if (auto colour = c.attribute("color")) fill = std::string(*colour);
      set(n, "fillcolor", fill);
      set(n, "tooltip", escape_esc_string(c.id));
      if (o_.tag_colors && !c.tags().empty() && t_.name != "mono") {
        set(n, "color", tag_colour(c.tags().front()));
        set(n, "penwidth", "2");
      }
      if (labelled() && e_->claim_labels[i] == label::out) {
        set(n, "fillcolor", t_.defeated_fill);
        set(n, "fontcolor", t_.muted);
      } else if (labelled() && e_->claim_labels[i] == label::undec) {
        // Undecided must show at page zoom: a thick dashed border in the
        // undercut colour (unless tags colour the borders) and a '?' mark.
        set(n, "style", "rounded,filled,dashed");
        set(n, "penwidth", "2.6");
        if (!(o_.tag_colors && !c.tags().empty() && t_.name != "mono")) set(n, "color", t_.undercut.color);
      }
      set_html(graph_, n, "label", claim_label(c, i));
      nodes_[i] = n;
    }
  }

  bool labelled() const { return e_ && !e_->claim_labels.empty(); }

  // The mark an evaluated claim carries: it stands, it is defeated, it is open.
  std::string mark(label l) const {
    switch (l) {
      case label::in:
        return fmt::format("<FONT COLOR=\"{}\"><B>\u2713 stands</B></FONT>", t_.support.color);
      case label::out:
        return fmt::format("<FONT COLOR=\"{}\"><B>\u2717 defeated</B></FONT>", t_.muted);
      case label::undec:
        return fmt::format("<FONT COLOR=\"{}\"><B>? undecided</B></FONT>", t_.undercut.color);
    }
    return "";
  }
  bool strengths() const { return e_ && !e_->claim_strengths.empty(); }

  std::string claim_label(const claim_node& c, std::size_t index) const {
    bool defeated = labelled() && e_->claim_labels[index] == label::out;
    std::string rows;
    std::string header;
    if (labelled()) header += mark(e_->claim_labels[index]);
    bool show_id = c.user_id && (o_.ids == id_display::all ||
                                 (o_.ids == id_display::referenced && c.references > 0));
    if (show_id) header += (header.empty() ? "" : " ") + std::string("<B>") + escape_html(c.id) + "</B>";
    std::string badge;
    if (auto basis = c.attribute("basis")) {
      badge = fmt::format(
          "<TD BGCOLOR=\"{}\" CELLPADDING=\"2\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\">{}</FONT></TD>",
          t_.badge_fill, t_.text, escape_html(*basis));
    }
    if (!header.empty() || !badge.empty()) {
      // The id on the left, the basis badge after it, in a row of their own.
      std::string cells = fmt::format("<TD ALIGN=\"LEFT\">{}</TD>", header);
      if (!badge.empty()) cells += "<TD WIDTH=\"6\"></TD>" + badge;
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
          "CELLPADDING=\"0\"><TR>{}</TR></TABLE></TD></TR>",
          cells);
    }
    std::string text;
    for (const std::string& line : wrap(c.text(), o_.wrap)) {
      // Defeated claims are struck through, line by line.
      text += (defeated ? "<S>" + escape_html(line) + "</S>" : escape_html(line)) +
              "<BR ALIGN=\"LEFT\"/>";
    }
    rows += fmt::format("<TR><TD ALIGN=\"LEFT\">{}</TD></TR>", text);
    if (strengths()) {
      double s = e_->claim_strengths[index];
      int filled = static_cast<int>(std::lround(s * 60));
      std::string bar = fmt::format("<TD BGCOLOR=\"{}\" WIDTH=\"{}\" HEIGHT=\"5\"></TD>",
                                    t_.strength_bar, std::max(filled, 1));
      if (filled < 60)
        bar += fmt::format("<TD BGCOLOR=\"{}\" WIDTH=\"{}\" HEIGHT=\"5\"></TD>", t_.defeated_fill,
                           60 - filled);
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
          "CELLPADDING=\"0\"><TR>{}<TD WIDTH=\"4\"></TD><TD><FONT "
          "POINT-SIZE=\"8\">{:.2f}</FONT></TD>"
          "</TR></TABLE></TD></TR>",
          bar, s);
    }
    if (auto scheme = c.attribute("scheme")) {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\"><I>scheme: "
          "{}</I></FONT></TD></TR>",
          t_.muted, escape_html(*scheme));
    }
    if (auto quote = c.attribute("quote")) {
      std::string q;
      for (const std::string& line : wrap("\u201c" + std::string(*quote) + "\u201d", o_.wrap + 4))
        q += escape_html(line) + "<BR ALIGN=\"LEFT\"/>";
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"{}\"><I>{}</I></FONT></TD></TR>",
          t_.muted, q);
    }
    if (!c.tags().empty()) {
      std::string tags;
      for (const std::string& tag : c.tags()) {
        tags += fmt::format("<FONT COLOR=\"{}\">{}#{}</FONT>", tag_colour(tag),
                            tags.empty() ? "" : " ", escape_html(tag));
      }
      rows +=
          fmt::format("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\">{}</FONT></TD></TR>", tags);
    }
    auto source = c.attribute("source");
    auto url = c.attribute("url");
    if (source || url) {
      std::string words = source ? std::string(*source) : std::string(*url);
      std::string note;
      for (const std::string& line : wrap("Source: " + words, o_.wrap + 8))
        note += escape_html(line) + "<BR ALIGN=\"LEFT\"/>";
      if (url && is_safe_url(*url)) {
        rows += fmt::format(
            "<TR><TD ALIGN=\"LEFT\" HREF=\"{}\" TITLE=\"{}\"><FONT POINT-SIZE=\"8\" "
            "COLOR=\"{}\"><U>{}</U></FONT></TD></TR>",
            href(*url), escape_html(*url), t_.link, note);
      } else {
        rows += fmt::format(
            "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\">{}</FONT></TD></TR>",
            t_.muted, note);
      }
    }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows +
           "</TABLE>";
  }

  // A link target for an HREF attribute. Graphviz 2.42 copies HREF into the
  // SVG's xlink:href without XML-escaping it, so for SVG the '&' of a query
  // string is escaped twice: once for the label parser, once for the SVG.
  std::string href(std::string_view url) const {
    std::string once = escape_html(url);
    if (o_.output != format::svg) return once;
    std::string twice;
    for (char c : once) twice += c == '&' ? std::string("&amp;") : std::string(1, c);
    return twice;
  }

  // With --tag-colors, each tag gets a colour of the Okabe-Ito palette, by
  // the tag's place in the sorted list of the map's tags (so the same map
  // always gives the same colours); otherwise tags are muted text.
  std::string tag_colour(const std::string& tag) const {
    static const char* palette[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                    "#e69f00", "#56b4e9", "#b8a000"};
    if (!o_.tag_colors || t_.name == "mono") return t_.muted;
    auto it = tag_order_.find(tag);
    if (it == tag_order_.end()) return t_.muted;
    return palette[it->second % std::size(palette)];
  }

  const stroke& stroke_of(inference_kind k) const {
    switch (k) {
      case inference_kind::support:
        return t_.support;
      case inference_kind::attack:
        return t_.attack;
      case inference_kind::undercut:
        return t_.undercut;
    }
    return t_.support;
  }

  // An inference evaluated out is drawn grey: it does not carry its premises.
  stroke evaluated(const stroke& s, std::size_t inference) const {
    if (!labelled() || e_->inference_labels[inference] != label::out) return s;
    return {t_.muted, s.style == "bold" ? "solid" : s.style, s.words};
  }

  Agedge_t* edge(Agnode_t* from, Agnode_t* to, const stroke& s, bool arrow) {
    Agedge_t* e = agedge(graph_, from, to, nullptr, 1);
    set(e, "color", s.color);
    set(e, "style", s.style == "bold" ? "bold" : s.style);
    set(e, "penwidth", s.style == "bold" ? "2" : "1.4");
    if (!arrow) set(e, "arrowhead", "none");
    return e;
  }

  // One arrow per inference. Linked premises (co-premises) and inferences
  // that something undercuts go through a junction point, so the premises
  // join into a single arrow and an undercut can end on the inference itself.
  void inferences() {
    std::vector<bool> undercut(g_.inferences.size(), false);
    for (std::size_t i = 0; i < g_.inferences.size(); ++i)
      if (v_.inferences[i] && g_.inferences[i].kind == inference_kind::undercut)
        undercut[g_.inferences[i].target] = true;
    junctions_.assign(g_.inferences.size(), nullptr);
    for (std::size_t i = 0; i < g_.inferences.size(); ++i) {
      if (!v_.inferences[i]) continue;
      const inference& inf = g_.inferences[i];
      const stroke s = evaluated(stroke_of(inf.kind), i);
      std::vector<Agnode_t*> premises;
      for (claim_index p : inf.premises)
        if (nodes_[p]) premises.push_back(nodes_[p]);
      Agnode_t* target =
          inf.kind == inference_kind::undercut ? junctions_[inf.target] : nodes_[inf.target];
      if (!target) continue;
      bool via_junction = premises.size() > 1 || undercut[i];
      if (!via_junction) {
        edge(premises.front(), target, s, true);
        continue;
      }
      std::string name = fmt::format("i{}", i);
      const claim_node& first = g_.claims[inf.premises.front()];
      Agnode_t* j = agnode(home(first.section), const_cast<char*>(name.c_str()), 1);
      set(j, "shape", "point");
      set(j, "style", "");
      set(j, "width", "0.09");
      set(j, "color", s.color);
      set(j, "label", "");
      junctions_[i] = j;
      for (Agnode_t* p : premises) edge(p, j, s, false);
      Agedge_t* e = edge(j, target, s, true);
      if (inf.kind == inference_kind::undercut) set(e, "arrowhead", "tee");
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
      const contradiction& c = g_.contradictions[i];
      Agedge_t* e = edge(nodes_[c.b], nodes_[c.a], t_.contradiction, true);
      set(e, "dir", "both");
      set(e, "constraint", "false");
    }
  }

  void legend() {
    bool kinds[4] = {false, false, false, false};
    for (std::size_t i = 0; i < g_.inferences.size(); ++i)
      if (v_.inferences[i]) kinds[static_cast<int>(g_.inferences[i].kind)] = true;
    for (std::size_t i = 0; i < g_.contradictions.size(); ++i)
      if (v_.contradictions[i]) kinds[3] = true;
    int used = kinds[0] + kinds[1] + kinds[2] + kinds[3];
    bool show = o_.legend == legend_mode::on ||
                (o_.legend == legend_mode::automatic && (used > 1 || e_ != nullptr));
    if (!show) return;
    struct entry {
      bool used;
      const stroke* s;
      const char* what;
    };
    const entry entries[] = {{kinds[0], &t_.support, "supports"},
                             {kinds[1], &t_.attack, "attacks"},
                             {kinds[2], &t_.undercut, "undercuts an inference"},
                             {kinds[3], &t_.contradiction, "contradicts"}};
    std::string rows;
    for (const entry& e : entries) {
      if (!e.used && o_.legend != legend_mode::on) continue;
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\"><B>{}</B></FONT></TD>"
          "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
          e.s->color, escape_html(e.what), t_.text, escape_html(e.s->words));
    }
    rows += drawing_legend();
    rows += evaluation_legend();
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
    set_html(graph_, n, "label",
             "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">" + rows +
                 "</TABLE>");
  }

  // Rows for what the boxes show: their fills, the basis badge, a box's own
  // colour, tag borders, and the dot where a linked reason's premises meet;
  // only what this drawing uses.
  std::string drawing_legend() const {
    auto row = [&](const std::string& what, const std::string& fill, const std::string& words) {
      return fmt::format(
          "<TR><TD ALIGN=\"LEFT\"{}><FONT COLOR=\"{}\">{}</FONT></TD>"
          "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
          fill.empty() ? "" : fmt::format(" BGCOLOR=\"{}\"", fill), t_.text, what, t_.text, escape_html(words));
    };
    std::vector<int> role = roles();
    bool fills[3] = {false, false, false};  // thesis, reason, objection
    bool badge = false, own_colour = false, tagged = false;
    for (std::size_t i = 0; i < g_.claims.size(); ++i) {
      if (!v_.claims[i]) continue;
      const claim_node& c = g_.claims[i];
      if (c.attribute("color")) own_colour = true;
      else fills[role[i] < 0 ? 0 : role[i] == static_cast<int>(inference_kind::support) ? 1 : 2] = true;
      badge = badge || c.attribute("basis").has_value();
      tagged = tagged || !c.tags().empty();
    }
    bool dots = std::any_of(junctions_.begin(), junctions_.end(), [](Agnode_t* n) { return n != nullptr; });
    std::string rows;
    if (fills[0]) rows += row("thesis", t_.thesis_fill, "a claim that is no premise of another");
    if (fills[1]) rows += row("reason", t_.support_fill, "a claim given as a reason for another");
    if (fills[2]) rows += row("objection", t_.attack_fill, "a claim given against another");
    if (own_colour) rows += row("own colour", "", "a box coloured by its color attribute");
    if (badge) rows += row("<FONT POINT-SIZE=\"8\">basis</FONT>", t_.badge_fill, "badge: the kind of evidence (basis)");
    if (o_.tag_colors && tagged && t_.name != "mono")
      rows += row("tag colours", "", "a thick border: the colour of the claim's first tag");
    if (dots) rows += row("\u25CF", "", "where a reason's premises meet, or an undercut lands");
    return rows;
  }

  std::string evaluation_legend() const {
    if (!e_) return "";
    auto row = [&](const std::string& what, const std::string& words) {
      return fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\"><B>{}</B></FONT></TD>"
          "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
          t_.text, escape_html(what), t_.text, escape_html(words));
    };
    std::string title = fmt::format(
        "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT COLOR=\"{}\"><I>evaluated: "
        "{}</I></FONT></TD></TR>",
        t_.muted, name_of(e_->used));
    if (strengths())
      return title + row("strength", "bar and number: 0 (defeated) to 1 (fully accepted)");
    bool sets = e_->used == semantics::preferred || e_->used == semantics::stable;
    auto marked = [&](label l, const std::string& words) {
      return fmt::format(
          "<TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
          mark(l), t_.text, escape_html(words));
    };
    return title +
           marked(label::in, sets ? "accepted in every extension" : "accepted: in") +
           marked(label::out, sets ? "in no extension: grey, struck through"
                                   : "defeated: out, grey, struck through") +
           marked(label::undec, sets ? "in some extensions only: thick dashed border"
                                     : "undecided: undec, thick dashed border") +
           row("grey arrow", sets ? "a reason in no extension" : "a reason that is out");
  }

  const argument_graph& g_;
  const options& o_;
  const theme& t_;
  const view& v_;
  const evaluation* e_;
  bool tree_;
  Agraph_t* graph_ = nullptr;
  Agnode_t* legend_ = nullptr;
  Agraph_t* legend_cluster_ = nullptr;
  std::size_t groups_ = 0;  // plain subgraphs made by group()
  std::vector<Agraph_t*> clusters_;
  std::vector<Agnode_t*> nodes_;
  std::vector<Agnode_t*> junctions_;
  std::map<std::string, std::size_t> tag_order_;
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

// Whether the laid-out drawing fits a PNG argmap will draw; if not, says why
// in `r.errors`. cairo's bitmaps hold at most 32,767 pixels a side, and
// Graphviz shrinks a larger drawing until it fits, however unreadable (10,000
// claims side by side gave 32,767 x 2 pixels); a drawing near the limit on
// both sides takes gigabytes and most of a minute to rasterise.
bool bitmap_fits(Agraph_t* g, result& r) {
  const boxf& bb = GD_bb(g);
  // Graphviz draws PNG at 96 dpi with a 4-point margin on each side.
  double width = std::ceil((bb.UR.x - bb.LL.x + 8) * 96.0 / 72.0);
  double height = std::ceil((bb.UR.y - bb.LL.y + 8) * 96.0 / 72.0);
  if (width <= max_bitmap_side && height <= max_bitmap_side &&
      width * height <= static_cast<double>(max_bitmap_pixels))
    return true;
  r.errors.push_back(fmt::format(
      "this drawing would be a PNG of {:.0f} x {:.0f} pixels; argmap draws PNGs of at most {} "
      "pixels a "
      "side and {} million pixels in all. Render SVG or PDF instead (-f svg, -f pdf: they scale "
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

result renderer::render(const argument_graph& graph, const options& opts, const evaluation* eval) {
  result r;
  const theme* t = find_theme(opts.theme);
  if (!t) {
    r.errors.push_back("unknown theme '" + opts.theme + "'");
    return r;
  }
  if (opts.direction != "TB" && opts.direction != "BT" && opts.direction != "LR" &&
      opts.direction != "RL") {
    r.errors.push_back("direction must be TB, BT, LR or RL, not '" + opts.direction + "'");
    return r;
  }
  if ((opts.output == format::png || opts.output == format::pdf) && !impl_->font_metrics) {
    // cairo draws text only with the layouts its own text plugin made.
    r.errors.push_back("PNG and PDF need a renderer made with font metrics");
    return r;
  }
  std::string error;
  view v = select_view(graph, opts, error);
  if (!error.empty()) {
    r.errors.push_back(error);
    return r;
  }
  collecting = &r;
  agreseterrors();
  stderr_capture captured;
  using clock = std::chrono::steady_clock;
  auto seconds = [](clock::time_point a, clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  auto t0 = clock::now();
  if (eval && !eval->error.empty()) eval = nullptr;
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
    if (r.errors.empty()) r.errors.push_back("graphviz could not lay out the map");
  } else if (opts.output == format::png && !bitmap_fits(g, r)) {
    laid_out = true;
  } else {
    laid_out = true;
    auto t2 = clock::now();
    r.layout_seconds = seconds(t1, t2);
    char* data = nullptr;
    unsigned int length = 0;
    // The tree layout's DOT carries the positions it computed.
    int rendered = gvRenderData(impl_->gvc, g, extension(opts.output), &data, &length);
    r.output_seconds = seconds(t2, clock::now());
    if (rendered != 0 || agerrors() > 0) {
      if (r.errors.empty()) r.errors.push_back("graphviz could not render the map");
    } else {
      r.bytes.assign(data, length);
    }
    if (data) gvFreeRenderData(data);
  }
  if (laid_out || tree) gvFreeLayout(impl_->gvc, g);
  agclose(g);
  collecting = nullptr;
  for (std::string& line : captured.finish()) r.warnings.push_back("graphviz: " + line);
  if (!r.errors.empty()) r.bytes.clear();
  return r;
}

}  // namespace argmap::render
