// What one line holds: the front matter's entries, and a claim line's id,
// text, tags and attributes, checked as they are read (line_reader.hpp).

#include <fmt/format.h>

#include "grammar/attributes.hpp"
#include "grammar/line_reader.hpp"
#include "grammar/suggest.hpp"

namespace argmap::grammar {

using syntax_failure = syntax::failure;

void line_reader::read_front_matter() {
  std::size_t save_pos = pos_;
  if (!next_line()) return;
  if (rtrim(line_) != "---") {
    pos_ = save_pos;
    line_no_ = 0;
    return;
  }
  source_range open = span(0, 3);
  // Find the closing line first: without one, the block is reported once and
  // the rest of the file is read as the outline.
  const char* base = text_.data();
  std::size_t scan = pos_;
  bool closed = false;
  while (scan < text_.size()) {
    const void* nl = std::memchr(base + scan, '\n', text_.size() - scan);
    std::size_t end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : text_.size();
    if (rtrim(std::string_view(base + scan, end - scan)) == "---") {
      closed = true;
      break;
    }
    scan = end + 1;
  }
  if (!closed) {
    error(open, "unterminated-front-matter",
          "the front matter opened here is never closed with a '---' line");
    return;
  }
  result_.doc.has_front_matter = true;
  result_.doc.meta.range = open;
  while (next_line()) {
    if (bad_bytes() || too_long()) continue;
    std::string_view content = trim(line_);
    if (content == "---") break;
    if (content.empty()) continue;
    if (content.starts_with("//")) {
      // Kept, like every comment, so that the formatter loses nothing.
      std::size_t at = static_cast<std::size_t>(content.data() - line_.data());
      result_.doc.comments.push_back({span(at, at + content.size()), false, std::string(content)});
      continue;
    }
    std::size_t lead = static_cast<std::size_t>(content.data() - line_.data());
    syntax::pair p;
    syntax_failure why;
    if (!syntax::parse_front_matter_line(content, p, why)) {
      grammar_error(lead, why);
      continue;
    }
    ast::attribute a = to_attribute(p, lead);
    if (!a.quoted) a.value = std::string(trim(a.value));
    for (const ast::attribute& prev : result_.doc.meta.entries) {
      if (prev.key == a.key) {
        error(a.range, "duplicate-key",
              fmt::format("'{}' is set twice in the front matter (first on line {})", a.key,
                          prev.range.line));
      }
    }
    result_.doc.meta.entries.push_back(std::move(a));
  }
  result_.doc.meta.range.end_line = line_no_;
  result_.doc.meta.range.end_col = 4;
}

ast::attribute line_reader::to_attribute(const syntax::pair& p, std::size_t base) const {
  ast::attribute a;
  a.key = p.key;
  a.quoted = p.val.quoted;
  a.value = p.val.quoted ? syntax::unescape_string(p.val.raw) : p.val.raw;
  std::size_t end = p.val.end, pair_end = p.end;
  if (!a.quoted) {
    // An unquoted value ends at ',' or '}': blanks before those are not part of it.
    std::size_t trimmed = rtrim(a.value).size();
    end -= a.value.size() - trimmed;
    if (pair_end > end) pair_end = end;
    a.value.resize(trimmed);
  }
  a.range = span(base + p.begin, base + pair_end);
  a.value_range = span(base + p.val.begin, base + end);
  return a;
}

// Fills a claim from its content, which starts at byte `base` of the line.
void line_reader::fill_claim(ast::claim& c, std::size_t base, std::string_view content) {
  c.range.end_line = line_no_;
  c.range.end_col = col_at(base + content.size());
  c.range.file = file_;
  if (content.empty()) {
    error(span(base > 0 ? base - 1 : 0, base), "empty-claim",
          "expected the claim text after the relation marker");
    c.text = "?";
    return;
  }
  syntax_failure why;
  if (content[0] == '@') {
    c.is_reference = true;
    c.label_col = col_at(base);
    if (!syntax::parse_reference(content, c.id, why)) {
      grammar_error(base, why);
    } else if (c.id.size() > options_.max_id_bytes) {
      id_too_long(base, c.id.size() + 1, c.id.size());
      c.id.clear();
    }
    return;
  }
  syntax::claim_content cc;
  if (!syntax::parse_claim_content(content, cc, why)) {
    grammar_error(base, why);
    c.text = "?";  // keep the node so its children attach where the author meant
    return;
  }
  if (cc.label) {
    c.label_col = col_at(base);
    if (cc.label->size() > options_.max_id_bytes) {
      id_too_long(base, cc.label->size() + 2, cc.label->size());
    } else if (!ast::is_valid_id(*cc.label)) {
      error(span(base, base + cc.label->size() + 2), "malformed-id",
            fmt::format("malformed id '[{}]': an id starts with a letter or '_' and has only "
                        "letters, digits, '_', '.' and '-' (write \\[ to start the text with "
                        "'[')",
                        *cc.label));
    } else {
      c.id = std::move(*cc.label);
    }
  }
  add_content(c, base, cc);
}

void line_reader::id_too_long(std::size_t base, std::size_t width, std::size_t length) {
  error(span(base, base + width), "id-too-long",
        fmt::format("id too long: {} characters; an id has at most {}", length,
                    options_.max_id_bytes));
}

void line_reader::add_content(ast::claim& c, std::size_t base, syntax::claim_content& cc) {
  std::string_view raw(cc.raw_text.begin(), cc.raw_text.size());
  if (!raw.empty() && c.text.size() + raw.size() > options_.max_line_bytes) {
    error(span(base, base + 1), "text-too-long",
          fmt::format("claim text too long: a claim's text may have at most {} bytes, counting "
                      "its continuation lines",
                      options_.max_line_bytes));
    raw = {};
  }
  if (!raw.empty()) {
    if (!c.text.empty()) c.text += ' ';
    syntax::append_unescaped_text(raw, c.text);
  }
  for (std::string& t : cc.tags) c.extras().tags.push_back(std::move(t));
  for (const syntax::pair& p : cc.attributes) {
    ast::attribute a = to_attribute(p, base);
    check_attribute(c, a);
    c.extras().attributes.push_back(std::move(a));
  }
}

void line_reader::check_attribute(const ast::claim& c, const ast::attribute& a) {
  for (const ast::attribute& prev : c.attributes()) {
    if (prev.key == a.key) {
      error(a.range, "duplicate-attribute",
            fmt::format("attribute '{}' is given twice for this claim", a.key));
      return;
    }
  }
  if (!is_known_attribute(a.key)) {
    static const std::vector<std::string> known = {"weight", "status", "basis", "source", "url",
                                                   "quote",  "note",   "color", "scheme"};
    auto near = closest(a.key, known);
    std::vector<fix> fixes;
    if (near) {  // keys are ASCII: a byte is a column
      const auto width = static_cast<std::uint32_t>(a.key.size());
      fixes.push_back({{0, a.range.line, a.range.col, a.range.line, a.range.col + width}, *near});
    }
    warning(a.range, "unknown-attribute",
            fmt::format("unknown attribute '{}'{} (known: weight, status, basis, source, url, "
                        "quote, note, color, scheme); it is kept but has no effect",
                        a.key, near ? fmt::format("; did you mean '{}'?", *near) : ""),
            std::move(fixes));
    return;
  }
  if (auto problem = check_attribute_value(a.key, a.value)) {
    error(a.value_range, "bad-attribute", *problem);
  }
}

}  // namespace argmap::grammar
