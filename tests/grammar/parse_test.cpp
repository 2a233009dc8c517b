// The outline pass and line grammars: structure, text, tags, attributes,
// errors and recovery, and input that must never crash or hang.

#include <doctest/doctest.h>

#include <string>

#include "grammar/parse.hpp"
#include "helpers.hpp"

using argmap::test::diags_of;
using argmap::test::parse_text;

TEST_CASE("a root with a supporting and an attacking child") {
  auto p = parse_text("[t] Tea is good. #drinks\n  + It is warm.\n  - [c] It can be bitter.\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 [t] 1:1-1:25 \"Tea is good.\" #drinks\n"
        "  support 1.1 2:3-2:16 \"It is warm.\"\n"
        "  attack 1.2 [c] 3:3-3:26 \"It can be bitter.\"\n");
}

TEST_CASE("every relation marker") {
  auto p = parse_text("A\n  + s\n    ~ u\n  - a\n    - r\n  ! c\n  + p\n  & q\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 1:1-1:2 \"A\"\n"
        "  support 1.1 2:3-2:6 \"s\"\n"
        "    undercut 1.1.1 3:5-3:8 \"u\"\n"
        "  attack 1.2 4:3-4:6 \"a\"\n"
        "    attack 1.2.1 5:5-5:8 \"r\"\n"
        "  contradiction 1.3 6:3-6:6 \"c\"\n"
        "  support 1.4 7:3-7:6 \"p\"\n"
        "  co-premise 1.5 8:3-8:6 \"q\"\n");
}

TEST_CASE("a dedent returns to an open level, however deep") {
  auto p = parse_text("A\n   + b\n      + c\n         + d\n   + e\nF\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 1:1-1:2 \"A\"\n"
        "  support 1.1 2:4-2:7 \"b\"\n"
        "    support 1.1.1 3:7-3:10 \"c\"\n"
        "      support 1.1.1.1 4:10-4:13 \"d\"\n"
        "  support 1.2 5:4-5:7 \"e\"\n"
        "root 2 6:1-6:2 \"F\"\n");
}

TEST_CASE("a line more than one level deeper than the claim above is an error, not a child") {
  // The sibling 'c' is two spaces too deep: it would silently have become a child of 'b'.
  CHECK(diags_of("[a] A.\n  + [b] B.\n    + [c] C.\n") == "");
  CHECK(diags_of("[a] A.\n  + [b] B.\n    + [c] C.\n      + [d] D.\n        + E.\n          + F.\n") == "");
  CHECK(diags_of("[a] A.\n  + [b] B.\n    + [c] C.\n  + [x] X.\n      + [y] Y.\n") ==
        "t.arg:5:7: error: this line is indented 6 spaces, more than one level below the claim on "
        "line 4: a child of that claim is indented 4 (this file indents 2 spaces a level), and a "
        "sibling of it is indented 2\n"
        "    5 |       + [y] Y.\n"
        "      |       ^\n");
  // The step comes from the file's first indented claim line: four spaces here.
  CHECK(diags_of("A\n    + b\n        + c\n") == "");
  CHECK(diags_of("A\n    + b\n          + c\n").find("a child of that claim is indented 8 (this file "
                                                      "indents 4 spaces a level)") != std::string::npos);
  // Under a top-level claim.
  CHECK(diags_of("A\n  + b\nC\n      + d\n").find("and a top-level claim is not indented") !=
        std::string::npos);
  // Less than a full step is still a child, and continuation lines may go as deep as they like.
  CHECK(diags_of("A\n    + b\n      + c\n          more of c's text\n") == "");
}

TEST_CASE("a continuation line that looks like a bullet gets a warning") {
  for (const char* bullet : {"* ", "= ", "> ", "\u2022 ", "\u2013 ", "1. ", "12) "}) {
    std::string d = diags_of(std::string("[a] A claim.\n  ") + bullet + "A reason.\n");
    CHECK_MESSAGE(d.find("warning: '") != std::string::npos, bullet);
    CHECK(d.find("did you mean a relation marker, '+' (supports) or '-' (attacks)?") != std::string::npos);
  }
  CHECK(diags_of("[a] A claim\n  that goes on.\n") == "");
  CHECK(diags_of("[a] A claim\n  2021 was the year.\n") == "");
}

