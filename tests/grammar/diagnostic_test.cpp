// The human diagnostic format: location, source line, caret, notes, colour.

#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.hpp"

using argmap::diagnostic;
using argmap::format_human;
using argmap::severity;

namespace {

diagnostic at(std::string line_text, std::uint32_t col, std::uint32_t end_col) {
  diagnostic d;
  d.code = "test";
  d.message = "something is wrong";
  d.file = "map.arg";
  d.range = {0, 7, col, 7, end_col};
  d.line_text = std::move(line_text);
  return d;
}

}  // namespace

TEST_CASE("a range is underlined with a caret and tildes") {
  CHECK(format_human(at("  + [a b] text", 5, 10)) ==
        "map.arg:7:5: error: something is wrong\n"
        "    7 |   + [a b] text\n"
        "      |     ^~~~~\n");
}

TEST_CASE("columns count characters, so the caret lines up after accented text") {
  CHECK(format_human(at("caf\xC3\xA9 \xE6\x97\xA5 x", 7, 8)) ==
        "map.arg:7:7: error: something is wrong\n"
        "    7 | caf\xC3\xA9 \xE6\x97\xA5 x\n"
        "      |       ^\n");
}

TEST_CASE("notes follow their diagnostic; warnings say so") {
  diagnostic d = at("[a] again", 1, 4);
  d.level = severity::warning;
  diagnostic n = at("[a] first", 1, 4);
  n.level = severity::note;
  n.range.line = 2;
  n.range.end_line = 2;
  n.message = "first here";
  d.notes.push_back(n);
  CHECK(format_human(d) ==
        "map.arg:7:1: warning: something is wrong\n"
        "    7 | [a] again\n"
        "      | ^~~\n"
        "map.arg:2:1: note: first here\n"
        "    2 | [a] first\n"
        "      | ^~~\n");
}

TEST_CASE("a diagnostic without a position prints the file or the program name") {
  diagnostic d;
  d.message = "cannot read 'x.arg': No such file or directory";
  d.file = "x.arg";
  CHECK(format_human(d) == "x.arg: error: cannot read 'x.arg': No such file or directory\n");
  d.file.clear();
  CHECK(format_human(d) == "argmap: error: cannot read 'x.arg': No such file or directory\n");
}

TEST_CASE("colour wraps location, severity and caret in ANSI codes") {
  std::string s = format_human(at("abc", 2, 3), true);
  CHECK(s ==
        "\x1b[1mmap.arg:7:2: \x1b[1;31merror:\x1b[0m something is wrong\x1b[0m\n"
        "    7 | abc\n"
        "      |  \x1b[1;31m^\x1b[0m\n");
}

TEST_CASE("a very long line is shown as a window around the column") {
  std::string line(5000, 'x');
  line[3000] = 'Y';
  std::string s = format_human(at(line, 3001, 3002));
  std::string shown = s.substr(s.find('|') + 2);
  shown = shown.substr(0, shown.find('\n'));
  CHECK(shown.size() == 126);  // "..." + 120 characters + "..."
  CHECK(shown.substr(0, 3) == "...");
  CHECK(shown[3 + 40] == 'Y');
  std::string caret_line = s.substr(s.rfind('|') + 2);
  CHECK(caret_line == std::string(43, ' ') + "^\n");
}

TEST_CASE("control characters in the source line print as spaces") {
  CHECK(format_human(at("a\tb\x01" "c", 3, 4)) ==
        "map.arg:7:3: error: something is wrong\n"
        "    7 | a b c\n"
        "      |   ^\n");
}
