// AIF import on AIF documents written by hand after AIFdb's JSON format.

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/interchange/aif.hpp"
#include "engine/interchange/aif_import.hpp"
#include "engine/interchange/argdown.hpp"
#include "engine/interchange/argdown_import.hpp"
#include "engine/interchange/formats.hpp"
#include "engine/interchange/kialo.hpp"
#include "engine/stats.hpp"
#include "helpers.hpp"
#include "import_text.hpp"

using argmap::test::check;

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(SOURCE_DIR) + "/tests/golden/interchange/" + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// (kind, premise texts, target text or "inference") for every RA/CA node of an AIF document.
std::multiset<std::string> relations(const std::string& aif) {
  auto j = nlohmann::json::parse(aif);
  if (j.contains("AIF")) j = j["AIF"];
  std::map<std::string, nlohmann::json> nodes;
  for (const auto& n : j["nodes"]) nodes[n["nodeID"].dump()] = n;
  std::multiset<std::string> out;
  for (const auto& [id, n] : nodes) {
    std::string type = n["type"];
    if (type != "RA" && type != "CA") continue;
    std::set<std::string> premises;
    std::string target;
    for (const auto& e : j["edges"]) {
      if (e["toID"].dump() == id && nodes[e["fromID"].dump()]["type"] == "I")
        premises.insert(nodes[e["fromID"].dump()]["text"]);
      if (e["fromID"].dump() == id) {
        const auto& t = nodes[e["toID"].dump()];
        target = t["type"] == "I" ? t["text"].get<std::string>() : "an inference";
      }
    }
    std::string line = type + ":";
    for (const std::string& p : premises) line += " " + p + ";";
    out.insert(line + " -> " + target);
  }
  return out;
}

}  // namespace

TEST_CASE("AIF import: I, RA with two premises, CA, undercut, MA, dialogue nodes, schemes") {
  argmap::diagnostic error;
  auto r = argmap::engine::import_aif(read("aifdb.json"), error);
  REQUIRE(r);
  CHECK(r->notes ==
        std::vector<std::string>{"skipped 1 L node (dialogue and other non-argument nodes)",
                                 "skipped 1 TA node (dialogue and other non-argument nodes)",
                                 "skipped 1 YA node (dialogue and other non-argument nodes)",
                                 "the map has 1 warning; 'argmap check' on it lists them"});
  auto m = check(r->map);
  CHECK(argmap::format_human(m.diagnostics).find("error") == std::string::npos);
  auto s = argmap::engine::compute_stats(m.map, m.graph);
  CHECK(s.claims == 6);
  CHECK(s.supports == 1);
  CHECK(s.co_premise_groups == 1);
  CHECK(s.attacks == 1);
  CHECK(s.undercuts == 1);
  CHECK(r->map.find("[n102] Air quality would improve {scheme: \"Argument From Consequences\"}") !=
        std::string::npos);
  CHECK(r->map.find("{note: \"rephrases @n106\"}") != std::string::npos);
}

TEST_CASE("xAIF with integer ids, a support cycle and a disconnected part imports without loss") {
  argmap::diagnostic error;
  auto r = argmap::engine::import_aif(read("xaif-cycle.json"), error);
  REQUIRE(r);
  auto m = check(r->map);
  CHECK(m.errors() == 0);
  auto s = argmap::engine::compute_stats(m.map, m.graph);
  CHECK(s.claims == 4);
  CHECK(s.supports == 2);
  CHECK(s.attacks == 1);
}

TEST_CASE(
    "AIF: a CA from a claim to itself is a self-attack; an RA cannot make a claim its own reason") {
  argmap::diagnostic error;
  auto r = argmap::engine::import_aif(
      R"({"nodes":[{"nodeID":"1","type":"I","text":"This statement is false."},
                   {"nodeID":"2","type":"CA","text":"Default Conflict"},
                   {"nodeID":"3","type":"I","text":"B holds."},
                   {"nodeID":"4","type":"RA","text":"Default Inference"},
                   {"nodeID":"5","type":"RA","text":"Default Inference"},
                   {"nodeID":"6","type":"I","text":"C holds."}],
          "edges":[{"fromID":"1","toID":"2"},{"fromID":"2","toID":"1"},
                   {"fromID":"3","toID":"4"},{"fromID":"4","toID":"3"},
                   {"fromID":"6","toID":"5"},{"fromID":"3","toID":"5"},{"fromID":"5","toID":"3"}]})",
      error);
  REQUIRE_MESSAGE(r, text_of(error));
  CHECK(r->map.find("[n1] This statement is false.\n  - @n1\n") != std::string::npos);
  // n3 as its own reason is dropped: alone (RA 4, skipped) and beside n6 (RA 5 keeps n6).
  CHECK(r->map.find("[n3] B holds.\n  + @n6\n") != std::string::npos);
  CHECK(r->notes == std::vector<std::string>{"skipped 1 support of a claim by itself alone"});
  auto m = check(r->map);
  CHECK(m.errors() == 0);
  CHECK(argmap::format_human(m.diagnostics).find("attacks itself") != std::string::npos);
}

