#include <string>

#include "grammar/lexical.hpp"
#include "grammar/line_syntax.hpp"

namespace argmap::grammar::syntax {

namespace {

template <typename Pred>
void append_unescaped(std::string_view raw, Pred escapable, std::string& out) {
  if (raw.find('\\') == std::string_view::npos) {
    out.append(raw);
    return;
  }
  out.reserve(out.size() + raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size() && escapable(raw[i + 1])) ++i;
    out.push_back(raw[i]);
  }
}

template <typename Pred>
std::string unescape(std::string_view raw, Pred escapable) {
  std::string out;
  append_unescaped(raw, escapable, out);
  return out;
}

}  // namespace

std::string unescape_text(std::string_view raw) {
  return unescape(raw, lexical::is_escapable_in_text);
}

void append_unescaped_text(std::string_view raw, std::string& out) {
  append_unescaped(raw, lexical::is_escapable_in_text, out);
}

std::string unescape_string(std::string_view raw) {
  return unescape(raw, lexical::is_escapable_in_string);
}

}  // namespace argmap::grammar::syntax
