#include "engine/format.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "grammar/lexical.hpp"
#include "grammar/parse.hpp"

namespace argmap::engine {

namespace {

namespace lexical = grammar::lexical;

// For an unlabelled root whose text reads `include "...`: where the quote
// is (such a line would be an include); else 0.
std::size_t include_quote(std::string_view text, bool root) {
  if (!root || text.rfind("include", 0) != 0) return 0;
  std::size_t quote = text.find_first_not_of(" \t", 7);
  return quote > 7 && quote != std::string_view::npos && text[quote] == '"' ? quote : 0;
}

// An attribute value: bare when the grammar reads it back as the same word
// (argmap's style quotes every value with a blank inside, too).
std::string value_text(const std::string& v) {
  bool bare = lexical::is_bare_value(v) && v.find_first_of(" \t") == std::string::npos;
  return bare ? v : quote_value(v);
}

// A front-matter value: the rest of the line, unless trimming would change it.
std::string front_matter_value(const std::string& v) {
  return lexical::is_bare_front_matter_value(v) ? v : quote_value(v);
}

// One output line and where it came from.
struct line {
  std::uint32_t source = 0;  // source line number
  int depth = 0;             // outline depth of a claim line; 0 for top-level lines
  bool heading = false;
  std::string text;
};

class formatter {
 public:
  formatter(const ast::document& doc, const std::vector<bool>& blank_before)
      : doc_(doc), blank_before_(blank_before) {}

  std::string run() {
    std::vector<line> body;
    for (const ast::item& it : doc_.items) {
      if (const auto* h = std::get_if<ast::heading>(&it)) {
        body.push_back({h->range.line, 0, true, std::string(h->level, '#') + " " + h->title});
      } else if (const auto* inc = std::get_if<ast::include>(&it)) {
        body.push_back({inc->range.line, 0, false, "include " + quote_value(inc->path)});
      } else {
        claim(std::get<ast::claim>(it), 0, body);
      }
    }
    std::string out = front_matter();
    std::vector<const ast::comment*> comments;
    for (const ast::comment& c : doc_.comments)
      if (!doc_.has_front_matter || c.range.line > doc_.meta.range.end_line) comments.push_back(&c);
    // Merge comments into the body by source line.
    std::size_t next_comment = 0;
    bool first = true;  // no blank line before the first entry (the front matter ends with one)
    auto emit = [&](const std::string& text, std::uint32_t source, bool heading, bool top) {
      bool blank = !first && (heading || (top && source < blank_before_.size() && blank_before_[source]));
      if (blank) out += "\n";
      out += text + "\n";
      first = false;
    };
    for (std::size_t i = 0; i <= body.size(); ++i) {
      std::uint32_t until = i < body.size() ? body[i].source : UINT32_MAX;
      while (next_comment < comments.size() && comments[next_comment]->range.line < until) {
        const ast::comment& c = *comments[next_comment++];
        // An indented comment takes the indentation of the claim line after it.
        int depth = (c.range.col > 1 && i < body.size()) ? body[i].depth : 0;
        std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        std::string text;
        std::size_t start = 0;
        bool first_line = true;
        while (start <= c.text.size()) {
          std::size_t nl = c.text.find('\n', start);
          if (nl == std::string::npos) nl = c.text.size();
          text += (first_line ? "" : "\n") + indent + (first_line ? "" : "   ") +
                  c.text.substr(start, nl - start);
          first_line = false;
          start = nl + 1;
        }
        emit(text, c.range.line, false, depth == 0);
      }
      if (i == body.size()) break;
      emit(std::string(static_cast<std::size_t>(body[i].depth) * 2, ' ') + body[i].text,
           body[i].source, body[i].heading, body[i].depth == 0);
    }
    return out;
  }

 private:
  std::string front_matter() {
    if (!doc_.has_front_matter) return "";
    std::string out = "---\n";
    std::vector<std::pair<std::uint32_t, std::string>> lines;
    for (const ast::attribute& a : doc_.meta.entries)
      lines.emplace_back(a.range.line, a.key + ": " + front_matter_value(a.value));
    for (const ast::comment& c : doc_.comments)
      if (c.range.line < doc_.meta.range.end_line) lines.emplace_back(c.range.line, c.text);
    std::sort(lines.begin(), lines.end());
    for (const auto& [n, text] : lines) out += text + "\n";
    out += "---\n";
    bool more = !doc_.items.empty() ||
                std::any_of(doc_.comments.begin(), doc_.comments.end(), [&](const ast::comment& c) {
                  return c.range.line > doc_.meta.range.end_line;
                });
    if (more) out += "\n";
    return out;
  }

