// Machine-readable diagnostics (JSON, GitHub) and stats.

#include <doctest/doctest.h>

#include "engine/diagnostic_json.hpp"
#include "engine/report.hpp"
#include "engine/stats.hpp"
#include "grammar/suggest.hpp"
#include "helpers.hpp"

using argmap::test::check;

TEST_CASE("JSON diagnostics carry every field, notes included") {
  auto m = check("[a] A.\n  + [a] Again.\n");
  CHECK(argmap::engine::format_json(m.diagnostics) ==
        "{\"diagnostics\":[{\"file\":\"m.arg\",\"line\":2,\"column\":5,\"end_line\":2,"
        "\"end_column\":8,\"severity\":\"error\",\"code\":\"duplicate-id\",\"message\":"
        "\"duplicate id 'a'\",\"source_line\":\"  + [a] Again.\",\"notes\":[{\"file\":"
        "\"m.arg\",\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":4,\"severity\":"
        "\"note\",\"code\":\"duplicate-id\",\"message\":\"'a' is first defined here\","
        "\"source_line\":\"[a] A.\"}]}]}\n");
  CHECK(argmap::engine::format_json({}) == "{\"diagnostics\":[]}\n");
}

TEST_CASE("JSON output survives invalid UTF-8 in a message") {
  argmap::diagnostic d;
  d.message = "bad byte \xff here";
  CHECK(argmap::engine::format_json({d}).find("bad byte \xef\xbf\xbd here") != std::string::npos);
}

TEST_CASE("the JSON form of a diagnostic reads back as it was written") {
  argmap::diagnostic d;
  d.level = argmap::severity::warning;
  d.code = "orphan";
  d.message = "claim 'a' is not connected";
  d.file = "maps/a.arg";
  d.range = {0, 3, 2, 3, 6};
  d.line_text = " [a] A.";
  argmap::diagnostic n = d;
  n.level = argmap::severity::note;
  n.range = {0, 1, 1, 1, 2};
  d.notes.push_back(n);
  nlohmann::ordered_json j = argmap::engine::to_json(d);
  CHECK(
      j.dump() ==
      R"({"file":"maps/a.arg","line":3,"column":2,"end_line":3,"end_column":6,"severity":"warning",)"
      R"("code":"orphan","message":"claim 'a' is not connected","source_line":" [a] A.","notes":[)"
      R"({"file":"maps/a.arg","line":1,"column":1,"end_line":1,"end_column":2,"severity":"note",)"
      R"("code":"orphan","message":"claim 'a' is not connected","source_line":" [a] A."}]})");
  argmap::diagnostic back = argmap::engine::diagnostic_from_json(nlohmann::json::parse(j.dump()));
  CHECK(argmap::format_human(back) == argmap::format_human(d));
  CHECK(back.range == d.range);
  j["severity"] = "fatal";
  CHECK_THROWS_AS(argmap::engine::diagnostic_from_json(nlohmann::json::parse(j.dump())),
                  nlohmann::json::exception);
}

TEST_CASE("GitHub workflow commands, with escaping") {
  argmap::diagnostic d;
  d.level = argmap::severity::warning;
  d.code = "orphan";
  d.message = "100% sure\nnext line";
  d.file = "maps/a,b:c.arg";
  d.range = {0, 3, 1, 3, 5};
  CHECK(argmap::engine::format_github({d}) ==
        "::warning file=maps/a%2Cb%3Ac.arg,line=3,col=1,endLine=3,endColumn=5,"
        "title=argmap(orphan)::100%25 sure%0Anext line\n");
}

TEST_CASE("stats count claims, reasons, references, depth and tags") {
  auto m = check(
      "# S\n[t] T. #main\n  + [a] A. #x\n  & B. #x\n    ~ U.\n  - @c\n[c] C.\n  ! D.\n"
      "## Empty\n");
  auto s = argmap::engine::compute_stats(m.map, m.graph);
  CHECK(argmap::engine::stats_json(s) ==
        "{\"claims\":6,\"inferences\":3,\"supports\":1,\"attacks\":1,\"undercuts\":1,"
        "\"contradictions\":1,\"co_premise_groups\":1,\"references\":1,\"sections\":2,"
        "\"roots\":2,\"max_depth\":2,\"tags\":{\"main\":1,\"x\":2}}\n");
}

TEST_CASE("stats text form") {
  auto m = check("[t] T. #a\n  + S.\n");
  CHECK(argmap::engine::stats_text(argmap::engine::compute_stats(m.map, m.graph)) ==
        "claims             2\n"
        "inferences         1\n"
        "  supports         1\n"
        "  attacks          0\n"
        "  undercuts        0\n"
        "co-premise groups  0\n"
        "contradictions     0\n"
        "references         0\n"
        "sections           0\n"
        "roots              1\n"
        "max depth          1\n"
        "tags\n"
        "  #a               1\n");
}

TEST_CASE("edit distance and suggestions") {
  CHECK(argmap::grammar::edit_distance("blinked", "blinkd", 3) == 1);
  CHECK(argmap::grammar::edit_distance("thesis", "htesis", 3) == 1);  // transposition
  CHECK(argmap::grammar::edit_distance("abc", "xyzabc", 2) == 3);     // gave up past the limit
  CHECK(argmap::grammar::closest("revew", {"review", "reviews"}) ==
        std::optional<std::string>("review"));
  CHECK(argmap::grammar::closest("zz", {"review"}) == std::nullopt);
}
