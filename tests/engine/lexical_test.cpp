// The lexical rules are written once (grammar/lexical.hpp); these tests feed
// every character class through both of their users — the formatter's
// escaping and the grammar's reading — and check that they agree.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/format.hpp"
#include "grammar/lexical.hpp"
#include "grammar/parse.hpp"

namespace lexical = argmap::grammar::lexical;

namespace {

// One representative of every class of character the rules tell apart:
// every printable ASCII character and the tab, letters and digits of other
// scripts (tag characters), and code points that are not (a dash, an emoji,
// a no-break space, a combining mark); with `line_breaks`, CR and LF too.
std::vector<std::string> characters(bool line_breaks = false) {
  std::vector<std::string> cs;
  for (char c = 0x20; c < 0x7f; ++c) cs.emplace_back(1, c);
  cs.emplace_back("\t");
  for (const char* s : {"é", "中", "ß", "٣", "—", "😀", "\u00a0", "\u0301", "«"}) cs.emplace_back(s);
  if (line_breaks) cs.insert(cs.end(), {"\r", "\n"});
  return cs;
}

// The first claim of `text` parsed alone, or null with the diagnostics in `why`.
struct parsed {
  bool ok = false;
  std::string why;
  argmap::ast::claim claim;
};

parsed parse_first(const std::string& text, bool nested) {
  argmap::source_set set;
  set.files.emplace_back("t.arg", nested ? "[r] R.\n  + " + text + "\n" : text + "\n");
  argmap::grammar::parse_result r = argmap::grammar::parse(set, 0);
  parsed p;
  for (const argmap::diagnostic& d : r.diagnostics)
    if (d.level == argmap::severity::error) p.why += d.message + "\n";
  if (!p.why.empty() || r.doc.items.size() != 1) {
    p.why += "items: " + std::to_string(r.doc.items.size());
    return p;
  }
  const auto* c = std::get_if<argmap::ast::claim>(&r.doc.items[0]);
  if (!c) return p;
  p.claim = nested ? c->children.at(0) : *c;
  p.ok = true;
  return p;
}

// Text as a claim line holds it: line breaks become spaces, blanks at either
// end go.
std::string as_read(std::string s) {
  for (char& c : s)
    if (c == '\r' || c == '\n') c = ' ';
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

TEST_CASE("claim text escaped by the formatter reads back as itself, whatever it holds") {
  const std::vector<std::string> shapes = {
      "%",  "%x", "x%",     "x %", "x #%", "x #t%", "x #%t",   "%#t", "x \\%",
      "#%", "[%", "x % #t", "% x", "x %%", "\\%",   "x #t #%", "@%",  "x\\#% #t%"};
  std::size_t checked = 0;
  for (const std::string& c : characters(true)) {
    for (std::string shape : shapes) {
      std::string text;
      for (char s : shape) text += s == '%' ? c : std::string(1, s);
      std::string expected = as_read(text);
      if (expected.empty()) continue;  // blank text is written as "(no text)"
      for (bool nested : {false, true}) {
        for (bool with_id : {false, true}) {
          std::string line = (with_id ? "[a] " : "") +
                             argmap::engine::escape_claim_text(text, !nested && !with_id);
          parsed p = parse_first(line, nested);
          INFO("text: [" << text << "] written: [" << line << "]");
          REQUIRE_MESSAGE(p.ok, p.why);
          CHECK(p.claim.text == expected);
          CHECK(p.claim.tags().empty());
          CHECK(p.claim.id == (with_id ? "a" : ""));
          // No '#' is escaped that the grammar would have read as text anyway.
          std::size_t hash = line.rfind("\\#");
          if (text.find('\\') == std::string::npos && hash != std::string::npos) {
            parsed bare = parse_first(line.substr(0, hash) + line.substr(hash + 1), nested);
            CHECK_FALSE((bare.ok && bare.claim.text == expected && bare.claim.tags().empty()));
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 5000);
}

TEST_CASE("a trailing #word is a tag exactly when lexical::is_tag says so, for the grammar too") {
  for (const std::string& c : characters()) {
    if (c == "{") continue;  // starts an attribute block
    for (const std::string& word : {"t" + c, c + "t", c}) {
      parsed p = parse_first("Text #" + word, false);
      INFO("word: [" << word << "]");
      REQUIRE_MESSAGE(p.ok, p.why);
      bool tag = lexical::is_tag(word);
      CHECK((p.claim.tags() == std::vector<std::string>{word}) == tag);
      if (tag) CHECK(p.claim.text == "Text");
      // lexical::text_end agrees with what the grammar kept as text.
      std::string line = "Text #" + word;
      CHECK(trimmed(line.substr(0, lexical::text_end(line))) == p.claim.text);
      // What the formatter makes of any word is a tag that reads back as itself.
      std::string written = argmap::engine::tag_text(word);
      CHECK(lexical::is_tag(written));
      parsed q = parse_first("Text #" + written, false);
      REQUIRE(q.ok);
      CHECK(q.claim.tags() == std::vector<std::string>{written});
    }
  }
}

TEST_CASE("ids and keys: the grammar accepts exactly what lexical::is_id and is_key accept") {
  for (const std::string& c : characters()) {
    for (const std::string& id : {"a" + c, c + "a", "a" + c + "b"}) {
      INFO("id: [" << id << "]");
      // Read as exactly this id (a ']' ends the label, blanks around a key
      // are skipped: those read as something else, or fail).
      parsed p = parse_first("[" + id + "] Text.", false);
      CHECK((p.ok && p.claim.id == id) == lexical::is_id(id));
      CHECK(argmap::ast::is_valid_id(id) == lexical::is_id(id));
      parsed q = parse_first("Text. {" + id + ": v}", false);
      bool read_as_key =
          q.ok && q.claim.attributes().size() == 1 && q.claim.attributes()[0].key == id;
      CHECK(read_as_key == lexical::is_key(id));
    }
  }
}

TEST_CASE("attribute and front-matter values: bare exactly when they read back bare") {
  for (const std::string& c : characters()) {
    for (const std::string& value : {"a" + c + "b", c + "a", "a" + c, c}) {
      INFO("value: [" << value << "]");
      if (lexical::is_bare_value(value)) {
        parsed p = parse_first("Text. {k: " + value + "}", false);
        REQUIRE_MESSAGE(p.ok, p.why);
        CHECK(p.claim.attributes().at(0).value == value);
      }
      // Quoted, any value reads back.
      parsed q = parse_first("Text. {k: " + argmap::engine::quote_value(value) + "}", false);
      REQUIRE_MESSAGE(q.ok, q.why);
      CHECK(q.claim.attributes().at(0).value == value);
      if (lexical::is_bare_front_matter_value(value)) {
        argmap::source_set set;
        set.files.emplace_back("t.arg", "---\nk: " + value + "\n---\nT.\n");
        argmap::grammar::parse_result r = argmap::grammar::parse(set, 0);
        REQUIRE(r.doc.meta.entries.size() == 1);
        CHECK(r.doc.meta.entries[0].value == value);
      }
    }
  }
}