  void claim(const ast::claim& c, int depth, std::vector<line>& out) {
    std::string text;
    if (c.rel != ast::relation::root) text += ast::marker_text(c.rel, c.outgoing) + " ";
    if (c.is_reference) {
      text += "@" + c.id;
    } else {
      if (!c.id.empty()) text += "[" + c.id + "] ";
      text += escape_claim_text(c.text, c.rel == ast::relation::root && c.id.empty());
      for (const std::string& t : c.tags()) text += " #" + t;
      if (!c.attributes().empty()) {
        // An author who wrote the attributes on a continuation line keeps them there.
        bool own_line = std::any_of(c.attributes().begin(), c.attributes().end(),
                                    [&](const ast::attribute& a) { return a.range.line > c.range.line; });
        text += attribute_lines(text, depth, c.attributes(), own_line);
      }
    }
    out.push_back({c.range.line, depth, false, std::move(text)});
    for (const ast::claim& child : c.children) claim(child, depth + 1, out);
  }

  // The attribute block of a claim whose line so far is `line` (at `depth`):
  // on that line when it fits in max_columns (and the author did not put it
  // on a line of its own), else on a continuation line of its own, else one
  // attribute per continuation line. Attributes never make a line longer than
  // max_columns (a long text or value alone may).
  static std::string attribute_lines(const std::string& line, int depth,
                                     const std::vector<ast::attribute>& attributes, bool own_line) {
    constexpr std::size_t max_columns = 100;
    std::vector<std::string> pairs;
    std::string block = "{";
    for (const ast::attribute& a : attributes) {
      pairs.push_back(a.key + ": " + value_text(a.value));
      block += (block.size() > 1 ? ", " : "") + pairs.back();
    }
    block += "}";
    auto indent = static_cast<std::size_t>(depth) * 2;
    if (!own_line && indent + utf8::length(line) + 1 + utf8::length(block) <= max_columns)
      return " " + block;
    std::string under = "\n" + std::string(indent + 2, ' ');
    if (indent + 2 + utf8::length(block) <= max_columns) return under + block;
    std::string out;
    for (const std::string& p : pairs) {
      out += under;
      out += '{';
      out += p;
      out += '}';
    }
    return out;
  }

  const ast::document& doc_;
  const std::vector<bool>& blank_before_;
};

// before[n]: source line n (1-based) comes right after a blank line.
std::vector<bool> blank_lines_before(const std::string& text) {
  std::vector<bool> before{false, false};  // lines 0 (unused) and 1
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view l(text.data() + pos, nl - pos);
    before.push_back(l.find_first_not_of(" \t\r") == std::string_view::npos);
    pos = nl + 1;
  }
  return before;
}

}  // namespace

std::string quote_value(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string tag_text(std::string_view text) {
  std::string tag;
  for (const char* p = text.data(); p < text.data() + text.size();) {
    const char* start = p;
    char32_t c = utf8::decode(p, text.data() + text.size());
    bool ascii = c < 0x80 && lexical::is_ascii_tag_char(static_cast<char>(c));
    if (ascii || utf8::is_tag_code_point(c)) tag.append(start, p);
    else tag += '-';
  }
  return tag;
}

std::string claim_text_as_read(std::string_view raw, bool root) {
  std::string text(raw);
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "(no text)";
  text = text.substr(first, text.find_last_not_of(" \t") + 1 - first);
  if (std::size_t quote = include_quote(text, root)) text.replace(7, quote - 7, " ");
  return text;
}

std::string escape_claim_text(const std::string& raw, bool root) {
  std::string text = claim_text_as_read(raw, root);
  // A root claim reading `include "path"` would become an include line, and
  // no escape applies to a letter: the text goes on a continuation line after
  // the word, which the parser joins back with one space.
  if (include_quote(text, root)) return "include\n    " + escape_claim_text(text.substr(8), false);
  // Every '#' from where the text would end on is a trailing tag's: escaped,
  // it is text.
  const std::size_t tags_from = lexical::text_end(text);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool at_start = i == 0;
    // A backslash goes before what would otherwise be syntax, and before a
    // literal backslash followed by a character it would escape.
    if (c == '{' || (c == '#' && i >= tags_from) || (at_start && (c == '[' || c == '@')) ||
        (at_start && root && (lexical::is_marker(c) || c == '#')) ||
        (c == '\\' && i + 1 < text.size() && lexical::is_escapable_in_text(text[i + 1]))) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

namespace {

// Text starting with U+FEFF would be read back as a byte-order mark and
// dropped: a real byte-order mark in front keeps it.
std::string keep_leading_bom(std::string out) {
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.insert(0, "\xEF\xBB\xBF");
  return out;
}

}  // namespace

std::string format_document(const ast::document& doc, const std::vector<bool>& blank_before) {
  return keep_leading_bom(formatter(doc, blank_before).run());
}

std::optional<std::string> format_text(const std::string& name, const std::string& text,
                                       std::vector<diagnostic>& diagnostics,
                                       const grammar::parse_options& options) {
  source_set sources;
  sources.files.emplace_back(name, text);
  grammar::parse_result r = parse(sources, 0, options);
  diagnostics = std::move(r.diagnostics);
  for (const diagnostic& d : diagnostics)
    if (d.level == severity::error) return std::nullopt;
  std::vector<bool> blank = blank_lines_before(text);
  return format_document(r.doc, blank);
}

}  // namespace argmap::engine