TEST_CASE("continuation lines join with one space and may carry tags and attributes") {
  auto p = parse_text("[a] First part\n  second part #t1\n      {weight: 0.5}\n  + child\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 [a] 1:1-3:20 \"First part second part\" #t1 {weight: 0.5}\n"
        "  support 1.1 4:3-4:10 \"child\"\n");
}

TEST_CASE("escapes make syntax characters literal; other backslashes stay") {
  auto p = parse_text("\\[x] \\{y} \\#z \\@w \\\\ C:\\dir\n");
  CHECK(p.diags == "");
  CHECK(p.ast == "file \"t.arg\"\nroot 1 1:1-1:28 \"[x] {y} #z @w \\\\ C:\\\\dir\"\n");
}

TEST_CASE("only trailing #words are tags") {
  auto p = parse_text("Issue #42 matters to C# users. #bugs #csharp\n");
  CHECK(p.ast ==
        "file \"t.arg\"\nroot 1 1:1-1:45 \"Issue #42 matters to C# users.\" #bugs #csharp\n");
  auto q = parse_text("Tags need a space: end.#not #a#b\n");
  CHECK(q.ast == "file \"t.arg\"\nroot 1 1:1-1:33 \"Tags need a space: end.#not #a#b\"\n");
}

TEST_CASE("attribute values: numbers, bare words, quoted strings with escapes") {
  auto p = parse_text("A {weight: 0.25, basis: case-study, source: \"x \\\"y\\\" \\\\ z\"}\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 1:1-1:60 \"A\" {weight: 0.25, basis: case-study, source: \"x \\\"y\\\" \\\\ "
        "z\"}\n");
  auto& c = std::get<argmap::ast::claim>(p.map.documents[0].items[0]);
  REQUIRE(c.attributes().size() == 3);
  CHECK(c.attributes()[2].value == "x \"y\" \\ z");
  CHECK(c.attributes()[2].quoted);
  CHECK(c.attributes()[0].value_range == argmap::source_range{0, 1, 12, 1, 16});
}

TEST_CASE("an unknown attribute is kept with a warning") {
  CHECK(diags_of("A {mood: calm}\n") ==
        "t.arg:1:4: warning: unknown attribute 'mood' (known: weight, status, basis, source, "
        "url, quote, note, color, scheme); it is kept but has no effect\n"
        "    1 | A {mood: calm}\n"
        "      |    ^~~~~~~~~~\n");
}

TEST_CASE("the parser recovers at the next line and reports every error") {
  CHECK(diags_of("A\n\t+ tab\n  +nospace\n  + ok\n+ root marker\n") ==
        "t.arg:2:1: error: tab used for indentation; argmap indents with spaces only\n"
        "    2 |  + tab\n"
        "      | ^\n"
        "t.arg:3:3: error: expected a space after the relation marker '+' (write \\+ to start "
        "the text with '+')\n"
        "    3 |   +nospace\n"
        "      |   ^\n"
        "t.arg:5:1: error: a top-level claim takes no relation marker; indent this line under "
        "the claim it relates to (or write \\+ to start the text with '+')\n"
        "    5 | + root marker\n"
        "      | ^\n");
}

TEST_CASE("a line with a bad attribute still anchors its children") {
  auto p = parse_text("A\n  + b {weight: 3}\n    + c\n");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 1:1-1:2 \"A\"\n"
        "  support 1.1 2:3-2:18 \"b\" {weight: 3}\n"
        "    support 1.1.1 3:5-3:8 \"c\"\n");
  CHECK(p.diags ==
        "t.arg:2:16: error: weight must be a number from 0 to 1, not '3'\n"
        "    2 |   + b {weight: 3}\n"
        "      |                ^\n");
}

