// Importers on hostile input: no recursion or allocation the input controls,
// every error located, and never a map that does not check.

#include <doctest/doctest.h>

#include <string>

#include "engine/interchange/af_format.hpp"
#include "engine/interchange/aif_import.hpp"
#include "engine/interchange/argdown_import.hpp"
#include "engine/interchange/json.hpp"
#include "engine/interchange/json_input.hpp"
#include "engine/interchange/kialo.hpp"
#include "helpers.hpp"
#include "import_text.hpp"

using namespace argmap;

namespace {

// An AIF document: claim c supported by p0 (RA0), and a chain of `n`
// undercuts, CA_k (premise p_k) attacking the inference before it.
std::string undercut_chain(std::size_t n) {
  std::string nodes =
      R"({"nodeID":"c","type":"I","text":"C"},{"nodeID":"p0","type":"I","text":"P0"},)"
      R"({"nodeID":"i0","type":"RA"})";
  std::string edges = R"({"fromID":"p0","toID":"i0"},{"fromID":"i0","toID":"c"})";
  for (std::size_t k = 1; k <= n; ++k) {
    std::string p = "p" + std::to_string(k), i = "i" + std::to_string(k),
                prev = "i" + std::to_string(k - 1);
    nodes +=
        R"(,{"nodeID":")" + p + R"(","type":"I","text":"P"},{"nodeID":")" + i + R"(","type":"CA"})";
    edges += R"(,{"fromID":")" + p + R"(","toID":")" + i + R"("},{"fromID":")" + i +
             R"(","toID":")" + prev + R"("})";
  }
  return R"({"nodes":[)" + nodes + R"(],"edges":[)" + edges + "]}";
}

// A successful import must check without errors.
void checks(const std::optional<argmap::engine::import_result>& r) {
  REQUIRE(r);
  argmap::engine::checked_map m = test::check(r->map);
  CHECK(m.errors() == 0);
}

std::string json_map(const std::string& claims, const std::string& outline,
                     const std::string& metadata = "{}") {
  return R"({"argmap_json":1,"metadata":)" + metadata + R"(,"claims":)" + claims +
         R"(,"outline":)" + outline + "}";
}

}  // namespace

TEST_CASE(
    "a long AIF undercut chain is refused at the depth limit, in linear memory, without "
    "recursion") {
  argmap::diagnostic error;
  checks(argmap::engine::import_aif(undercut_chain(100), error));
  for (std::size_t n : {300, 50000}) {
    CHECK_FALSE(argmap::engine::import_aif(undercut_chain(n), error));
    CHECK(text_of(error).find("ends a chain of undercuts deeper than argmap's 256 levels") !=
          std::string::npos);
    CHECK(text_of(error).rfind("line 1, column ", 0) == 0);
    CHECK(text_of(error).find("/nodes/") != std::string::npos);
  }
  grammar::parse_options shallow;
  shallow.max_depth = 10;
  CHECK_FALSE(argmap::engine::import_aif(undercut_chain(20), error, shallow));
}

TEST_CASE(
    "JSON nested deeper than the limit is refused before it is parsed, anywhere in the document") {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  argmap::diagnostic error;
  CHECK_FALSE(argmap::engine::import_json(json_map("[]", "[]", R"({"a":)" + deep + "}"), error));
  CHECK(text_of(error) == "line 1, column 544: nested deeper than 512 levels");
  CHECK_FALSE(argmap::engine::import_json(
      json_map(R"([{"id":"a","text":"A","attributes":{"x":)" + deep + "}}]", "[]"), error));
  CHECK(text_of(error).find("nested deeper than 512 levels") != std::string::npos);
  CHECK_FALSE(argmap::engine::import_aif(
      R"({"nodes":[{"nodeID":"a","type":"I","text":)" + deep + "}]}", error));
  CHECK(text_of(error).find("nested deeper than 512 levels") != std::string::npos);
  // Braces inside strings do not count.
  checks(argmap::engine::import_json(
      json_map(R"([{"id":"a","text":")" + std::string(1000, '[') + R"("}])",
               R"([{"depth":0,"relation":"root","claim":"a"}])"),
      error));
}

