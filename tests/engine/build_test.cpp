// The build pass: nodes, references, inferences, co-premises, undercuts, sections.

#include <doctest/doctest.h>

#include "engine/graph.hpp"
#include "helpers.hpp"

using argmap::test::check;
using argmap::test::diagnostics_of;
using argmap::test::graph_of;

TEST_CASE("supports and attacks become one inference each") {
  CHECK(graph_of("[t] T.\n  + [a] A.\n  - [b] B.\n    - [c] C.\n") ==
        "claim t root \"T.\"\n"
        "claim a \"A.\"\n"
        "claim b \"B.\"\n"
        "claim c \"C.\"\n"
        "inference 0 support [a] -> t\n"
        "inference 1 attack [b] -> t\n"
        "inference 2 attack [c] -> b\n");
}

TEST_CASE("unlabelled claims get their outline path as id") {
  CHECK(graph_of("Root one.\n  + Child.\nRoot two.\n") ==
        "claim 1 (auto) root \"Root one.\"\n"
        "claim 1.1 (auto) \"Child.\"\n"
        "claim 2 (auto) root \"Root two.\"\n"
        "inference 0 support [1.1] -> 1\n");
}

TEST_CASE("co-premises join one inference, in both written forms") {
  CHECK(graph_of("[m] M.\n  + [a] A.\n  & [b] B.\n  + [c] C.\n    & [d] D.\n") ==
        "claim m root \"M.\"\n"
        "claim a \"A.\"\n"
        "claim b \"B.\"\n"
        "claim c \"C.\"\n"
        "claim d \"D.\"\n"
        "inference 0 support [a, b] -> m\n"
        "inference 1 support [c, d] -> m\n");
}

TEST_CASE("a joint objection, and an undercut of a linked reason") {
  CHECK(graph_of("[m] M.\n  - [a] A.\n  & [b] B.\n    ~ [u] U.\n") ==
        "claim m root \"M.\"\n"
        "claim a \"A.\"\n"
        "claim b \"B.\"\n"
        "claim u \"U.\"\n"
        "inference 0 attack [a, b] -> m\n"
        "inference 1 undercut [u] -> #0\n");
}

TEST_CASE("an undercut targets the inference of its parent line") {
  CHECK(graph_of("[t] T.\n  + [a] A.\n    ~ [u] U.\n      - [r] R.\n") ==
        "claim t root \"T.\"\n"
        "claim a \"A.\"\n"
        "claim u \"U.\"\n"
        "claim r \"R.\"\n"
        "inference 0 support [a] -> t\n"
        "inference 1 undercut [u] -> #0\n"
        "inference 2 attack [r] -> u\n");
}

TEST_CASE("references resolve forward and backward to one node") {
  CHECK(graph_of("[a] A.\n  + @b\n[b] B.\n  - @a\n") ==
        "claim a root \"A.\"\n"
        "claim b root \"B.\"\n"
        "inference 0 support [b] -> a\n"
        "inference 1 attack [a] -> b\n");
}

TEST_CASE("children of a reference relate to the referenced claim") {
  CHECK(graph_of("[a] A.\n  - @b\n    + [c] C.\n[b] B.\n") ==
        "claim a root \"A.\"\n"
        "claim c \"C.\"\n"
        "claim b root \"B.\"\n"
        "inference 0 attack [b] -> a\n"
        "inference 1 support [c] -> b\n");
}

TEST_CASE("references resolve across includes") {
  auto m = check("[a] A.\n  + @x\ninclude \"part.arg\"\n", {}, {{"part.arg", "[x] X.\n"}});
  CHECK(format_human(m.diagnostics) == "");
  CHECK(argmap::engine::dump(m.graph) ==
        "claim a root \"A.\"\n"
        "claim x root \"X.\"\n"
        "inference 0 support [x] -> a\n");
}

TEST_CASE("contradictions are recorded once, between the two claims") {
  CHECK(graph_of("[a] A.\n  + [s] S.\n  ! [b] B.\n") ==
        "claim a root \"A.\"\n"
        "claim s \"S.\"\n"
        "claim b \"B.\"\n"
        "inference 0 support [s] -> a\n"
        "contradiction a ! b\n");
}