TEST_CASE("columns after multi-byte characters count characters") {
  CHECK(diags_of("Ça coûte {weight: x}\n") ==
        "t.arg:1:19: error: weight must be a number from 0 to 1, not 'x'\n"
        "    1 | Ça coûte {weight: x}\n"
        "      |                   ^\n");
}

TEST_CASE("an indented line with nothing above it") {
  CHECK(diags_of("# S\n  + orphan\n") ==
        "t.arg:2:3: error: this line is indented, but there is no claim above it to relate to\n"
        "    2 |   + orphan\n"
        "      |   ^\n");
}

TEST_CASE("headings close the outline; includes too") {
  auto p = parse_text("A\n# S\n  + b\n");
  CHECK(p.diags.find("no claim above it") != std::string::npos);
}

TEST_CASE("a text that merely starts with 'include' is a claim") {
  auto p = parse_text("include everyone in the vote\n");
  CHECK(p.diags == "");
  CHECK(p.ast == "file \"t.arg\"\nroot 1 1:1-1:29 \"include everyone in the vote\"\n");
}

TEST_CASE("empty input and comment-only input parse to nothing") {
  CHECK(parse_text("").ast == "file \"t.arg\"\n");
  CHECK(parse_text("\n\n   \n").diags == "");
  CHECK(parse_text("// c\n/* a\n b */\n").ast ==
        "file \"t.arg\"\ncomment 1:1-1:5 \"// c\"\ncomment 2:1-3:6 \"/* a\\nb */\"\n");
}

TEST_CASE("a UTF-8 byte-order mark is skipped; CRLF line ends are accepted") {
  auto p = parse_text("\xEF\xBB\xBF[a] A.\r\n  + b\r\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\nroot 1 [a] 1:1-1:7 \"A.\"\n  support 1.1 2:3-2:6 \"b\"\n");
}

TEST_CASE("a file of NUL bytes is one clear error") {
  CHECK(diags_of(std::string(1000, '\0')) ==
        "t.arg:1:1: error: NUL byte at byte offset 0 of the file (is this a binary file?)\n"
        "    1 | " + std::string(120, ' ') + "...\n"
        "      | ^\n");
}

TEST_CASE("UTF-16 is recognised, with or without a byte-order mark") {
  std::string expected =
      "t.arg:1:1: error: file looks like UTF-16; argmap reads UTF-8 (convert it, e.g. with "
      "'iconv -f UTF-16 -t UTF-8')\n";
  CHECK(diags_of(std::string("\xFF\xFE" "A\0 \0", 6)) == expected);
  CHECK(diags_of(std::string("A\0 \0t\0e\0", 8)) == expected);
  CHECK(diags_of(std::string("\0A\0 \0t\0e", 8)) == expected);
}

// The grammar itself is linear in the line; these tests raise the line limit
// (64 KiB by default) to show it on lines of a megabyte.
argmap::grammar::parse_options long_lines() {
  argmap::grammar::parse_options o;
  o.max_line_bytes = std::size_t{4} << 20;
  return o;
}

TEST_CASE("a 1 MB single line parses when the line limit allows it") {
  std::string line = "[big] " + std::string(1 << 20, 'w') + " #tag {weight: 0.5}\n";
  auto p = parse_text(line, {}, long_lines());
  CHECK(p.diags == "");
  auto& c = std::get<argmap::ast::claim>(p.map.documents[0].items[0]);
  CHECK(c.text.size() == (1u << 20));
  CHECK(c.tags() == std::vector<std::string>{"tag"});
}

TEST_CASE("a 1 MB line of tag-like words ending in text is text, found in linear time") {
  std::string words;
  for (int i = 0; i < 350000; ++i) words += "#t ";
  auto p = parse_text("Start " + words + "end #last\n", {}, long_lines());
  CHECK(p.diags == "");
  REQUIRE(p.map.documents[0].items.size() == 1);
  auto& c = std::get<argmap::ast::claim>(p.map.documents[0].items[0]);
  CHECK(c.text == "Start " + words + "end");
  CHECK(c.tags() == std::vector<std::string>{"last"});
}

