// Every warning, how to switch it off, and the front-matter `lint:` entry.

#include <doctest/doctest.h>

#include "helpers.hpp"

using argmap::check_options;
using argmap::test::diagnostics_of;

TEST_CASE("circular-support names the cycle") {
  CHECK(diagnostics_of("[a] A.\n  + [b] B.\n    + [c] C.\n      + @a\n") ==
        "m.arg:1:1: warning: circular reasoning: 'a' supports 'c' supports 'b' supports 'a'\n"
        "    1 | [a] A.\n"
        "      | ^~~~~~\n");
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
        "no-unknown-attribute, no-duplicate-text, no-long-text, no-self-attack, no-looks-like-marker)\n"
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
