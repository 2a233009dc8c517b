// Loading a map across files: include resolution, once-only, cycles, ids.

#include <doctest/doctest.h>

#include "helpers.hpp"

using argmap::test::parse_text;

TEST_CASE("includes resolve relative to the including file") {
  auto p = parse_text("[a] Main.\ninclude \"sub/one.arg\"\n",
                      {{"sub/one.arg", "[b] One.\ninclude \"../two.arg\"\n"},
                       {"two.arg", "[c] Two.\n  + @a\n"}});
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 [a] 1:1-1:10 \"Main.\"\n"
        "include \"sub/one.arg\" 2:1-2:22\n"
        "file \"sub/one.arg\"\n"
        "root 2 [b] 1:1-1:9 \"One.\"\n"
        "include \"../two.arg\" 2:1-2:21\n"
        "file \"two.arg\"\n"
        "root 3 [c] 1:1-1:9 \"Two.\"\n"
        "  support 3.1 @a 2:3-2:7\n"
        "end-include \"../two.arg\"\n"
        "end-include \"sub/one.arg\"\n");
}

TEST_CASE("a file included twice is read once") {
  auto p = parse_text("include \"x.arg\"\ninclude \"./x.arg\"\n", {{"x.arg", "[x] X.\n"}});
  CHECK(p.diags == "");
  CHECK(p.map.documents.size() == 2);
}

TEST_CASE("an include cycle names the whole chain") {
  auto p = parse_text("[a] A.\ninclude \"b.arg\"\n",
                      {{"b.arg", "[b] B.\ninclude \"c.arg\"\n"}, {"c.arg", "include \"t.arg\"\n"}});
  CHECK(p.diags ==
        "c.arg:1:1: error: include cycle: 't.arg' includes 'b.arg' includes 'c.arg' includes "
        "'t.arg'\n"
        "    1 | include \"t.arg\"\n"
        "      | ^~~~~~~~~~~~~~~\n");
}

TEST_CASE("a file including itself is a cycle") {
  auto p = parse_text("[a] A.\ninclude \"t.arg\"\n");
  CHECK(p.diags ==
        "t.arg:2:1: error: include cycle: 't.arg' includes 't.arg'\n"
        "    2 | include \"t.arg\"\n"
        "      | ^~~~~~~~~~~~~~~\n");
}

TEST_CASE("a missing include says where it looked") {
  auto p = parse_text("include \"parts/../gone.arg\"\n");
  CHECK(p.diags ==
        "t.arg:1:1: error: cannot include 'parts/../gone.arg' (looked for 'gone.arg'): No such "
        "file or directory\n"
        "    1 | include \"parts/../gone.arg\"\n"
        "      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("ids are unique across includes; the note points at the first") {
  auto p = parse_text("[a] Main.\ninclude \"x.arg\"\n", {{"x.arg", "\n[a] Again.\n"}});
  CHECK(p.diags ==
        "x.arg:2:1: error: duplicate id 'a'\n"
        "    2 | [a] Again.\n"
        "      | ^~~\n"
        "t.arg:1:1: note: 'a' is first defined here\n"
        "    1 | [a] Main.\n"
        "      | ^~~\n");
}

TEST_CASE("errors in an included file carry that file's name") {
  auto p = parse_text("include \"x.arg\"\n", {{"x.arg", "[a] A.\n+ B.\n"}});
  CHECK(p.diags.rfind("x.arg:2:1: error: a top-level claim takes no relation marker", 0) == 0);
}

TEST_CASE("an unreadable first file is one error without a position") {
  argmap::grammar::memory_loader loader;
  auto map = argmap::grammar::load_map("nope.arg", loader);
  CHECK(argmap::format_human(map.diagnostics) ==
        "nope.arg: error: cannot read 'nope.arg': No such file or directory\n");
  CHECK(map.documents.empty());
}

TEST_CASE("a map read from memory (standard input) resolves includes against its name") {
  argmap::grammar::memory_loader loader;
  loader.files["dir/x.arg"] = "[x] X.\n";
  auto map =
      argmap::grammar::load_map_from_text("dir/<stdin>", "[a] A.\ninclude \"x.arg\"\n", loader);
  CHECK(map.ok());
  CHECK(map.documents.size() == 2);
}

TEST_CASE("the disk loader refuses directories and oversized files") {
  argmap::grammar::disk_loader small(4);
  std::string text;
  argmap::diagnostic why;
  CHECK_FALSE(small.read(".", text, why));
  CHECK(why.message == "it is a directory");
  CHECK(why.file == ".");
  CHECK(why.code == "io");
  CHECK_FALSE(small.read(TESTS_DIR "/golden/parse/claims.arg", text, why));
  CHECK(why.message == "file is larger than 4 bytes");
}