TEST_CASE("AIF round trip keeps every I-node text and every RA/CA relation") {
  for (const char* file : {"aifdb.json", "xaif-cycle.json"}) {
    CAPTURE(file);
    std::string original = read(file);
    argmap::diagnostic error;
    auto r = argmap::engine::import_aif(original, error);
    REQUIRE(r);
    auto m = check(r->map);
    std::string back = argmap::engine::export_aif(m.graph);
    auto texts = [](const std::string& aif) {
      auto j = nlohmann::json::parse(aif);
      if (j.contains("AIF")) j = j["AIF"];
      std::multiset<std::string> t;
      for (const auto& n : j["nodes"])
        if (n["type"] == "I") t.insert(n["text"].get<std::string>());
      return t;
    };
    CHECK(texts(back) == texts(original));
    CHECK(relations(back) == relations(original));
  }
}

TEST_CASE("bad AIF gives a location and no map") {
  argmap::diagnostic error;
  CHECK_FALSE(
      argmap::engine::import_aif("{\n  \"nodes\": [\n    {\"nodeID\": 1,,}\n  ]\n}", error));
  CHECK(text_of(error).rfind("line 3, column 18: malformed JSON: syntax error", 0) == 0);
  CHECK_FALSE(
      argmap::engine::import_aif("{\"nodes\":[{\"nodeID\":\"1\",\"type\":\"I\",\"text\":\"a\"}],"
                                 "\"edges\":[{\"fromID\":\"1\",\"toID\":\"99\"}]}",
                                 error));
  CHECK(text_of(error) == "line 1, column 79: /edges/0/toID: '99' is not a node");
  CHECK_FALSE(argmap::engine::import_aif("{\"AIF\":{\"nodes\":[{\"text\":\"x\"}]}}", error));
  CHECK(text_of(error) ==
        "line 1, column 18: /AIF/nodes/0: a node needs a string or integer nodeID");
}

TEST_CASE("Kialo import: pros, cons, multi-line text and '-> See' links") {
  argmap::diagnostic error;
  auto r = argmap::engine::import_kialo(read("kialo.txt"), error);
  REQUIRE(r);
  auto m = check(r->map);
  CHECK(m.errors() == 0);
  auto s = argmap::engine::compute_stats(m.map, m.graph);
  CHECK(s.claims == 7);
  CHECK(s.supports == 3);
  CHECK(s.attacks == 5);
  CHECK(s.references == 2);
  CHECK(m.graph.metadata.front().value == "Should cities ban cars from their centres?");
  CHECK(r->map.find("[k1_1_1] The pollution figures come from the 1990s and traffic has changed since.") !=
        std::string::npos);
  CHECK(r->map.find("    + @k1_3\n") != std::string::npos);
}

TEST_CASE("Kialo: a title with quotes is quoted in the front matter") {
  argmap::diagnostic error;
  auto r =
      argmap::engine::import_kialo("Discussion Title: \"Cars\", she said\n1. Thesis.\n", error);
  REQUIRE(r);
  CHECK(r->map.find("title: \"\\\"Cars\\\", she said\"\n") != std::string::npos);
  CHECK(check(r->map).errors() == 0);
}

TEST_CASE("Kialo errors name the line") {
  argmap::diagnostic error;
  CHECK_FALSE(argmap::engine::import_kialo("1. Thesis.\n1.2.1. Pro: Orphan.\n", error));
  CHECK(text_of(error) == "line 2: claim 1.2.1 has no parent: no claim is numbered 1.2");
  CHECK_FALSE(argmap::engine::import_kialo("1. Thesis.\n1.1. Con: -> See 9.\n", error));
  CHECK(text_of(error) == "line 2: '-> See 9.' links to no claim");
  CHECK_FALSE(argmap::engine::import_kialo(
      "1. Thesis.\n1.1. Con: -> See 1.2.\n1.2. Pro: -> See 1.\n", error));
  CHECK(text_of(error) == "line 2: '-> See 1.2.' links to another link, not to a claim");
  CHECK_FALSE(argmap::engine::import_kialo("Just text.\n", error));
  CHECK(text_of(error) == "line 1: expected a numbered claim such as '1. text'");
}

