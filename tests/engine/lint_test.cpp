// Every warning, how to switch it off, and the front-matter `lint:` entry.

#include <doctest/doctest.h>

#include "helpers.hpp"

using argmap::engine::check_options;
using argmap::test::diagnostics_of;

TEST_CASE("circular-support names the cycle at the line that closes it") {
  CHECK(diagnostics_of("[a] A.\n  + [b] B.\n    + [c] C.\n      + @a\n") ==
        "m.arg:4:7: warning: circular reasoning: 'a' supports 'c' supports 'b' supports 'a'; this "
        "line closes the circle\n"
        "    4 |       + @a\n"
        "      |       ^~~~\n");
  // The closing line may come first in the cycle's own order: the last line read is the one.
  CHECK(diagnostics_of("[a] A.\n  + [b] B.\n[c] C.\n  + @a\n[d] D.\n  + @c\n@b\n  + @d\n")
            .starts_with("m.arg:8:3: warning: circular reasoning:"));
}

TEST_CASE("an attack cycle is not circular reasoning") {
  CHECK(diagnostics_of("[a] A.\n  + S.\n  - [b] B.\n    - @a\n") == "");
}

TEST_CASE("orphan: a claim in no relation, in a map that has relations") {
  CHECK(diagnostics_of("[a] A.\n  + B.\n[o] Alone.\n") ==
        "m.arg:3:1: warning: claim 'o' takes part in no relation: nothing supports or attacks "
        "it and it supports or attacks nothing\n"
        "    3 | [o] Alone.\n"
        "      | ^~~~~~~~~~\n");
  CHECK(diagnostics_of("[a] A list of claims.\n[b] With no relations at all.\n") == "");
}

TEST_CASE("a top-level claim used as a premise elsewhere is no thesis") {
  CHECK(diagnostics_of("[t] T.\n  + @p\n[p] A premise written at the top level.\n") == "");
}

TEST_CASE("unsupported-thesis: a root that nothing supports") {
  CHECK(diagnostics_of("[t] Thesis.\n  - Only an objection.\n") ==
        "m.arg:1:1: warning: top-level claim 't' has no supporting reason\n"
        "    1 | [t] Thesis.\n"
        "      | ^~~~~~~~~~~\n");
}

TEST_CASE("empty-section: a heading with no claims below it, subsections included") {
  CHECK(diagnostics_of("# Part\n## Detail\n[a] A.\n  + B.\n# Empty\n") ==
        "m.arg:5:1: warning: section 'Empty' has no claims\n"
        "    5 | # Empty\n"
        "      | ^~~~~~~\n");
}

TEST_CASE("unknown-attribute comes from the parser and can be switched off too") {
  std::string text = "[a] A. {mood: calm}\n  + B.\n";
  CHECK(diagnostics_of(text).find("warning: unknown attribute 'mood'") != std::string::npos);
  check_options off;
  off.disabled = {"unknown-attribute"};
  CHECK(diagnostics_of(text, off) == "");
}

TEST_CASE("duplicate-text: the same text twice, ignoring case and spacing") {
  CHECK(diagnostics_of("[a] Prices rise.\n  + [b] Demand grows.\n  + [c] prices  RISE.\n") ==
        "m.arg:3:3: warning: claim 'c' has the same text as claim 'a'; to mean the same claim, "
        "write '@a' instead\n"
        "    3 |   + [c] prices  RISE.\n"
        "      |   ^~~~~~~~~~~~~~~~~~~\n"
        "m.arg:1:1: note: 'a' is written here\n"
        "    1 | [a] Prices rise.\n"
        "      | ^~~~~~~~~~~~~~~~\n");
}

TEST_CASE("long-text: more than 300 characters") {
  std::string text = "[a] " + std::string(301, 'x') + "\n  + B.\n";
  std::string d = diagnostics_of(text);
  CHECK(d.rfind("m.arg:1:1: warning: claim 'a' is 301 characters long (more than 300); split it "
                "into a claim and its reasons\n",
                0) == 0);
  CHECK(diagnostics_of("[a] " + std::string(300, 'x') + "\n  + B.\n") == "");
}

TEST_CASE("--no-warn switches warnings off by name") {
  check_options off;
  off.disabled = {"orphan"};
  CHECK(diagnostics_of("[a] A.\n  + B.\n[o] Alone.\n", off) == "");
}

