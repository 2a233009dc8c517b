// compare(): matching claims across two versions of a map and what changed.

#include "engine/compare.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "helpers.hpp"

namespace {

using argmap::engine::change;
using argmap::engine::compare;
using argmap::engine::name_of;

// Each change as "kind old-id new-id: detail" (ids of claims, or "-").
std::vector<std::string> changes(const std::string& before, const std::string& after) {
  auto a = argmap::test::check(before);
  auto b = argmap::test::check(after);
  REQUIRE(argmap::count(a.diagnostics, argmap::severity::error) == 0);
  REQUIRE(argmap::count(b.diagnostics, argmap::severity::error) == 0);
  auto r = compare(a.graph, b.graph);
  std::vector<std::string> out;
  for (const change& c : r.changes) {
    const bool section = std::string(name_of(c.kind)).rfind("section", 0) == 0;
    auto id = [&](const argmap::engine::argument_graph& g, std::int64_t k) {
      if (k < 0 || section) return std::string("-");
      return g.claims[static_cast<std::size_t>(k)].id;
    };
    std::string line =
        std::string(name_of(c.kind)) + " " + id(a.graph, c.before) + " " + id(b.graph, c.after);
    if (!c.detail.empty()) line += ": " + c.detail;
    out.push_back(line);
  }
  return out;
}

const std::string base =
    "# Part one\n"
    "\n"
    "[t] The town should build the bridge.\n"
    "  + [cheap] It fits the budget. {source: \"Budget 2025\"}\n"
    "  + [safe] It makes the crossing safer. #safety\n"
    "  - [flood] A flood could wash it away.\n"
    "    - [raised] The deck is above the flood level.\n"
    "\n"
    "# Part two\n"
    "\n"
    "[u] The bridge should be wooden.\n"
    "  + [warm] Wood looks warm.\n"
    "  + Wood is cheap to repair.\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("compare: the same map, and a map formatted differently, are the same") {
  CHECK(changes(base, base).empty());
  std::string reformatted =
      "# Part one\n"
      "// a comment\n"
      "[t]   The town should build the bridge.\n"
      "    + [cheap] It fits the budget.   {source: \"Budget 2025\"}\n"
      "    + [safe] It makes the crossing safer. #safety\n"
      "    - [flood] A flood could wash it away.\n"
      "        - [raised] The deck is above the flood level.\n"
      "# Part two\n"
      "[u] The bridge should be wooden.\n"
      "  + [warm] Wood looks warm.\n"
      "  + Wood is cheap to repair.\n";
  CHECK(changes(base, reformatted).empty());
}

TEST_CASE("compare: swapping sibling lines is no change") {
  std::string swapped = replaced(base,
                                 "  + [cheap] It fits the budget. {source: \"Budget 2025\"}\n"
                                 "  + [safe] It makes the crossing safer. #safety\n",
                                 "  + [safe] It makes the crossing safer. #safety\n"
                                 "  + [cheap] It fits the budget. {source: \"Budget 2025\"}\n");
  CHECK(changes(base, swapped).empty());
}

TEST_CASE("compare: text changed, with a word diff") {
  auto c = changes(
      base, replaced(base, "A flood could wash it away.", "A big flood could wash it away."));
  REQUIRE(c.size() == 1);
  CHECK(c[0] == "text-changed flood flood: A {+big+} flood could wash it away.");
}

TEST_CASE("compare: a claim without an id keeps its identity through a small edit") {
  auto c = changes(
      base, replaced(base, "Wood is cheap to repair.", "Wood is cheap to repair and to paint."));
  REQUIRE(c.size() == 1);
  CHECK(c[0].rfind("text-changed", 0) == 0);
  CHECK(c[0] == "text-changed 2.2 2.2: Wood is cheap to [-repair.-] {+repair and to paint.+}");
}

TEST_CASE("compare: claims added and removed") {
  auto added = changes(
      base, replaced(base, "    - [raised]", "    + [old] Old bridges failed.\n    - [raised]"));
  REQUIRE(added.size() == 1);
  CHECK(added[0] == "claim-added - old");
  auto removed = changes(base, replaced(base, "  + [warm] Wood looks warm.\n", ""));
  REQUIRE(removed.size() == 1);
  CHECK(removed[0] == "claim-removed warm -");
}

