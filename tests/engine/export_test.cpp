// Exporters: JSON model, AIF, Argdown, Markdown, GraphML.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/evaluate.hpp"
#include "engine/interchange/aif.hpp"
#include "engine/interchange/argdown.hpp"
#include "engine/interchange/graphml.hpp"
#include "engine/interchange/json.hpp"
#include "engine/interchange/markdown.hpp"
#include "helpers.hpp"

using argmap::test::check;

namespace {
const char* map =
    "---\ntitle: T\n---\n# S\n[t] Thesis & <b>. #main {weight: 0.5}\n  + [a] A.\n  & [b] B.\n"
    "    ~ [u] U.\n  - [o] O.\n  ! [c] C.\n";
}

TEST_CASE("JSON export carries every claim, inference, contradiction and the evaluation") {
  auto m = check(map);
  REQUIRE(m.errors() == 0);
  auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::grounded);
  auto j = nlohmann::json::parse(argmap::engine::export_json(m.graph, m.map, &e));
  CHECK(j["argmap_json"] == 1);
  CHECK(j["metadata"]["title"] == "T");
  CHECK(j["sections"].size() == 1);
  CHECK(j["claims"].size() == 6);
  CHECK(j["claims"][0]["id"] == "t");
  CHECK(j["claims"][0]["text"] == "Thesis & <b>.");
  CHECK(j["claims"][0]["tags"] == nlohmann::json::array({"main"}));
  CHECK(j["claims"][0]["attributes"]["weight"] == "0.5");
  CHECK(j["claims"][0]["source"]["line"] == 5);
  CHECK(j["inferences"][0]["premises"] == nlohmann::json::array({"a", "b"}));
  CHECK(j["inferences"][1]["kind"] == "undercut");
  CHECK(j["inferences"][1]["target"]["inference"] == 0);
  CHECK(j["contradictions"][0] == nlohmann::json::array({"t", "c"}));
  CHECK(j["evaluation"]["semantics"] == "grounded");
}

TEST_CASE("AIF export: I-nodes, one RA per linked reason, CA for attacks, undercuts and contradictions") {
  auto m = check(map);
  auto j = nlohmann::json::parse(argmap::engine::export_aif(m.graph));
  std::map<std::string, int> types;
  for (const auto& n : j["nodes"]) ++types[n["type"].get<std::string>()];
  CHECK(types["I"] == 6);
  CHECK(types["RA"] == 1);
  CHECK(types["CA"] == 4);  // attack, undercut, contradiction both ways
  // The RA node (id 7) has both premises (I-nodes 2 and 3) pointing into it.
  int premises_into_ra = 0;
  for (const auto& e : j["edges"])
    premises_into_ra += e["toID"] == "7" && (e["fromID"] == "2" || e["fromID"] == "3");
  CHECK(premises_into_ra == 2);
  // The undercut's CA (id 8) points at the RA node.
  bool undercut_to_ra = false;
  for (const auto& e : j["edges"]) undercut_to_ra |= e["fromID"] == "8" && e["toID"] == "7";
  CHECK(undercut_to_ra);
}

TEST_CASE("Argdown export: statements, relations, a linked reason as an argument") {
  auto m = check(map);
  std::string a = argmap::engine::export_argdown(m.graph);
  CHECK(a.rfind("===\ntitle: \"T\"\n===\n\n# S\n\n", 0) == 0);
  CHECK(a.find("[t]: Thesis & \\<b\\>. #main {weight: \"0.5\"}\n") != std::string::npos);
  CHECK(a.find("  <- [o]\n") != std::string::npos);
  CHECK(a.find("  >< [c]\n") != std::string::npos);
  CHECK(a.find("<t reason 1>\n  <_ [u]\n\n<t reason 1>\n\n(1) [a]\n(2) [b]\n----\n(3) [t]\n") != std::string::npos);
}

TEST_CASE("Markdown export: nested outline with anchors and labels") {
  auto m = check(map);
  std::string md = argmap::engine::export_markdown(m.graph);
  CHECK(md.find("## S\n") != std::string::npos);
  CHECK(md.find("- <a id=\"t\"></a>Thesis & \\<b\\>. `#main`\n") != std::string::npos);
  CHECK(md.find("  - **Supports:** <a id=\"a\"></a>A.\n") != std::string::npos);
  CHECK(md.find("  - **and:** <a id=\"b\"></a>B.\n") != std::string::npos);
  CHECK(md.find("    - **Undercut:** <a id=\"u\"></a>U.\n") != std::string::npos);
  CHECK(md.find("  - **Objection:** <a id=\"o\"></a>O.\n") != std::string::npos);
  CHECK(md.find("  - **Contradicts:** <a id=\"c\"></a>C.\n") != std::string::npos);
}

TEST_CASE("Markdown export: a claim is written where it is defined, a link where it is used") {
  // Claim k rests on claim k+1, defined below it: writing each claim in full
  // at its first use would nest the whole chain (quadratic output).
  std::string text;
  for (int k = 0; k < 2000; ++k)
    text += "[c" + std::to_string(k) + "] C" + std::to_string(k) + ".\n  + @c" + std::to_string(k + 1) + "\n";
  text += "[c2000] The end.\n";
  auto m = check(text);
  REQUIRE(m.errors() == 0);
  std::string md = argmap::engine::export_markdown(m.graph);
  CHECK(md.find("- <a id=\"c0\"></a>C0.\n  - **Supports:** [→ c1](#c1)\n- <a id=\"c1\"></a>C1.\n") == 0);
  CHECK(md.find("\n    ") == std::string::npos);  // nothing nested deeper than one level
  CHECK(md.size() < 40 * text.size());
}

TEST_CASE("GraphML export escapes text and names every relation") {
  auto m = check(map);
  std::string x = argmap::engine::export_graphml(m.graph);
  CHECK(x.find("<data key=\"label\">Thesis &amp; &lt;b&gt;.</data>") != std::string::npos);
  CHECK(x.find("<data key=\"relation\">undercut</data>") != std::string::npos);
  CHECK(x.find("<data key=\"relation\">contradiction</data>") != std::string::npos);
  CHECK(x.find("source=\"i:2\" target=\"i:1\"") != std::string::npos);
}

TEST_CASE("Markdown writes a claim's evidence: basis, source (linked to its url), url and quote") {
  auto m = argmap::test::check(
      "[a] A. {basis: document, source: \"Budget 2025\", url: \"https://example.org/b(1)\"}\n"
      "  + [b] B. {quote: \"It said so.\", url: https://example.org/x}\n"
      "  - [c] C. {url: \"javascript:alert(1)\"}\n");
  std::string md = argmap::engine::export_markdown(m.graph);
  CHECK(md.find("A. *(evidence: document; source: [Budget 2025](https://example.org/b%281%29))*") !=
        std::string::npos);
  CHECK(md.find("B. *([link](https://example.org/x))*\n    > \u201CIt said so.\u201D\n") != std::string::npos);
  CHECK(md.find("C. *(url: javascript:alert(1))*") != std::string::npos);  // shown, never linked
  CHECK(md.find("](javascript") == std::string::npos);
}
