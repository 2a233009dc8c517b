#include "engine/interchange/map_builder.hpp"

#include <algorithm>

#include "engine/format.hpp"

namespace argmap::engine {

namespace {

// A value or a title as one line holds it: line breaks become spaces.
std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return out;
}

ast::attribute attribute_on(const source_range& line, std::string key, std::string_view value) {
  ast::attribute a;
  a.key = std::move(key);
  a.value = one_line(value);
  a.range = line;
  a.value_range = line;
  return a;
}

}  // namespace

source_range map_builder::next_line() {
  if (!body_) {
    body_ = true;
    if (doc_.has_front_matter) doc_.meta.range.end_line = ++line_;  // the closing `---`
  }
  ++line_;
  blank_before_.resize(line_ + 1, false);
  blank_before_[line_] = blank_;
  blank_ = false;
  return {0, line_, 1, line_, 2};
}

void map_builder::meta(std::string key, std::string_view value) {
  if (!doc_.has_front_matter) {
    doc_.has_front_matter = true;
    doc_.meta.range = {0, 1, 1, 1, 4};
  }
  source_range at{0, ++line_, 1, line_, 2};
  if (body_) blank_before_.resize(line_ + 1, false);
  doc_.meta.entries.push_back(attribute_on(at, std::move(key), value));
}

void map_builder::comment(std::string_view text) {
  ast::comment c;
  c.range = next_line();
  c.text = "// " + one_line(text);
  doc_.comments.push_back(std::move(c));
}

void map_builder::blank_line() {
  blank_ = true;
}

void map_builder::heading(unsigned level, std::string_view title) {
  ast::heading h;
  h.range = next_line();
  h.level = std::max(level, 1u);
  std::string t = one_line(title);
  std::size_t first = t.find_first_not_of(" \t");
  h.title =
      first == std::string::npos ? "" : t.substr(first, t.find_last_not_of(" \t") + 1 - first);
  path_.clear();  // the items vector may move: no claim line stays open over a heading
  doc_.items.emplace_back(std::move(h));
}

void map_builder::place(std::size_t depth, ast::claim c) {
  depth = std::min(depth, path_.size());
  if (depth == 0) {
    c.rel = ast::relation::root;
    c.outgoing = false;
    path_.clear();
    doc_.items.emplace_back(std::move(c));
    path_.push_back(&std::get<ast::claim>(doc_.items.back()));
    return;
  }
  if (c.rel == ast::relation::root) c.rel = ast::relation::support;
  ast::claim* parent = path_[depth - 1];
  path_.resize(depth);  // the parent's children may move; deeper lines are closed
  parent->children.push_back(std::move(c));
  path_.push_back(&parent->children.back());
}

void map_builder::claim(std::size_t depth, claim_line line) {
  ast::claim c;
  c.range = next_line();
  c.rel = line.rel;
  c.outgoing = line.outgoing;
  c.id = std::move(line.id);
  bool bare_root = std::min(depth, path_.size()) == 0 && c.id.empty();
  c.text = claim_text_as_read(line.text, bare_root);
  for (const std::string& t : line.tags) {
    std::string tag = tag_text(t);
    if (!tag.empty()) c.extras().tags.push_back(std::move(tag));
  }
  for (auto& [key, value] : line.attributes)
    c.extras().attributes.push_back(attribute_on(c.range, std::move(key), value));
  place(depth, std::move(c));
}

void map_builder::claim(std::size_t depth, ast::relation rel, std::string id,
                        std::string_view text) {
  claim_line line;
  line.rel = rel;
  line.id = std::move(id);
  line.text = text;
  claim(depth, std::move(line));
}

void map_builder::reference(std::size_t depth, ast::relation rel, std::string id, bool outgoing) {
  ast::claim c;
  c.range = next_line();
  c.rel = rel;
  c.outgoing = outgoing;
  c.is_reference = true;
  c.id = std::move(id);
  place(std::max<std::size_t>(depth, 1), std::move(c));
}

std::string map_builder::text() const {
  return format_document(doc_, blank_before_);
}

}  // namespace argmap::engine
