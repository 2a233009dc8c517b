#include "grammar/lexical.hpp"

#include "core/utf8.hpp"

namespace argmap::grammar::lexical {

namespace {

template <typename Rest>
bool is_name(std::string_view s, Rest rest) {
  if (s.empty() || !is_name_start(s[0])) return false;
  for (char c : s.substr(1))
    if (!rest(c)) return false;
  return true;
}

std::size_t trim_end(std::string_view s, std::size_t end) {
  while (end > 0 && is_blank(s[end - 1])) --end;
  return end;
}

// If s[0, end) ends with a tag after a blank or at the start, the offset of
// its '#'; otherwise npos. A '#' right after a backslash is escaped: no tag.
std::size_t trailing_tag(std::string_view s, std::size_t end) {
  std::size_t start = end;
  while (start > 0 &&
         (is_ascii_tag_char(s[start - 1]) || static_cast<unsigned char>(s[start - 1]) >= 0x80))
    --start;
  if (start == end || start == 0 || s[start - 1] != '#') return std::string_view::npos;
  std::size_t hash = start - 1;
  if (hash > 0 && !is_blank(s[hash - 1])) return std::string_view::npos;
  if (!is_tag(s.substr(start, end - start))) return std::string_view::npos;
  return hash;
}

}  // namespace

bool is_id(std::string_view s) {
  return is_name(s, is_id_char);
}

bool is_key(std::string_view s) {
  return is_name(s, is_key_char);
}

bool is_tag(std::string_view s) {
  if (s.empty()) return false;
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p != end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      if (!is_ascii_tag_char(*p)) return false;
      ++p;
    } else if (!utf8::is_tag_code_point(utf8::decode(p, end))) {
      return false;
    }
  }
  return true;
}

bool is_bare_value(std::string_view v) {
  return !v.empty() && !is_blank(v.front()) && !is_blank(v.back()) &&
         v.find_first_of(bare_value_stops) == std::string_view::npos;
}

bool is_bare_front_matter_value(std::string_view v) {
  return !v.empty() && !is_blank(v.front()) && !is_blank(v.back()) && v.front() != '"';
}

std::size_t text_end(std::string_view line) {
  std::size_t end = trim_end(line, line.size());
  for (;;) {
    std::size_t hash = trailing_tag(line, end);
    if (hash == std::string_view::npos) return end;
    end = trim_end(line, hash);
  }
}

}  // namespace argmap::grammar::lexical