TEST_CASE("compare: a renamed id is one change, not a removal and an addition") {
  auto c = changes(base, replaced(base, "[cheap]", "[affordable]"));
  REQUIRE(c.size() == 1);
  CHECK(c[0] == "id-changed cheap affordable: cheap -> affordable");
}

TEST_CASE("compare: a subtree moved under another claim is one move") {
  std::string moved = replaced(base,
                               "  - [flood] A flood could wash it away.\n"
                               "    - [raised] The deck is above the flood level.\n",
                               "");
  moved = replaced(moved, "  + [warm] Wood looks warm.\n",
                   "  + [warm] Wood looks warm.\n"
                   "  - [flood] A flood could wash it away.\n"
                   "    - [raised] The deck is above the flood level.\n");
  auto c = changes(base, moved);
  // flood moved (and its attack now ends on u, not t); raised stays under flood.
  REQUIRE(c.size() == 3);
  CHECK(c[0] == "moved flood flood: under t in 'Part one' -> under u in 'Part two'");
  CHECK(c[1] == "relation-removed t -: attack");
  CHECK(c[2] == "relation-added - u: attack");
}

TEST_CASE("compare: support became attack") {
  auto c = changes(base, replaced(base, "  + [safe]", "  - [safe]"));
  REQUIRE(c.size() == 1);
  CHECK(c[0] == "relation-kind-changed t t: support -> attack");
}

TEST_CASE("compare: co-premises joined and split") {
  std::string linked = replaced(base, "  + [safe] It makes the crossing safer. #safety\n",
                                "  & [safe] It makes the crossing safer. #safety\n");
  auto joined = changes(base, linked);
  REQUIRE(joined.size() == 1);
  CHECK(joined[0] == "premises-joined - t: 2 reasons");
  auto split = changes(linked, base);
  REQUIRE(split.size() == 1);
  CHECK(split[0] == "premises-split t -: 2 reasons");
}

TEST_CASE("compare: attributes and tags") {
  std::string edited =
      replaced(base, "{source: \"Budget 2025\"}", "{source: \"Budget 2026\", basis: document}");
  edited = replaced(edited, "#safety", "#safety #people");
  auto c = changes(base, edited);
  REQUIRE(c.size() == 2);
  CHECK(c[0] ==
        "attributes-changed cheap cheap: source: \"Budget 2025\" -> \"Budget 2026\"; +basis: "
        "\"document\"");
  CHECK(c[1] == "tags-changed safe safe: +#people");
}

TEST_CASE("compare: sections added, removed and renamed") {
  auto renamed = changes(base, replaced(base, "# Part two", "# The material"));
  REQUIRE(renamed.size() == 1);
  CHECK(renamed[0] == "section-renamed - -: Part two -> The material");
  auto added = changes(base, base + "\n# Part three\n\n[v] A third thesis.\n");
  REQUIRE(added.size() == 2);
  CHECK(added[0] == "section-added - -: Part three");
  CHECK(added[1] == "claim-added - v");
}

TEST_CASE(
    "compare: a contradiction between claims both versions have, and one implied by a new claim") {
  auto c = changes(base, replaced(base, "[u] The bridge should be wooden.\n",
                                  "[u] The bridge should be wooden.\n  ! @cheap\n"));
  REQUIRE(c.size() == 1);
  CHECK(c[0] == "relation-added - u: contradiction");
  CHECK(changes(replaced(base, "[u] The bridge should be wooden.\n",
                         "[u] The bridge should be wooden.\n  ! @cheap\n"),
                base) == std::vector<std::string>{"relation-removed u -: contradiction"});
  // A relation that comes with a new claim is that claim's: not listed apart.
  auto implied = changes(base, base + "\n[w] The bridge should be steel.\n  ! @u\n");
  REQUIRE(implied.size() == 1);
  CHECK(implied[0] == "claim-added - w");
}

TEST_CASE("word_diff") {
  using argmap::engine::word_diff;
  CHECK(word_diff("a b c", "a b c") == "a b c");
  CHECK(word_diff("a b c", "a x c") == "a [-b-] {+x+} c");
  CHECK(word_diff("", "new words") == "{+new words+}");
  CHECK(word_diff("old words", "") == "[-old words-]");
}