TEST_CASE("a line indented by 100,000 spaces is one level deeper, not 100,000") {
  auto p = parse_text("A\n" + std::string(100000, ' ') + "+ far right\n", {}, long_lines());
  CHECK(p.diags == "");
  CHECK(p.map.documents[0].items.size() == 1);
}

TEST_CASE("a line over the line limit is one error, and the lines after it are read") {
  auto p = parse_text("[a] A.\n  + " + std::string(70000, 'x') + "\n  + [b] B.\n");
  CHECK(p.map.diagnostics.size() == 1);
  CHECK(p.map.diagnostics[0].message ==
        "line too long: 70004 bytes; argmap reads lines of at most 65536 bytes");
  CHECK(p.map.diagnostics[0].range.line == 2);
  CHECK(p.map.diagnostics[0].range.col == 65537);
  CHECK(p.ast.find("[b]") != std::string::npos);
}

TEST_CASE("continuation lines cannot grow a claim's text past the line limit") {
  std::string text = "[a] Start.\n";
  for (int i = 0; i < 20; ++i) text += "    " + std::string(4000, 'y') + "\n";
  auto p = parse_text(text);
  REQUIRE(p.map.diagnostics.size() == 4);  // lines 18 to 21 would pass 65,536 bytes
  CHECK(p.map.diagnostics[0].range.line == 18);
  CHECK(p.map.diagnostics[0].message ==
        "claim text too long: a claim's text may have at most 65536 bytes, counting its "
        "continuation lines");
}

TEST_CASE("ids and references longer than 256 characters are refused") {
  std::string id(300, 'i');
  auto p = parse_text("[" + id + "] A.\n  + @" + id + "\n[" + std::string(256, 'k') + "] K.\n");
  REQUIRE(p.map.diagnostics.size() == 2);
  CHECK(p.map.diagnostics[0].message == "id too long: 300 characters; an id has at most 256");
  CHECK(p.map.diagnostics[0].range.line == 1);
  CHECK(p.map.diagnostics[1].range.line == 2);
  CHECK(p.map.diagnostics[1].range.col == 5);
}

TEST_CASE("the claim limit counts every file and stops reading at the first claim over it") {
  argmap::grammar::parse_options o;
  o.max_claims = 5;
  auto p = parse_text("[a] A.\n  + B.\ninclude \"i.arg\"\ninclude \"j.arg\"\n",
                      {{"i.arg", "[c] C.\n  + D.\n  + E.\n  + F.\n"}, {"j.arg", "[g] G.\n"}}, o);
  REQUIRE(p.map.diagnostics.size() == 1);
  CHECK(p.diags.starts_with("i.arg:4:3: error: too many claims: argmap reads at most 5 claims in a "
                            "map, counting every file it includes; reference lines do not count "
                            "(--max-nodes sets another limit)"));
  CHECK(p.map.sources.files.size() == 2);  // j.arg is not read
  o.max_claims = 7;
  CHECK(parse_text("[a] A.\n  + B.\ninclude \"i.arg\"\ninclude \"j.arg\"\n",
                   {{"i.arg", "[c] C.\n  + D.\n  + E.\n  + F.\n"}, {"j.arg", "[g] G.\n"}}, o)
            .diags == "");
}

TEST_CASE("reference lines do not count as claims, and have a limit of their own") {
  argmap::grammar::parse_options o;
  o.max_claims = 2;
  // Two claims and six references: within the limits.
  CHECK(parse_text("[a] A.\n  - @b\n  - @b\n[b] B.\n  - @a\n  - @a\n@a\n  + @b\n", {}, o).diags == "");
  // More references than four times the claim limit: refused, reading stops.
  std::string many = "[a] A.\n";
  for (int k = 0; k < 9; ++k) many += "  - @a\n";
  auto p = parse_text(many, {}, o);
  CHECK(p.diags.starts_with("t.arg:10:3: error: too many references: argmap reads at most 8 reference "
                            "lines in a map (4 times --max-nodes)"));
}