TEST_CASE("front matter 'lint:' switches warnings off, and names a wrong entry") {
  CHECK(diagnostics_of("---\nlint: no-orphan, no-long-text\n---\n[a] A.\n  + B.\n[o] Alone.\n") ==
        "");
  CHECK(diagnostics_of("---\nlint: no-orphans\n---\n[a] A.\n  + B.\n") ==
        "m.arg:2:7: warning: 'no-orphans' is not a warning that lint can switch off (known: "
        "no-circular-support, no-orphan, no-unsupported-thesis, no-empty-section, "
        "no-unknown-attribute, no-duplicate-text, no-long-text, no-self-attack, no-looks-like-marker, "
        "no-reversed-reference)\n"
        "    2 | lint: no-orphans\n"
        "      |       ^~~~~~~~~~\n");
}

TEST_CASE("diagnostics come in source order across kinds") {
  std::string d = diagnostics_of("# Empty\n# Full\n[t] T.\n  - X.\n[o] O. {mood: x}\n");
  auto empty = d.find("section 'Empty'"), thesis = d.find("'t' has no supporting"),
       mood = d.find("unknown attribute"), orphan = d.find("claim 'o' takes part");
  CHECK(empty < thesis);
  CHECK(thesis < orphan);
  CHECK(orphan < mood);  // same line: column 1 before column 8
}

TEST_CASE("an unknown attribute close to a known one gets a suggestion") {
  CHECK(diagnostics_of("[a] A. {sourc: report}\n").find(
            "unknown attribute 'sourc'; did you mean 'source'?") != std::string::npos);
  CHECK(diagnostics_of("[a] A. {mood: calm}\n").find("did you mean") == std::string::npos);
}

TEST_CASE("an include that cannot be read: a suggestion, and no undefined references after it") {
  std::map<std::string, std::string> others = {{"_reasons.arg", "[reason] R.\n[objection] O.\n"}};
  std::string d = format_human(
      argmap::test::check("[m] M.\n  - @objection\n  + @reason\ninclude \"_reasns.arg\"\n", {}, others)
          .diagnostics);
  CHECK(d.find("m.arg:4:1: error: cannot include '_reasns.arg': No such file or directory; did you "
               "mean '_reasons.arg'?") == 0);
  CHECK(d.find("undefined reference") == std::string::npos);
  CHECK(d.find("note: 2 references to ids defined nowhere in what was read are not checked: "
               "@objection (m.arg:2), @reason (m.arg:3)") != std::string::npos);
  // Without a failed include, an undefined reference is an error as before.
  CHECK(diagnostics_of("[m] M.\n  - @nope\n").find("m.arg:2:5: error: undefined reference '@nope'") == 0);
}

TEST_CASE("a partial checked alone: one error that explains, not one per reference") {
  argmap::grammar::memory_loader loader;
  loader.files["_part.arg"] = "[p] Part.\n  - @m\n  + @other\n";
  auto m = argmap::engine::check_file("_part.arg", loader, {});
  REQUIRE(m.errors() == 1);
  CHECK(m.diagnostics[0].message.find("'_part.arg' is a partial (its name starts with '_'), meant to be "
                                      "included: its 2 references") == 0);
}

TEST_CASE("reversed-reference: an objection section that attacks a principle by reference") {
  std::string map =
      "# Principles\n[principle] Speech should be free.\n  + It lets errors be corrected.\n\n"
      "# Objections\n[distance] Online distance makes harm invisible.\n  - @principle\n";
  CHECK(diagnostics_of(map) ==
        "m.arg:7:3: warning: 'principle' (a top-level claim) now attacks 'distance': a reference "
        "under a claim makes the referenced claim relate to the claim above it. Did you mean that "
        "'distance' attacks 'principle'? Then write '-> @principle'\n"
        "    7 |   - @principle\n"
        "      |   ^~~~~~~~~~~~\n");
  // Written the other way round, as meant: no warning at all.
  std::string fixed = map;
  fixed.replace(fixed.find("  - @principle"), 14, "  -> @principle");
  CHECK(diagnostics_of(fixed) == "");
  // A thesis with a reason, or a claim attacked by a later claim: no warning.
  CHECK(diagnostics_of("[o] Objection.\n[t] Thesis.\n  + Reason.\n  - @o\n").find("reversed") ==
        std::string::npos);
  CHECK(diagnostics_of("[t] Thesis.\n  - @o\n[o] Objection.\n").find("reversed") == std::string::npos);
}