TEST_CASE("every number an importer reads is range-checked and whole") {
  std::string claims = R"([{"id":"a","text":"A"}])";
  for (const char* level : {"-1", "0", "1e300", "1.5", "4294967296", "\"2\"", "1001"}) {
    argmap::diagnostic error;
    CHECK_FALSE(argmap::engine::import_json(
        json_map(claims, std::string(R"([{"heading":"H","level":)") + level + "}]"), error));
    CHECK(text_of(error).find("/outline/0/level: expected a whole number from 1 to 1000") !=
          std::string::npos);
    CHECK(text_of(error).rfind("line 1, column ", 0) == 0);
  }
  for (const char* depth : {"-1", "1e300", "0.5", "257"}) {
    argmap::diagnostic error;
    CHECK_FALSE(argmap::engine::import_json(
        json_map(claims,
                 std::string(R"([{"depth":)") + depth + R"(,"relation":"root","claim":"a"}])"),
        error));
    CHECK(text_of(error).find("/outline/0/depth: expected a whole number from 0 to 256") !=
          std::string::npos);
  }
  argmap::diagnostic error;
  CHECK_FALSE(argmap::engine::import_json(json_map(claims, "[]").replace(15, 1, "2"), error));
  CHECK(text_of(error).find("/argmap_json") != std::string::npos);
  CHECK_FALSE(argmap::engine::import_json(R"({"argmap_json":1e999})", error));
  CHECK(text_of(error) == "line 1, column 16: a number too large to read");
}

TEST_CASE("wrong JSON types are located errors, never an internal error") {
  const char* cases[][2] = {
      {R"({"argmap_json":1,"claims":[],"outline":[{"heading":5}]})",
       "/outline/0/heading: expected a string"},
      {R"({"argmap_json":1,"claims":[{"id":5,"text":"A"}],"outline":[]})",
       "/claims/0/id: expected a string"},
      {R"({"argmap_json":1,"claims":[{"id":"a","text":[]}],"outline":[]})",
       "/claims/0/text: expected a string"},
      {R"({"argmap_json":1,"claims":[],"outline":[5]})",
       "/outline/0: an outline line is an object"},
      {R"({"argmap_json":1,"claims":[{"id":"a","text":"A","tags":[5]}],"outline":[{"depth":0,"relation":"root","claim":"a"}]})",
       "/claims/0/tags/0: expected a string"},
      {R"({"argmap_json":1,"claims":[{"id":"a","text":"A","attributes":{"k":{}}}],"outline":[{"depth":0,"relation":"root","claim":"a"}]})",
       "/claims/0/attributes/k: expected a string, a number or true/false"},
      {R"({"argmap_json":1,"claims":[],"outline":[{"depth":0,"relation":5,"claim":"a"}]})",
       "/outline/0/relation: expected a string"},
      {R"({"argmap_json":1,"claims":[],"outline":[{"depth":0,"relation":"root","claim":"a","reference":"yes"}]})",
       "/outline/0/reference: expected true or false"},
      {R"({"argmap_json":1,"metadata":[],"claims":[],"outline":[]})",
       "/metadata: expected an object"},
  };
  for (const auto& [text, expected] : cases) {
    argmap::diagnostic error;
    CHECK_FALSE(argmap::engine::import_json(text, error));
    CHECK_MESSAGE(text_of(error).find(expected) != std::string::npos, text_of(error));
    CHECK(text_of(error).rfind("line 1, column ", 0) == 0);
  }
  const char* aif[][2] = {
      {R"({"nodes":[{"nodeID":"a","type":5}]})", "/nodes/0/type: expected a string"},
      {R"({"nodes":[{"nodeID":"a","type":"I","text":{}}]})", "/nodes/0/text: expected a string"},
      {R"({"nodes":[{"nodeID":"a","type":"I","text":"A"}],"edges":[{"fromID":"a"}]})",
       "/edges/0: an edge needs \"toID\""},
      {R"({"nodes":5})", "/nodes: expected an array of AIF nodes"},
  };
  for (const auto& [text, expected] : aif) {
    argmap::diagnostic error;
    CHECK_FALSE(argmap::engine::import_aif(text, error));
    CHECK_MESSAGE(text_of(error).find(expected) != std::string::npos, text_of(error));
  }
}

