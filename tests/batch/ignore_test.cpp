// .argmapignore: gitignore's syntax, matched in polynomial time.

#include <doctest/doctest.h>

#include <string>

#include "batch/ignore.hpp"

using argmap::batch::ignore_list;

namespace {

ignore_list list(const std::string& text) {
  std::vector<argmap::diagnostic> problems;
  ignore_list l(text, ".argmapignore", problems);
  REQUIRE(problems.empty());
  return l;
}

std::vector<argmap::diagnostic> problems_of(const std::string& text) {
  std::vector<argmap::diagnostic> problems;
  ignore_list l(text, ".argmapignore", problems);
  return problems;
}

}  // namespace

TEST_CASE("names, anchors, folders and negation as in git") {
  ignore_list l = list("# comment\n\ndrafts/\n/top.arg\nsub/only.arg\n*.bak.arg\n!keep.bak.arg\n");
  CHECK(l.ignored("drafts", true));
  CHECK(l.ignored("a/drafts/x.arg", false));
  CHECK_FALSE(l.ignored("drafts", false));  // a file called drafts is not a folder
  CHECK(l.ignored("top.arg", false));
  CHECK_FALSE(l.ignored("a/top.arg", false));
  CHECK(l.ignored("sub/only.arg", false));
  CHECK_FALSE(l.ignored("x/sub/only.arg", false));
  CHECK(l.ignored("deep/er/x.bak.arg", false));
  CHECK_FALSE(l.ignored("deep/keep.bak.arg", false));
  CHECK_FALSE(l.ignored("map.arg", false));
}

TEST_CASE("brackets, classes, escapes and globstars") {
  ignore_list l = list(
      "[abc].arg\nv[0-9].arg\nn[!x].arg\nq\\?.arg\n\\#hash.arg\n\\!bang.arg\n"
      "c[[:digit:]][[:upper:]].arg\nspace\\ .arg\\ \nlogs/**\n**/gen/*.arg\na/**/z.arg\n");
  CHECK(l.ignored("b.arg", false));
  CHECK_FALSE(l.ignored("d.arg", false));
  CHECK(l.ignored("v7.arg", false));
  CHECK(l.ignored("ny.arg", false));
  CHECK_FALSE(l.ignored("nx.arg", false));
  CHECK(l.ignored("q?.arg", false));
  CHECK_FALSE(l.ignored("qq.arg", false));  // '\?' is a literal '?', not a wildcard
  CHECK(l.ignored("#hash.arg", false));
  CHECK(l.ignored("!bang.arg", false));
  CHECK(l.ignored("c1A.arg", false));
  CHECK_FALSE(l.ignored("c1a.arg", false));
  CHECK(l.ignored("space .arg ", false));
  CHECK(l.ignored("logs/x.arg", false));
  CHECK(l.ignored("logs/a/b/x.arg", false));
  CHECK_FALSE(l.ignored("logs", true));  // 'logs/**' is what is inside
  CHECK(l.ignored("gen/a.arg", false));
  CHECK(l.ignored("x/y/gen/a.arg", false));
  CHECK(l.ignored("a/z.arg", false));
  CHECK(l.ignored("a/b/c/z.arg", false));
  CHECK_FALSE(l.ignored("b/a/z.arg", false));
}

TEST_CASE("what a pattern cannot mean is an error with its line and column") {
  auto p = problems_of("ok.arg\nbad[abc.arg\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0].range.line == 2);
  CHECK(p[0].range.col == 4);
  CHECK(p[0].message == "'[' is never closed with ']' (write '\\[' for a literal '[')");
  p = problems_of("x[[:letter:]].arg\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.rfind("unknown character class '[:letter:]'", 0) == 0);
  p = problems_of("trailing\\\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.rfind("a pattern cannot end with '\\'", 0) == 0);
  p = problems_of("[z-a].arg\n");
  REQUIRE(p.size() == 1);
}

// Each of these backtracks exponentially in a naive matcher (minutes to
// years); here each is a product of lengths. ctest's timeout catches a regression.
TEST_CASE("matching is polynomial whatever the pattern") {
  std::string name(5000, 'a');
  ignore_list stars = list("*a*a*a*a*a*a*a*a*a*a*a*a*b\n");
  CHECK_FALSE(stars.ignored(name, false));
  std::string globstars;
  for (int k = 0; k < 40; ++k) globstars += "**/";
  ignore_list many = list(globstars + "b\n");
  std::string deep;
  for (int k = 0; k < 200; ++k) deep += "a/";
  CHECK_FALSE(many.ignored(deep + "c", false));
  CHECK(many.ignored(deep + "b", false));
  ignore_list mixed = list("**/a*a*a*a*a*a*/**/*a*a*a*a*c\n");
  CHECK_FALSE(mixed.ignored(deep + name, false));
}

TEST_CASE("a path's folders are checked once each, not once per prefix") {
  // The old recursive check cost 2^depth: 200 levels would never end.
  ignore_list l = list("never-matches/\n");
  std::string deep;
  for (int k = 0; k < 200; ++k) deep += "d/";
  CHECK_FALSE(l.ignored(deep + "x.arg", false));
}