TEST_CASE("Argdown import: statements, relation trees, outgoing relations, pcs, undercut, notes") {
  argmap::diagnostic error;
  auto r = argmap::engine::import_argdown(read("argdown.argdown"), error);
  REQUIRE(r);
  auto m = check(r->map);
  CHECK(argmap::format_human(m.diagnostics).find("error") == std::string::npos);
  auto s = argmap::engine::compute_stats(m.map, m.graph);
  CHECK(s.claims == 12 - 1);  // 10 statements (one anonymous), 1 described argument; the
                             // premise-conclusion argument is a reason, not a claim
  CHECK(s.supports == 4);  // Air, Safety, Health argument, and the pcs reason
  CHECK(s.co_premise_groups == 1);
  CHECK(s.attacks == 3);  // Old figures, Shops, Ghent
  CHECK(s.undercuts == 1);
  CHECK(s.contradictions == 1);
  CHECK(s.sections == 2);
  CHECK(r->map.find("[Car-free] The city should make its centre car-free. #proposal #city-policy") !=
        std::string::npos);
  CHECK(r->map.find("[Air] Air quality would improve. {weight: 0.8, source: \"City air report\"}") !=
        std::string::npos);
  // Data argmap has no use for is kept as an attribute (check warns about it).
  CHECK(r->map.find("[Shops] Shops would lose customers. {importance: 2}") != std::string::npos);
  CHECK(r->notes ==
        std::vector<std::string>{"the map has 2 warnings; 'argmap check' on it lists them"});
}

TEST_CASE("Argdown round trip through argmap's exporter keeps claims and relations") {
  auto original = check(read("argdown.argdown").empty() ? "" : "[t] T.\n  + [a] A.\n  - [b] B.\n    - [c] C.\n  ! [d] D.\n");
  std::string exported = argmap::engine::export_argdown(original.graph);
  argmap::diagnostic error;
  auto r = argmap::engine::import_argdown(exported, error);
  REQUIRE(r);
  auto back = check(r->map);
  auto a = argmap::engine::compute_stats(original.map, original.graph);
  auto b = argmap::engine::compute_stats(back.map, back.graph);
  CHECK(b.claims == a.claims);
  CHECK(b.supports == a.supports);
  CHECK(b.attacks == a.attacks);
  CHECK(b.contradictions == a.contradictions);
}

TEST_CASE("Argdown syntax errors name the line") {
  argmap::diagnostic error;
  CHECK_FALSE(argmap::engine::import_argdown("  + [A]: no parent\n", error));
  CHECK(text_of(error) == "line 1: a relation needs an element above it");
}

TEST_CASE("the table of formats is the one docs/interchange.md shows, and each entry works") {
  std::ifstream in(std::string(SOURCE_DIR) + "/docs/interchange.md");
  std::string line, rows;
  bool on = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) on = line == "## Formats";
    if (on && line.rfind("| `", 0) == 0) rows += line + "\n";
  }
  std::string expected;
  for (const argmap::engine::exchange_format& f : argmap::engine::exchange_formats())
    expected += fmt::format("| `{}` | {} | {} | {} |\n", f.name, f.title, f.read ? "yes" : "—",
                            f.write ? "yes" : "—");
  CHECK(rows == expected);
  // Every exporter writes what the importer of the same name reads back.
  auto m = check("[t] T.\n  + [r] R.\n  - [o] O.\n");
  argmap::engine::export_input input{m.graph, m.map, nullptr};
  for (const argmap::engine::exchange_format& f : argmap::engine::exchange_formats()) {
    if (!f.read || !f.write) continue;
    argmap::diagnostic error;
    auto back = f.read(f.write(input), error, {});
    CHECK_MESSAGE(back, f.name, ": ", text_of(error));
  }
  bool kialo_writes = argmap::engine::find_exchange_format("kialo")->write != nullptr;
  CHECK_FALSE(kialo_writes);
  CHECK(argmap::engine::find_exchange_format("nonsense") == nullptr);
}
