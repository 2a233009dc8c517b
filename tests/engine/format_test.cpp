// The formatter: idempotent, meaning-preserving, nothing lost; --diff output.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/check.hpp"
#include "engine/diff.hpp"
#include "engine/format.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Everything the graph says, attributes and tags included.
std::string meaning(const argmap::engine::checked_map& m) {
  std::string out = dump(m.graph);
  for (const argmap::engine::claim_node& c : m.graph.claims) {
    out += c.id + ":";
    for (const std::string& t : c.tags()) out += " #" + t;
    for (const argmap::ast::attribute& a : c.attributes()) out += " " + a.key + "=" + a.value;
    out += "\n";
  }
  for (const argmap::ast::attribute& a : m.graph.metadata) out += "meta " + a.key + "=" + a.value + "\n";
  return out;
}

// Checks that formatting `text` (called `name`, in folder `dir` for its
// includes) is idempotent, keeps every comment and include, and keeps the graph.
void check_properties(const std::string& name, const std::string& text, const fs::path& dir) {
  CAPTURE(name);
  std::vector<argmap::diagnostic> ds;
  auto once = argmap::engine::format_text(name, text, ds);
  REQUIRE(once);
  auto twice = argmap::engine::format_text(name, *once, ds);
  REQUIRE(twice);
  CHECK(*twice == *once);

  argmap::grammar::memory_loader loader;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".arg") loader.files[entry.path().filename().string()] = read(entry.path());
  loader.files[name] = text;
  auto before = argmap::engine::check_file(name, loader, {});
  loader.files[name] = *once;
  auto after = argmap::engine::check_file(name, loader, {});
  CHECK(after.errors() == before.errors());
  CHECK(meaning(after) == meaning(before));
  REQUIRE_FALSE(before.map.documents.empty());
  const auto& a = before.map.documents[0];
  const auto& b = after.map.documents[0];
  CHECK(b.comments.size() == a.comments.size());
  for (std::size_t k = 0; k < std::min(a.comments.size(), b.comments.size()); ++k)
    CHECK(b.comments[k].text == a.comments[k].text);
  CHECK(b.items.size() == a.items.size());
}

}  // namespace

TEST_CASE("fmt is idempotent and keeps the meaning of every example and golden file") {
  std::size_t files = 0;
  for (const char* folder : {"/examples", "/tests/golden/parse", "/tests/golden/check"}) {
    fs::path dir = fs::path(SOURCE_DIR) / std::string(folder).substr(1);
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".arg" || name.rfind("error-", 0) == 0) continue;
      std::string text = read(entry.path());
      std::vector<argmap::diagnostic> ds;
      if (!argmap::engine::format_text(name, text, ds)) continue;  // e.g. a UTF-16 file
      check_properties(name, text, dir);
      ++files;
    }
  }
  CHECK(files > 25);
}

TEST_CASE("fmt keeps generated maps' meaning, with every construct") {
  unsigned seed = 99;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  const char* words[] = {"alpha", "beta", "C#", "issue #4 x", "a{b}", "back\\\\slash", "50%", "\\#lit",
                         "quote \"q\"", "é日本", "[not] id", "@not ref"};
  for (int round = 0; round < 60; ++round) {
    std::string text = "---\ntitle: Generated " + std::to_string(round) + "\n---\n";
    int ids = 0;
    for (int root = 0; root < 3; ++root) {
      if (next() % 3 == 0) text += "\n// comment " + std::to_string(root) + "\n";
      if (next() % 4 == 0) text += "# Section " + std::to_string(root) + "\n";
      text += "[r" + std::to_string(root) + "] Root " + words[next() % 12] + "\n";
      for (int c = 0; c < 4; ++c) {
        const char* marker[] = {"+", "-", "!", "+"};
        std::string m = marker[next() % 4];
        if (next() % 5 == 0 && ids > 0) {
          text += "  " + m + " @c" + std::to_string(next() % ids) + "\n";
          continue;
        }
        text += "  " + m + " [c" + std::to_string(ids++) + "] Claim " + words[next() % 12];
        if (next() % 3 == 0) text += " #t" + std::to_string(next() % 3);
        if (next() % 3 == 0) text += " {weight: 0." + std::to_string(next() % 9) + ", note: \"a, b\"}";
        text += "\n";
        if (m != "!" && next() % 3 == 0) text += "  & [c" + std::to_string(ids++) + "] Joint premise.\n";
        if (m != "!" && next() % 4 == 0) text += "    ~ [c" + std::to_string(ids++) + "] Undercut.\n";
        if (next() % 5 == 0) text += "      continued text\n";
      }
    }
    std::vector<argmap::diagnostic> ds;
    auto once = argmap::engine::format_text("g.arg", text, ds);
    if (!once) continue;  // the generator can write an invalid map; fmt must then refuse
    check_properties("g.arg", text, fs::path(SOURCE_DIR) / "examples");
  }
}