TEST_CASE("includes nest at most max_include_depth files deep") {
  std::map<std::string, std::string> files;
  for (int k = 1; k <= 10; ++k)
    files["f" + std::to_string(k) + ".arg"] =
        "[n" + std::to_string(k) + "] N.\ninclude \"f" + std::to_string(k + 1) + ".arg\"\n";
  files["f11.arg"] = "[end] End.\n";
  argmap::grammar::parse_options o;
  o.max_include_depth = 4;
  auto p = parse_text("include \"f1.arg\"\n", files, o);
  REQUIRE(p.map.diagnostics.size() == 1);
  CHECK(p.map.diagnostics[0].file == "f3.arg");
  CHECK(p.map.diagnostics[0].message ==
        "cannot include 'f4.arg': includes nest at most 4 files deep (the chain starts at 't.arg')");
  o.max_include_depth = 12;
  CHECK(parse_text("include \"f1.arg\"\n", files, o).diags == "");
}

TEST_CASE("deep nesting stops at the depth limit and the error cap") {
  // 3,000 levels, one space deeper each (4.5 MB); deeper nesting needs
  // quadratically more bytes and takes the same path.
  std::string text = "A\n";
  for (int i = 1; i <= 3000; ++i) text += std::string(i, ' ') + "+ x\n";
  auto p = parse_text(text);
  CHECK(argmap::count(p.map.diagnostics, argmap::severity::error) == 100);
  CHECK(p.map.diagnostics.front().message ==
        "nesting too deep: argmap accepts at most 256 levels below a top-level claim");
  CHECK(p.map.diagnostics.front().range.line == 258);
  CHECK(p.map.diagnostics.back().message ==
        "too many errors; stopped after 100 (the rest of the file is not checked)");
}

TEST_CASE("the depth and error limits are options") {
  argmap::grammar::parse_options o;
  o.max_depth = 2;
  o.max_errors = 1;
  auto p = parse_text("A\n + b\n  + c\n   + d\n    + e\n", {}, o);
  CHECK(p.map.diagnostics.size() == 2);
  CHECK(p.map.diagnostics[0].range.line == 4);
  CHECK(p.map.diagnostics[1].code == "too-many-errors");
}

TEST_CASE("the parser never throws on arbitrary bytes") {
  // A cheap deterministic stand-in for the fuzzer: every byte value in every
  // syntactic position.
  const std::string pieces[] = {"[", "]", "{", "}", "\"", "\\", "#", "@", "+ ", "- ", "& ",
                                "~ ", "! ", "\n", "  ", "\t", "/*", "*/", "//", "---\n", "a:",
                                "include \"", "\xFF", "\xC3", "\0", "\r", ",", ": "};
  unsigned seed = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = 0; k < 30; ++k) {
      seed = seed * 1103515245 + 12345;
      text += pieces[(seed >> 16) % std::size(pieces)];
    }
    CHECK_NOTHROW(parse_text(text));
  }
}

TEST_CASE("outgoing markers +>, ->, ~> are read as such and only as such") {
  auto p = parse_text("[a] A.\n  +> @b\n  -> [c] C.\n  ~> @d\n  + >not an outgoing marker\n");
  CHECK(p.diags == "");
  CHECK(p.ast.find("support> 1.1") != std::string::npos);
  CHECK(p.ast.find("attack> 1.2") != std::string::npos);
  CHECK(p.ast.find("undercut> 1.3") != std::string::npos);
  CHECK(p.ast.find("support 1.4 5:3-5:28 \">not an outgoing marker\"") != std::string::npos);
  CHECK(diags_of("-> @a\n").find("error: a top-level claim takes no relation marker: '->' says") !=
        std::string::npos);
  CHECK(diags_of("[a] A.\n  ->@b\n").find("expected a space after the relation marker") != std::string::npos);
}
