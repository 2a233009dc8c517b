// What a drawing says and its shape, without Graphviz: render/markup.hpp
// (box attributes, labels, strokes, legend) and render/plan.hpp (frames,
// arrows, junction points, the tree layout's plan).

#include <doctest/doctest.h>

#include <algorithm>

#include "../engine/helpers.hpp"
#include "engine/evaluate.hpp"
#include "render/markup.hpp"
#include "render/plan.hpp"
#include "render/theme.hpp"
#include "render/view.hpp"

namespace render = argmap::render;
using argmap::test::check;
using render::arrow;

namespace {

// A map, checked, with everything in view.
struct drawing {
  explicit drawing(const std::string& text) : map(check(text)) {
    REQUIRE(map.errors() == 0);
    std::vector<argmap::diagnostic> problems;
    v = render::select_view(map.graph, o, problems);
    REQUIRE(problems.empty());
  }
  std::size_t claim(const std::string& id) const {
    for (std::size_t i = 0; i < map.graph.claims.size(); ++i)
      if (map.graph.claims[i].id == id) return i;
    FAIL("no claim " << id);
    return 0;
  }
  argmap::engine::checked_map map;
  render::options o;
  render::view v;
  const render::theme& t = *render::find_theme("default");
};

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "plan: a lone reason is one arrow; co-premises and an undercut target meet at a junction") {
  drawing d(
      "[t] T.\n"
      "  + [a] A.\n"
      "    ~ [u] U.\n"
      "  + [b] B.\n"
      "  & [c] C.\n"
      "  - [x] X.\n");
  const auto& infs = d.map.graph.inferences;
  std::vector<arrow> a = render::arrows(d.map.graph, d.v);
  REQUIRE(a.size() == infs.size());
  for (std::size_t i = 0; i < infs.size(); ++i) {
    const auto& inf = infs[i];
    INFO("inference " << i);
    if (inf.premises.size() == 2)
      CHECK(a[i] == arrow::junction);  // b & c
    else if (inf.kind == argmap::engine::inference_kind::undercut)
      CHECK(a[i] == arrow::direct);
    else if (inf.premises.front() == d.claim("a"))
      CHECK(a[i] == arrow::junction);  // undercut lands here
    else
      CHECK(a[i] == arrow::direct);  // x
  }
}

TEST_CASE("plan: hidden premises or targets draw no arrow") {
  drawing d("[t] T.\n  + [a] A.\n    ~ [u] U.\n");
  d.v.claims[d.claim("t")] = false;
  d.v.inferences.assign(d.v.inferences.size(), true);
  std::vector<arrow> a = render::arrows(d.map.graph, d.v);
  // a -> t has no target, so no junction point: the undercut has nothing to land on.
  CHECK(std::count(a.begin(), a.end(), arrow::none) == 2);
}

TEST_CASE("plan: a section is framed when it or a subsection holds a drawn claim") {
  drawing d(
      "# Outer\n"
      "## Inner\n"
      "[t] T.\n"
      "# Empty\n"
      "# Hidden\n"
      "[h] H.\n");
  d.v.claims[d.claim("h")] = false;
  std::vector<bool> f = render::framed_sections(d.map.graph, d.v);
  REQUIRE(f.size() == 4);
  CHECK(f == std::vector<bool>{true, true, false, false});
}

TEST_CASE("plan: the tree hangs each claim under what its line points to, junctions first") {
  drawing d(
      "# S\n"
      "[t] T.\n"
      "  + [b] B.\n"
      "  & [c] C.\n"
      "  - [x] X.\n");
  std::vector<arrow> a = render::arrows(d.map.graph, d.v);
  std::vector<bool> framed = render::framed_sections(d.map.graph, d.v);
  render::tree_plan p = render::plan_tree(d.map.graph, d.v, a, framed, true);
  using kind = render::tree_plan::kind;
  // The legend, t, the junction of b & c, b, c, x.
  REQUIRE(p.nodes.size() == 6);
  CHECK(p.nodes[0].what == kind::legend);
  auto at = [&](kind k, std::size_t index) {
    for (std::size_t n = 0; n < p.nodes.size(); ++n)
      if (p.nodes[n].what == k && p.nodes[n].index == index) return static_cast<std::int32_t>(n);
    return std::int32_t{-1};
  };
  std::int32_t t = at(kind::claim, d.claim("t")), b = at(kind::claim, d.claim("b")),
               c = at(kind::claim, d.claim("c")), x = at(kind::claim, d.claim("x"));
  std::size_t linked = 0;
  while (d.map.graph.inferences[linked].premises.size() != 2) ++linked;
  std::int32_t j = at(kind::junction, linked);
  CHECK(j == b - 1);  // just before its first premise
  CHECK(p.parent[static_cast<std::size_t>(t)] == -1);
  CHECK(p.parent[static_cast<std::size_t>(j)] == t);
  CHECK(p.parent[static_cast<std::size_t>(b)] == j);
  CHECK(p.parent[static_cast<std::size_t>(c)] == j);
  CHECK(p.parent[static_cast<std::size_t>(x)] == t);
  // Frames: section S, then the legend's, which leads.
  CHECK(p.clusters == std::vector<std::int32_t>{0, -1});
  CHECK(p.leading == std::vector<bool>{false, true});
  CHECK(p.cluster[0] == 1);
  CHECK(p.cluster[static_cast<std::size_t>(t)] == 0);
}

