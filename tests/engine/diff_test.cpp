// Line diffs: shortest edit scripts, bounded cost, and unified diffs that patch applies.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "engine/diff.hpp"

using namespace argmap;

namespace {

// The length of a longest common subsequence, by the textbook table.
std::size_t lcs(const std::vector<argmap::engine::text_line>& a,
                const std::vector<argmap::engine::text_line>& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
  return t[0][0];
}

// Applies an edit script to a, checking it against b.
bool applies(const std::vector<argmap::engine::text_line>& a,
             const std::vector<argmap::engine::text_line>& b,
             const std::vector<argmap::engine::edit>& ops) {
  std::size_t i = 0, j = 0;
  for (argmap::engine::edit e : ops) {
    if (e == argmap::engine::edit::keep) {
      if (i >= a.size() || j >= b.size() || !(a[i] == b[j])) return false;
      ++i, ++j;
    } else if (e == argmap::engine::edit::remove) {
      if (i++ >= a.size()) return false;
    } else if (j++ >= b.size()) {
      return false;
    }
  }
  return i == a.size() && j == b.size();
}

std::string random_text(std::mt19937& rng, std::size_t lines) {
  std::string s;
  for (std::size_t k = 0; k < lines; ++k)
    s += std::string(1, static_cast<char>('a' + rng() % 4)) + "\n";
  return s;
}

}  // namespace

TEST_CASE("the edit script is a shortest one") {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string x = random_text(rng, rng() % 30), y = random_text(rng, rng() % 30);
    auto a = argmap::engine::split_lines(x), b = argmap::engine::split_lines(y);
    auto ops = argmap::engine::diff_lines(a, b);
    REQUIRE(applies(a, b, ops));
    std::size_t changes = 0;
    for (argmap::engine::edit e : ops) changes += e != argmap::engine::edit::keep;
    CHECK(changes == a.size() + b.size() - 2 * lcs(a, b));
  }
}

TEST_CASE("past the bound the middle is replaced: longer, still correct") {
  std::mt19937 rng(3);
  std::string x = random_text(rng, 500), y = random_text(rng, 500);
  auto a = argmap::engine::split_lines(x), b = argmap::engine::split_lines(y);
  auto ops = argmap::engine::diff_lines(a, b, 10);
  CHECK(applies(a, b, ops));
}

TEST_CASE("unified diffs: GNU's hunk headers, context, and a missing final newline") {
  CHECK(argmap::engine::unified_diff("f", "a\nb\nc\n", "a\nb\nc\n").empty());
  CHECK(argmap::engine::unified_diff("f", "a\nb\nc\n", "a\nB\nc\n") ==
        "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(argmap::engine::unified_diff("f", "x", "x\n") ==
        "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
  CHECK(argmap::engine::unified_diff("f", "", "x\n") == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n");
  std::string many;
  for (int k = 0; k < 20; ++k) many += std::to_string(k) + "\n";
  std::string changed = many;
  changed.replace(changed.find("10\n"), 3, "ten\n");
  CHECK(argmap::engine::unified_diff("f", many, changed) ==
        "--- a/f\n+++ b/f\n@@ -8,7 +8,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n");
}

TEST_CASE("a one-line change in a long file gives a one-line hunk") {
  std::string text;
  for (int k = 0; k < 6513; ++k)
    text += "[c" + std::to_string(k) + "] Claim " + std::to_string(k) + ".\n";
  std::string changed = text;
  changed.replace(changed.find("Claim 4000."), 11, "Claim four thousand.");
  std::string d = argmap::engine::unified_diff("f", text, changed);
  CHECK(std::count(d.begin(), d.end(), '\n') == 11);
}
