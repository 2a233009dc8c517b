#include "grammar/ast.hpp"

#include "grammar/lexical.hpp"

namespace argmap::ast {

char marker_of(relation r) {
  switch (r) {
    case relation::root:
      return '\0';
    case relation::support:
      return '+';
    case relation::attack:
      return '-';
    case relation::undercut:
      return '~';
    case relation::contradiction:
      return '!';
    case relation::co_premise:
      return '&';
  }
  return '\0';
}

std::string marker_text(relation r, bool outgoing) {
  char m = marker_of(r);
  if (m == '\0') return {};
  std::string s(1, m);
  if (outgoing) s += '>';
  return s;
}

const char* name_of(relation r) {
  switch (r) {
    case relation::root:
      return "root";
    case relation::support:
      return "support";
    case relation::attack:
      return "attack";
    case relation::undercut:
      return "undercut";
    case relation::contradiction:
      return "contradiction";
    case relation::co_premise:
      return "co-premise";
  }
  return "root";
}

claim::claim(const claim& other)
    : range(other.range),
      label_col(other.label_col),
      rel(other.rel),
      is_reference(other.is_reference),
      outgoing(other.outgoing),
      id(other.id),
      text(other.text),
      children(other.children),
      extras_(other.extras_ ? std::make_unique<claim_extras>(*other.extras_) : nullptr) {}

claim& claim::operator=(const claim& other) {
  if (this != &other) *this = claim(other);
  return *this;
}

const std::vector<std::string>& claim::tags() const {
  static const std::vector<std::string> none;
  return extras_ ? extras_->tags : none;
}

const std::vector<attribute>& claim::attributes() const {
  static const std::vector<attribute> none;
  return extras_ ? extras_->attributes : none;
}

claim_extras& claim::extras() {
  if (!extras_) extras_ = std::make_unique<claim_extras>();
  return *extras_;
}

bool is_valid_id(std::string_view id) {
  return grammar::lexical::is_id(id);
}

source_range label_range(const claim& c) {
  if (c.label_col == 0) return {c.range.file, 0, 0, 0, 0};
  // Ids are ASCII, so their length in bytes is their length in columns.
  auto width = static_cast<std::uint32_t>(c.id.size() + (c.is_reference ? 1 : 2));
  return {c.range.file, c.range.line, c.label_col, c.range.line, c.label_col + width};
}

std::string auto_id(const std::vector<std::uint32_t>& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i) out += '.';
    out += std::to_string(path[i]);
  }
  return out;
}

}  // namespace argmap::ast
