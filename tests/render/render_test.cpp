// Rendering: escaping of hostile text, links, determinism, formats, views,
// co-premises and undercuts in the drawing, and atomic output.

#include <doctest/doctest.h>


#include "../engine/helpers.hpp"
#include "render/label.hpp"
#include "render/render.hpp"

namespace render = argmap::render;
using argmap::test::check;

namespace {

// One renderer for the whole test program, as in argmap itself.
render::renderer& the_renderer() {
  static render::renderer r;
  return r;
}

std::string draw(const std::string& text, render::options o = {}) {
  auto m = check(text);
  REQUIRE(m.errors() == 0);
  render::result r = the_renderer().render(m.graph, o);
  REQUIRE(r.ok());
  return r.bytes;
}

std::string draw(const std::string& text, render::format f) {
  render::options o;
  o.output = f;
  return draw(text, o);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("markup in claim text is drawn as text") {
  std::string svg = draw("[t] <script>alert(1)</script> & \"q\" ]]> done\n  + R.\n");
  CHECK_FALSE(contains(svg, "<script"));
  CHECK(contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; ]]&gt;"));
}

TEST_CASE("Graphviz escapes like \\N and \\G stay literal") {
  std::string svg = draw("[t] Node \\\\N graph \\\\G end\n  + R.\n");
  CHECK(contains(svg, "Node \\N graph \\G end"));
  std::string heading = draw("# Part \\\\N\n[t] T.\n  + R.\n");
  CHECK(contains(heading, "Part \\\\N"));  // headings keep backslashes as written
}

TEST_CASE("only http, https and mailto URLs become links; '&' stays valid XML") {
  std::string svg = draw(
      "[t] T. {source: \"S\", url: \"javascript:alert(1)\"}\n"
      "  + R. {url: \"https://example.org/?a=1&b=2\"}\n"
      "  + M. {url: mailto:x@example.org}\n");
  CHECK_FALSE(contains(svg, "javascript:alert(1)\""));
  CHECK_FALSE(contains(svg, "xlink:href=\"javascript"));
  CHECK(contains(svg, "xlink:href=\"https://example.org/?a=1&amp;b=2\""));
  CHECK(contains(svg, "xlink:href=\"mailto:x@example.org\""));
  CHECK(render::is_safe_url("HTTPS://EXAMPLE.ORG"));
  CHECK_FALSE(render::is_safe_url("data:text/html,hi"));
  CHECK_FALSE(render::is_safe_url("https://a.org/\"onmouseover=\""));
  CHECK_FALSE(render::is_safe_url("file:///etc/passwd"));
}

TEST_CASE("user text is escaped in the DOT output too") {
  std::string dot = draw("[t] A \"quote\" <b> & \\\\N\n  + R.\n", render::format::dot);
  CHECK(contains(dot, "A &quot;quote&quot; &lt;b&gt; &amp; \\\\N"));
}

TEST_CASE("the same map gives byte-identical SVG and DOT, run after run") {
  std::string text = "# S\n[t] T. #x {basis: expert}\n  + A.\n  & B.\n    ~ U.\n  - C.\n  ! D.\n";
  CHECK(draw(text) == draw(text));
  CHECK(draw(text, render::format::dot) == draw(text, render::format::dot));
  render::renderer fresh;
  auto m = check(text);
  CHECK(fresh.render(m.graph, {}).bytes == draw(text));
}

TEST_CASE("PNG and PDF are produced through the linked-in cairo plugin") {
  // ctest runs each test case in its own process, so this is the process's
  // only Graphviz context, as in argmap itself.
  render::renderer with_fonts(true);
  auto m = check("[t] T.\n  + R.\n");
  render::options o;
  o.output = render::format::png;
  CHECK(with_fonts.render(m.graph, o).bytes.rfind("\x89PNG\r\n", 0) == 0);
  o.output = render::format::pdf;
  CHECK(with_fonts.render(m.graph, o).bytes.rfind("%PDF-", 0) == 0);
}

TEST_CASE("a renderer with built-in metrics refuses PNG instead of drawing no text") {
  auto m = check("[t] T.\n  + R.\n");
  render::options o;
  o.output = render::format::png;
  render::result r = the_renderer().render(m.graph, o);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "PNG and PDF need a renderer made with font metrics");
  CHECK(r.diagnostics[0].code == "render");
  CHECK_FALSE(r.ok());
}

TEST_CASE("co-premises join at one point; an undercut ends on that point") {
  std::string dot = draw("[m] M.\n  + [a] A.\n  & [b] B.\n    ~ [u] U.\n", render::format::dot);
  CHECK(contains(dot, "i0\t[color=\"#188038\""));
  CHECK(contains(dot, "shape=point"));
  CHECK(contains(dot, "c1 -> i0"));
  CHECK(contains(dot, "c2 -> i0"));
  CHECK(contains(dot, "i0 -> c0"));
  CHECK(contains(dot, "c3 -> i0"));  // the undercut
  CHECK(contains(dot, "rank=same"));
}

TEST_CASE("a plain reason is one arrow, with no junction") {
  std::string dot = draw("[m] M.\n  + [a] A.\n", render::format::dot);
  CHECK(contains(dot, "c1 -> c0"));
  CHECK_FALSE(contains(dot, "shape=point"));
}

TEST_CASE("the legend appears when more than one relation kind is drawn") {
  CHECK_FALSE(contains(draw("[m] M.\n  + A.\n", render::format::dot), "cluster_legend"));
  CHECK(contains(draw("[m] M.\n  + A.\n  - B.\n", render::format::dot), "cluster_legend"));
  render::options off;
  off.output = render::format::dot;
  off.legend = render::legend_mode::off;
  CHECK_FALSE(contains(draw("[m] M.\n  + A.\n  - B.\n", off), "cluster_legend"));
}