TEST_CASE("sections nest by level; an include nests under its section") {
  auto m = check("# One\n[a] A.\n## Sub\n[b] B.\ninclude \"p.arg\"\n# Two\n[c] C.\n", {},
                 {{"p.arg", "[d] D.\n# Appendix\n[e] E.\n"}});
  CHECK(argmap::engine::dump(m.graph) ==
        "section 0 level 1 \"One\"\n"
        "section 1 level 2 \"Sub\" in 0\n"
        "section 2 level 3 \"Appendix\" in 1\n"
        "section 3 level 1 \"Two\"\n"
        "claim a root section 0 \"A.\"\n"
        "claim b root section 1 \"B.\"\n"
        "claim d root section 1 \"D.\"\n"
        "claim e root section 2 \"E.\"\n"
        "claim c root section 3 \"C.\"\n");
}

TEST_CASE("building twice gives the same graph") {
  std::string text = "[t] T.\n  + A.\n  & B.\n  - @t2\n[t2] T2.\n  ~ X\n";
  CHECK(graph_of(text) == graph_of(text));
}

TEST_CASE("undefined reference, with a suggestion for a near id") {
  CHECK(diagnostics_of("[blinked] B.\n  + [x] X.\n[t] T.\n  - @blinkd\n") ==
        "m.arg:4:5: error: undefined reference '@blinkd'; did you mean '@blinked'?\n"
        "    4 |   - @blinkd\n"
        "      |     ^~~~~~~\n");
  CHECK(diagnostics_of("[t] T.\n  - @nothing_like_it\n") ==
        "m.arg:2:5: error: undefined reference '@nothing_like_it': no claim has this id\n"
        "    2 |   - @nothing_like_it\n"
        "      |     ^~~~~~~~~~~~~~~~\n");
}

TEST_CASE("an undercut under a root has no inference to undercut") {
  CHECK(diagnostics_of("[t] T.\n  ~ U.\n") ==
        "m.arg:2:3: error: an undercut ('~') attacks the inference from its parent to the "
        "parent's parent, but its parent 't' has none: it is a top-level claim, which no "
        "inference leads from\n"
        "    2 |   ~ U.\n"
        "      |   ^~~~\n");
}

TEST_CASE("an undercut under a contradiction has no inference to undercut") {
  CHECK(diagnostics_of("[t] T.\n  + S.\n  ! [c] C.\n    ~ U.\n") ==
        "m.arg:4:5: error: an undercut ('~') attacks the inference from its parent to the "
        "parent's parent, but its parent 'c' has none: it is a contradiction ('!'), which is no "
        "inference\n"
        "    4 |     ~ U.\n"
        "      |     ^~~~\n");
}

TEST_CASE("a claim that supports, attacks or contradicts itself") {
  CHECK(diagnostics_of("[a] A.\n  + @a\n") ==
        "m.arg:2:3: error: claim 'a' would support itself\n"
        "    2 |   + @a\n"
        "      |   ^~~~\n");
  CHECK(diagnostics_of("[a] A.\n  + B.\n    + @a\n  + [c] C.\n    & @a\n") ==
        "m.arg:5:5: error: claim 'a' would support itself\n"
        "    5 |     & @a\n"
        "      |     ^~~~\n");
  // Attacking itself is legitimate ("this statement is false"): a warning, in
  // both shapes, and the inference is in the graph.
  const char* self_attack =
      "m.arg:2:3: warning: claim 'a' attacks itself: no semantics accepts it; unless another "
      "claim defeats it, grounded semantics leaves it undecided and stable semantics has no "
      "extension\n";
  CHECK(diagnostics_of("[a] This statement is false.\n  - @a\n") ==
        std::string(self_attack) + "    2 |   - @a\n      |   ^~~~\n");
  auto m = check("[a] A.\n  + B.\n    - @a\n  - [c] C.\n    & @a\n");
  CHECK(m.errors() == 0);
  CHECK(m.warnings() == 1);
  CHECK(graph_of("[a] This statement is false.\n  - @a\n").find("attack [a] -> a") != std::string::npos);
  CHECK(diagnostics_of("[a] A.\n  + S.\n  ! @a\n") ==
        "m.arg:3:3: error: claim 'a' would contradict itself\n"
        "    3 |   ! @a\n"
        "      |   ^~~~\n");
}