TEST_CASE("markup: user text is escaped, ids shown as --ids says, defeated claims struck through") {
  drawing d("[t] <b>T</b> & \"q\".\n  - [x] X.\n    - [y] Y says @t.\n  + @t2\n[t2] Other.\n");
  render::markup m(d.map.graph, d.o, d.t, d.v, nullptr);
  std::string label = m.claim_label(d.claim("t"));
  CHECK(has(label, "&lt;b&gt;T&lt;/b&gt; &amp; &quot;q&quot;."));
  CHECK_FALSE(has(label, "<b>"));
  CHECK_FALSE(has(label, "<B>t</B>"));  // nothing refers to t
  CHECK(has(m.claim_label(d.claim("t2")), "<B>t2</B>"));
  d.o.ids = render::id_display::all;
  CHECK(has(render::markup(d.map.graph, d.o, d.t, d.v, nullptr).claim_label(d.claim("t")),
            "<B>t</B>"));

  argmap::engine::evaluation e =
      argmap::engine::evaluate(d.map.graph, argmap::engine::semantics::grounded);
  render::markup evaluated(d.map.graph, d.o, d.t, d.v, &e);
  std::string x = evaluated.claim_label(d.claim("x"));
  CHECK(has(x, "\u2717 defeated"));
  CHECK(has(x, "<S>X.</S>"));
  CHECK(has(evaluated.claim_label(d.claim("y")), "\u2713 stands"));
}

TEST_CASE("markup: box attributes, in the order they are set") {
  drawing d("[t] T.\n  + [a] A. {color: orange}\n  - [b] B.\n  ! [c] C.\n  - @c\n");
  render::markup m(d.map.graph, d.o, d.t, d.v, nullptr);
  auto attrs = m.claim_attributes(d.claim("t"));
  REQUIRE(attrs.size() == 2);
  CHECK(std::string(attrs[0].first) == "fillcolor");
  CHECK(attrs[0].second == d.t.thesis_fill);
  CHECK(std::string(attrs[1].first) == "tooltip");
  CHECK(m.claim_attributes(d.claim("a"))[0].second == "orange");
  CHECK(m.claim_attributes(d.claim("b"))[0].second == d.t.attack_fill);

  // b and c attack each other through the contradiction: both undecided.
  argmap::engine::evaluation e =
      argmap::engine::evaluate(d.map.graph, argmap::engine::semantics::grounded);
  render::markup evaluated(d.map.graph, d.o, d.t, d.v, &e);
  auto undec = evaluated.claim_attributes(d.claim("c"));
  std::vector<std::string> names;
  for (const auto& a : undec) names.emplace_back(a.first);
  CHECK(names == std::vector<std::string>{"fillcolor", "tooltip", "style", "penwidth", "color"});
  CHECK(undec.back().second == d.t.undercut.color);
}

TEST_CASE("markup: the legend lists only what the drawing uses") {
  drawing one("[t] T.\n  + [a] A.\n");
  std::vector<arrow> a1 = render::arrows(one.map.graph, one.v);
  CHECK_FALSE(render::markup(one.map.graph, one.o, one.t, one.v, nullptr).legend(a1).has_value());
  one.o.legend = render::legend_mode::on;
  std::string all = *render::markup(one.map.graph, one.o, one.t, one.v, nullptr).legend(a1);
  CHECK(has(all, "undercuts an inference"));  // --legend on lists every kind
  CHECK_FALSE(has(all, "\u25CF"));            // but no junction dot: none is drawn

  drawing two("[t] T.\n  + [a] A.\n  & [b] B.\n  - [x] X.\n");
  std::vector<arrow> a2 = render::arrows(two.map.graph, two.v);
  std::string legend = *render::markup(two.map.graph, two.o, two.t, two.v, nullptr).legend(a2);
  CHECK(has(legend, "supports"));
  CHECK(has(legend, "attacks"));
  CHECK_FALSE(has(legend, "undercuts an inference"));
  CHECK(has(legend, "\u25CF"));
  CHECK_FALSE(has(legend, "evaluated"));
  argmap::engine::evaluation e =
      argmap::engine::evaluate(two.map.graph, argmap::engine::semantics::grounded);
  std::string with = *render::markup(two.map.graph, two.o, two.t, two.v, &e).legend(a2);
  CHECK(has(with, "evaluated: grounded"));
  CHECK(has(with, "grey arrow"));
}

TEST_CASE("markup: an inference the evaluation has out is drawn grey, bold becomes solid") {
  drawing d("[t] T.\n  + [a] A.\n    - [x] X.\n");
  render::markup plain(d.map.graph, d.o, d.t, d.v, nullptr);
  argmap::engine::evaluation e =
      argmap::engine::evaluate(d.map.graph, argmap::engine::semantics::grounded);
  render::markup evaluated(d.map.graph, d.o, d.t, d.v, &e);
  for (std::size_t i = 0; i < d.map.graph.inferences.size(); ++i) {
    render::stroke s = evaluated.inference_stroke(i);
    if (e.inference_labels[i] == argmap::engine::label::out) {
      CHECK(s.color == d.t.muted);
      CHECK(s.style != "bold");
    } else {
      CHECK(s.color == plain.inference_stroke(i).color);
    }
  }
}