TEST_CASE("--tag-colors colours tags by their place in the sorted tag list") {
  std::string map = "[t] T. #zeta\n  + A. #alpha\n";
  std::string plain = draw(map, render::format::dot);
  CHECK_FALSE(contains(plain, "#0072b2"));
  render::options o;
  o.output = render::format::dot;
  o.tag_colors = true;
  std::string coloured = draw(map, o);
  CHECK(contains(coloured, "<FONT COLOR=\"#0072b2\">#alpha</FONT>"));  // first in order
  CHECK(contains(coloured, "<FONT COLOR=\"#d55e00\">#zeta</FONT>"));
  CHECK(contains(coloured, "penwidth=2"));
}

TEST_CASE("the basis is a badge next to the id") {
  std::string dot = draw("[t] T. {basis: statistic}\n  + R.\n  - @t\n", render::format::dot);
  CHECK(contains(dot, "<TD ALIGN=\"LEFT\"><B>t</B></TD><TD WIDTH=\"6\"></TD><TD BGCOLOR=\"#fef7e0\""));
  CHECK(contains(dot, ">statistic</FONT>"));
}

TEST_CASE("sections become nested clusters") {
  std::string dot = draw("# One\n[a] A.\n  + B.\n## Two\n[c] C.\n  + D.\n", render::format::dot);
  CHECK(contains(dot, "subgraph cluster_s0"));
  CHECK(contains(dot, "subgraph cluster_s1"));
  CHECK(dot.find("cluster_s1") > dot.find("cluster_s0"));
}

TEST_CASE("views: focus, section and tags") {
  std::string map =
      "# P\n[t] Thesis. #main\n  + [a] A. #x\n    + [a1] A1.\n      + [a2] A2.\n"
      "# Q\n[u] Other. #x\n  + [b] B.\n  + @a\n";
  render::options o;
  o.output = render::format::dot;
  o.focus = "a";
  o.depth = 1;
  std::string focus = draw(map, o);
  CHECK(contains(focus, "Thesis."));
  CHECK(contains(focus, "A1."));
  CHECK(contains(focus, "Other."));
  CHECK_FALSE(contains(focus, "A2."));
  CHECK_FALSE(contains(focus, "B."));

  render::options s;
  s.output = render::format::dot;
  s.section = "Q";
  std::string section = draw(map, s);
  CHECK(contains(section, "Other."));
  CHECK_FALSE(contains(section, "Thesis."));

  render::options t;
  t.output = render::format::dot;
  t.tags = {"x"};
  std::string tags = draw(map, t);
  CHECK(contains(tags, "A.<BR"));
  CHECK(contains(tags, "Other."));
  CHECK_FALSE(contains(tags, "A1."));
}

TEST_CASE("an unknown focus id or section is an error with a suggestion") {
  auto m = check("[thesis] T.\n  + R.\n");
  render::options o;
  o.focus = "thesys";
  render::result r = the_renderer().render(m.graph, o);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "--focus: no claim has id 'thesys'; did you mean 'thesis'?");
  CHECK(r.diagnostics[0].level == argmap::severity::error);
  CHECK(r.bytes.empty());
}

TEST_CASE("text wraps at word boundaries and cuts overlong words") {
  CHECK(render::wrap("the quick brown fox jumps", 10) ==
        std::vector<std::string>{"the quick", "brown fox", "jumps"});
  CHECK(render::wrap("abcdefghijkl", 5) == std::vector<std::string>{"abcde", "fghij", "kl"});
  CHECK(render::wrap("\xc3\xa9\xc3\xa9\xc3\xa9 x", 3) ==
        std::vector<std::string>{"\xc3\xa9\xc3\xa9\xc3\xa9", "x"});
}

TEST_CASE("--ids: referenced ids by default, all, or none") {
  std::string map = "[t] T.\n  + [a] A.\n  + [b] B.\n[c] C.\n  - @b\n";
  render::options o;
  o.output = render::format::dot;
  auto m = check(map);
  auto shown = [&](render::id_display ids) {
    o.ids = ids;
    std::string dot = the_renderer().render(m.graph, o).bytes;
    std::string out;
    for (const char* id : {"t", "a", "b", "c"})
      if (contains(dot, std::string("<B>") + id + "</B>")) out += id;
    return out;
  };
  CHECK(shown(render::id_display::referenced) == "b");
  CHECK(shown(render::id_display::all) == "tabc");
  CHECK(shown(render::id_display::none) == "");
}

TEST_CASE("an evaluation marks every claim, and the legend explains what the drawing uses") {
  auto m = check("[t] T. {basis: data}\n  - [o] O.\n    - [r] R.\n[a] A.\n  - [b] B.\n    - @a\n");
  auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::grounded);
  render::options o;
  o.output = render::format::dot;
  std::string dot = the_renderer().render(m.graph, o, &e).bytes;
  CHECK(contains(dot, "\u2713 stands"));   // t and r
  CHECK(contains(dot, "\u2717 defeated"));  // o
  CHECK(contains(dot, "? undecided"));      // a and b
  CHECK(contains(dot, "penwidth=2.6"));     // undecided boxes: thick and dashed
  for (const char* row : {">thesis<", ">objection<", "badge: the kind of evidence (basis)",
                          "accepted: in", "defeated: out, grey, struck through",
                          "undecided: undec, thick dashed border", "a reason that is out"})
    CHECK_MESSAGE(contains(dot, row), row);
  // What the drawing does not use, the legend leaves out.
  CHECK_FALSE(contains(dot, ">reason<"));
  CHECK_FALSE(contains(dot, "where a reason's premises meet"));
}