TEST_CASE("warnings wait until the errors are fixed") {
  // An undefined reference would otherwise make orphans of its neighbours.
  CHECK(diagnostics_of("[t] T.\n  + @missing\n[o] O.\n").find("orphan") == std::string::npos);
}

TEST_CASE("an included file's headings nest in the section of the include line") {
  argmap::grammar::memory_loader loader;
  loader.files["m.arg"] = "# Evidence\n[e] E.\ninclude \"studies.arg\"\n[f] F.\n# Other\n[o] O.\n";
  loader.files["studies.arg"] = "# Study A\n[a] A.\n# Study B\n[b] B.\n";
  auto m = argmap::engine::check_file("m.arg", loader, {});
  REQUIRE(m.errors() == 0);
  const auto& g = m.graph;
  REQUIRE(g.sections.size() == 4);
  CHECK(g.sections[0].title == "Evidence");
  CHECK(g.sections[0].level == 1);
  CHECK(g.sections[1].title == "Study A");
  CHECK(g.sections[1].parent == 0);
  CHECK(g.sections[1].level == 2);
  CHECK(g.sections[2].title == "Study B");
  CHECK(g.sections[2].parent == 0);
  CHECK(g.sections[3].title == "Other");
  CHECK(g.sections[3].level == 1);
  auto section_of = [&](const char* id) { return g.claims[*g.find(id)].section; };
  CHECK(section_of("e") == 0);
  CHECK(section_of("a") == 1);
  CHECK(section_of("b") == 2);
  CHECK(section_of("f") == 0);  // back in the includer's own section
  CHECK(section_of("o") == 3);
}

TEST_CASE("outgoing markers: the claim above supports, attacks or undercuts this line's claim") {
  CHECK(graph_of("[p] P.\n  + [r] R.\n[o] O.\n  -> @p\n[s] S.\n  +> @p\n[u] U.\n  ~> @r\n") ==
        "claim p root \"P.\"\n"
        "claim r \"R.\"\n"
        "claim o root \"O.\"\n"
        "claim s root \"S.\"\n"
        "claim u root \"U.\"\n"
        "inference 0 support [r] -> p\n"
        "inference 1 attack [o] -> p\n"
        "inference 2 support [s] -> p\n"
        "inference 3 undercut [u] -> #0\n");
  // A new claim after an outgoing marker is the one related to; its children relate to it.
  CHECK(graph_of("[a] A.\n  +> [c] C.\n    + [b] B.\n") ==
        "claim a root \"A.\"\n"
        "claim c \"C.\"\n"
        "claim b \"B.\"\n"
        "inference 0 support [a] -> c\n"
        "inference 1 support [b] -> c\n");
  // '&' joins an outgoing reason: A and D together support C.
  CHECK(graph_of("[a] A.\n  +> [c] C.\n  & [d] D.\n").find("inference 0 support [a, d] -> c") !=
        std::string::npos);
  // A '~>' needs a reference to a claim written as a reason.
  CHECK(diagnostics_of("[a] A.\n  ~> New claim.\n").find("'~>' undercuts the reason an existing claim's "
                                                         "line makes") != std::string::npos);
  CHECK(diagnostics_of("[a] A.\n[b] B.\n  ~> @a\n").find("is defined on a line that is no reason") !=
        std::string::npos);
  // '~>' may name a claim written later.
  CHECK(graph_of("[u] U.\n  ~> @r\n[p] P.\n  + [r] R.\n").find("inference 1 undercut [u] -> #0") !=
        std::string::npos);
}