TEST_CASE("fmt refuses a file with errors") {
  std::vector<argmap::diagnostic> ds;
  CHECK_FALSE(argmap::engine::format_text("bad.arg", "[a] A.\n\t+ tab\n", ds));
  CHECK(ds.size() == 1);
}

TEST_CASE("canonical form: indentation, markers, attributes, escapes, headings") {
  std::vector<argmap::diagnostic> ds;
  auto out = argmap::engine::format_text("m.arg",
                                         "[a]   A claim   \n"
                                         "     +    B #x\n"
                                         "        {weight:   0.5 ,source: \"Some, one\"}\n"
                                         "# Head\n"
                                         "\\+ plus \\{not: braces} x\n",
                                         ds);
  REQUIRE(out);
  CHECK(*out ==
        "[a] A claim\n"
        "  + B #x\n"
        "    {weight: 0.5, source: \"Some, one\"}\n"
        "\n"
        "# Head\n"
        "\\+ plus \\{not: braces} x\n");
}

TEST_CASE("attributes never make a formatted line longer than 100 columns") {
  std::vector<argmap::diagnostic> ds;
  std::string text(80, 'x');
  // Inline when it fits; on its own line when not; one per line when even that is too long.
  auto fits = argmap::engine::format_text("m.arg", "[a] Short. {weight: 0.5}\n", ds);
  CHECK(*fits == "[a] Short. {weight: 0.5}\n");
  auto own =
      argmap::engine::format_text("m.arg", "[a] " + text + " {weight: 0.5, basis: document}\n", ds);
  CHECK(*own == "[a] " + text + "\n  {weight: 0.5, basis: document}\n");
  std::string source(70, 's');
  auto each = argmap::engine::format_text(
      "m.arg", "[a] A.\n  + [r] R.\n    {source: \"" + source + "\", basis: document}\n", ds);
  CHECK(*each == "[a] A.\n  + [r] R.\n    {source: " + source + "}\n    {basis: document}\n");
  for (const std::string* out : {&*fits, &*own, &*each}) {
    auto again = argmap::engine::format_text("m.arg", *out, ds);
    CHECK(*again == *out);  // idempotent
    std::size_t start = 0;
    while (start < out->size()) {
      std::size_t nl = out->find('\n', start);
      CHECK(nl - start <= 100);
      start = nl + 1;
    }
  }
}

TEST_CASE("unified diff") {
  CHECK(argmap::engine::unified_diff("f", "a\nb\nc\n", "a\nb\nc\n").empty());
  CHECK(argmap::engine::unified_diff("f", "a\nb\nc\n", "a\nB\nc\n") ==
        "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
}

TEST_CASE("fmt keeps the side a relation was written from") {
  std::vector<argmap::diagnostic> ds;
  auto out = argmap::engine::format_text(
      "m.arg", "[p] P.\n  + [r] R.\n[o] O.\n  ->   @p\n  ~> @r\n  +>  [c] C.\n", ds);
  REQUIRE(out);
  CHECK(*out == "[p] P.\n  + [r] R.\n[o] O.\n  -> @p\n  ~> @r\n  +> [c] C.\n");
}