TEST_CASE("an importer never writes a map that does not check") {
  argmap::diagnostic error;
  // A NUL or a control character escaped in JSON text.
  for (const char* text : {"A\\u0000B", "A\\u001b[2JB", "A\\uFFFEB", "A\\u0085B"}) {
    CHECK_FALSE(argmap::engine::import_json(
        json_map(std::string(R"([{"id":"a","text":")") + text + R"("}])",
                 R"([{"depth":0,"relation":"root","claim":"a"}])"),
        error));
    CHECK(text_of(error).find("/claims/0/text: ") != std::string::npos);
    CHECK(text_of(error).find("cannot hold") != std::string::npos);
  }
  // A relation on a top-level line, a root below the top, a jump of two levels.
  CHECK_FALSE(argmap::engine::import_json(
      json_map(R"([{"id":"a","text":"A"}])", R"([{"depth":0,"relation":"support","claim":"a"}])"),
      error));
  CHECK(text_of(error).find("a line at depth 0 is a root claim") != std::string::npos);
  CHECK_FALSE(argmap::engine::import_json(
      json_map(
          R"([{"id":"a","text":"A"},{"id":"b","text":"B"}])",
          R"([{"depth":0,"relation":"root","claim":"a"},{"depth":2,"relation":"support","claim":"b"}])"),
      error));
  CHECK(text_of(error).find("depth 2 follows depth 0") != std::string::npos);
  // A line feed in a heading or a metadata value cannot start new lines.
  auto r = argmap::engine::import_json(
      json_map(
          R"([{"id":"a","text":"A"}])",
          R"([{"heading":"H\n[evil] Injected claim"},{"depth":0,"relation":"root","claim":"a"}])",
          R"({"title":"T\n[evil2] X"})"),
      error);
  checks(r);
  CHECK(test::check(r->map).graph.claims.size() == 1);
  // More claims than the limit.
  grammar::parse_options few;
  few.max_claims = 2;
  CHECK_FALSE(argmap::engine::import_json(
      json_map(
          R"([{"id":"a","text":"A"},{"id":"b","text":"B"},{"id":"c","text":"C"}])",
          R"([{"depth":0,"relation":"root","claim":"a"},{"depth":0,"relation":"root","claim":"b"},{"depth":0,"relation":"root","claim":"c"}])"),
      error, few));
  CHECK(text_of(error).find("the map this would write does not check: too many claims") !=
        std::string::npos);
  CHECK_FALSE(argmap::engine::import_kialo("1. T\n1.1. Pro: A\n1.2. Con: B\n", error, few));
  CHECK_FALSE(argmap::engine::import_argdown("[A]: a\n[B]: b\n[C]: c\n", error, few));
  // An Argdown heading of a million '#'.
  CHECK_FALSE(
      argmap::engine::import_argdown(std::string(1000000, '#') + " Title\n[A]: a\n", error));
  CHECK(text_of(error) == "line 1: a heading of 1000000 '#' (argmap reads at most 1000)");
  // Control characters in text formats, with their line.
  CHECK_FALSE(argmap::engine::import_kialo("1. T\n1.1. Pro: A \x1b[2J\n", error));
  CHECK(text_of(error) ==
        "line 2, column 13: control character U+001B (ESC), which argmap text cannot hold");
  CHECK_FALSE(argmap::engine::import_argdown("[A]: a \xef\xbf\xbf\n", error));
  CHECK(text_of(error) ==
        "line 1, column 8: U+FFFF is a Unicode noncharacter, which argmap text cannot hold");
  checks(argmap::engine::import_kialo("1. T\r\n1.1. Pro: A\r\n", error));
}

TEST_CASE("Kialo claims go under the parent their number names, whatever the line order") {
  argmap::diagnostic error;
  auto r = argmap::engine::import_kialo(
      "1. T\n1.1. Pro: A\n1.2. Con: B\n1.1.1. Pro: C\n1.2.1. Con: D\n1.1.2. Con: E\n", error);
  REQUIRE(r);
  CHECK(
      r->map ==
      "[k1] T\n  + [k1_1] A\n    + [k1_1_1] C\n    - [k1_1_2] E\n  - [k1_2] B\n    - [k1_2_1] D\n");
  // A child before its parent is fine too.
  r = argmap::engine::import_kialo("1. T\n1.2.1. Pro: D\n1.2. Con: B\n", error);
  REQUIRE(r);
  CHECK(r->map == "[k1] T\n  - [k1_2] B\n    + [k1_2_1] D\n");
}

TEST_CASE("a JSON pointer is found at its line and column") {
  std::string text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c~d/e\": 2\n}";
  CHECK(argmap::engine::locate_json_pointer(text, "").value() == 0);
  CHECK(argmap::engine::line_column(text, *argmap::engine::locate_json_pointer(text, "/a/1/b")) ==
        "line 2, column 18");
  CHECK(argmap::engine::line_column(text, *argmap::engine::locate_json_pointer(text, "/c~0d~1e")) ==
        "line 3, column 12");
  CHECK_FALSE(argmap::engine::locate_json_pointer(text, "/a/2"));
}
