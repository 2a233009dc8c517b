#include "engine/interchange/json_input.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "core/utf8.hpp"

namespace argmap::engine {

namespace {

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The first code point argmap text cannot hold, line ends and tabs aside.
utf8::forbidden find_unholdable(std::string_view s) {
  std::size_t pos = 0;
  for (;;) {
    utf8::forbidden f = utf8::find_forbidden(s.substr(pos));
    if (f.offset == std::string_view::npos) return f;
    f.offset += pos;
    if (f.code_point != '\n' && f.code_point != '\r') return f;
    pos = f.offset + 1;
  }
}

std::string describe(const utf8::forbidden& f) {
  if (utf8::is_noncharacter(f.code_point))
    return fmt::format("U+{:04X} is a Unicode noncharacter, which argmap text cannot hold",
                       static_cast<unsigned>(f.code_point));
  return fmt::format("control character U+{:04X}{}, which argmap text cannot hold",
                     static_cast<unsigned>(f.code_point), utf8::control_name(f.code_point));
}

// Decodes the JSON string starting at text[pos] == '"'; leaves pos after it.
std::string read_string(const std::string& text, std::size_t& pos) {
  std::string out;
  ++pos;
  while (pos < text.size() && text[pos] != '"') {
    char c = text[pos++];
    if (c != '\\' || pos >= text.size()) {
      out += c;
      continue;
    }
    char e = text[pos++];
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        auto hex = [&](std::size_t at) {
          return at + 4 <= text.size() ? std::strtoul(text.substr(at, 4).c_str(), nullptr, 16)
                                       : 0UL;
        };
        unsigned long cp = hex(pos);
        pos += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && pos + 6 <= text.size() && text[pos] == '\\' &&
            text[pos + 1] == 'u') {
          unsigned long lo = hex(pos + 2);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          pos += 6;
        }
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xF0 | (cp >> 18));
          out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default:
        out += e;
    }
  }
  ++pos;  // the closing quote
  return out;
}

std::vector<std::string> pointer_tokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::size_t pos = 1;
  for (;;) {
    std::size_t slash = pointer.find('/', pos);
    std::string t =
        pointer.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    std::string u;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '~' && k + 1 < t.size())
        u += t[++k] == '1' ? '/' : '~';
      else
        u += t[k];
    }
    tokens.push_back(u);
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  return tokens;
}

}  // namespace

std::string line_column(const std::string& text, std::size_t offset) {
  diagnostic at = error_at_offset(text, offset, "");
  return fmt::format("line {}, column {}", at.range.line, at.range.col);
}

std::optional<std::size_t> locate_json_pointer(const std::string& text,
                                               const std::string& pointer) {
  std::vector<std::string> target = pointer_tokens(pointer);
  struct frame {
    bool object;
    std::size_t index = 0;
    std::string key;
  };
  std::vector<frame> path;
  std::size_t pos = 0;
  auto skip_ws = [&] {
    while (pos < text.size() && is_ws(text[pos])) ++pos;
  };
  auto here = [&] {
    if (path.size() != target.size()) return false;
    for (std::size_t k = 0; k < path.size(); ++k)
      if ((path[k].object ? path[k].key : std::to_string(path[k].index)) != target[k]) return false;
    return true;
  };
  auto read_key = [&] {
    skip_ws();
    if (pos < text.size() && text[pos] == '"') path.back().key = read_string(text, pos);
    skip_ws();
    if (pos < text.size() && text[pos] == ':') ++pos;
  };
  while (pos < text.size()) {
    skip_ws();
    if (pos >= text.size()) break;
    if (here()) return pos;
    char c = text[pos];
    if (c == '{' || c == '[') {
      path.push_back(frame{c == '{', 0, {}});
      ++pos;
      skip_ws();
      if (pos < text.size() && (text[pos] == '}' || text[pos] == ']')) {
        ++pos;
        path.pop_back();
      } else {
        if (c == '{') read_key();
        continue;
      }
    } else if (c == '"') {
      read_string(text, pos);
    } else {
      while (pos < text.size() && !is_ws(text[pos]) && text[pos] != ',' && text[pos] != ']' &&
             text[pos] != '}')
        ++pos;
    }
    // A value ended: move to the next element, closing containers.
    for (;;) {
      skip_ws();
      if (path.empty() || pos >= text.size()) return std::nullopt;
      if (text[pos] == ',') {
        ++pos;
        if (path.back().object)
          read_key();
        else
          ++path.back().index;
        break;
      }
      ++pos;  // '}' or ']'
      path.pop_back();
    }
  }
  return std::nullopt;
}

bool json_input::parse(const std::string& text, diagnostic& error, unsigned max_depth) {
  text_ = text;
  if (std::size_t bad = utf8::find_invalid(text); bad != std::string::npos) {
    error = error_at_offset(text, bad,
                            fmt::format("not valid UTF-8 (byte 0x{:02X}); argmap reads UTF-8",
                                        static_cast<unsigned char>(text[bad])));
    return false;
  }
  if (utf8::forbidden f = find_unholdable(text); f.offset != std::string::npos) {
    error = error_at_offset(text, f.offset, describe(f));
    return false;
  }
  // Depth and numbers, before nlohmann builds anything.
  unsigned depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) {
        error = error_at_offset(text, i, fmt::format("nested deeper than {} levels", max_depth));
        return false;
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      const char* start = text.c_str() + i;
      char* end = nullptr;
      errno = 0;
      double v = std::strtod(start, &end);
      if (errno == ERANGE && std::isinf(v)) {
        error = error_at_offset(text, i, "a number too large to read");
        return false;
      }
      if (end > start) i += static_cast<std::size_t>(end - start) - 1;
    }
  }
  try {
    root_ = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    std::size_t at = what.find("syntax error");
    error =
        error_at_offset(text, e.byte > 0 ? e.byte - 1 : 0,
                        "malformed JSON" + (at == std::string::npos ? "" : ": " + what.substr(at)));
    return false;
  } catch (const nlohmann::json::exception&) {
    error = import_problem("malformed JSON: a number is too large to read");
    return false;
  }
  return true;
}

diagnostic json_input::error_at(const std::string& pointer, const std::string& what) const {
  std::string shown = pointer.empty() ? "the document" : pointer;
  if (auto at = locate_json_pointer(text_, pointer))
    return error_at_offset(text_, *at, shown + ": " + what);
  return import_problem(shown + ": " + what);
}

bool json_input::check_text(const std::string& value, const std::string& pointer,
                            diagnostic& error) const {
  utf8::forbidden f = find_unholdable(value);
  if (f.offset == std::string::npos) return true;
  error = error_at(pointer, describe(f));
  return false;
}

const nlohmann::json* json_input::member(const nlohmann::json& parent, const std::string& pointer,
                                         const char* key, const char* what, bool optional,
                                         diagnostic& error) const {
  if (parent.is_object() && parent.contains(key)) return &parent[key];
  if (!optional) error = error_at(pointer, fmt::format("expected {} \"{}\"", what, key));
  return nullptr;
}

std::optional<std::string> json_input::string_at(const nlohmann::json& parent,
                                                 const std::string& pointer, const char* key,
                                                 diagnostic& error,
                                                 std::optional<std::string> fallback,
                                                 bool one_line) const {
  std::string p = pointer + "/" + key;
  const nlohmann::json* m = member(parent, pointer, key, "a string", fallback.has_value(), error);
  if (!m) return fallback;
  const nlohmann::json& v = *m;
  if (!v.is_string()) {
    error = error_at(p, "expected a string");
    return std::nullopt;
  }
  std::string s = v.get<std::string>();
  if (!check_text(s, p, error)) return std::nullopt;
  if (one_line)
    for (char& c : s)
      if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::optional<long long> json_input::integer_at(const nlohmann::json& parent,
                                                const std::string& pointer, const char* key,
                                                long long lo, long long hi, diagnostic& error,
                                                std::optional<long long> fallback) const {
  std::string p = pointer + "/" + key;
  const nlohmann::json* m = member(parent, pointer, key, "a number", fallback.has_value(), error);
  if (!m) return fallback;
  const nlohmann::json& v = *m;
  std::string range = fmt::format("expected a whole number from {} to {}", lo, hi);
  if (v.is_number_unsigned()) {
    auto u = v.get<unsigned long long>();
    if (u > static_cast<unsigned long long>(hi) ||
        (lo > 0 && u < static_cast<unsigned long long>(lo))) {
      error = error_at(p, range);
      return std::nullopt;
    }
    return static_cast<long long>(u);
  }
  if (v.is_number_integer()) {
    auto i = v.get<long long>();
    if (i < lo || i > hi) {
      error = error_at(p, range);
      return std::nullopt;
    }
    return i;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || std::floor(d) != d) {
      error = error_at(p, range);
      return std::nullopt;
    }
    return static_cast<long long>(d);
  }
  error = error_at(p, range);
  return std::nullopt;
}

std::optional<bool> json_input::boolean_at(const nlohmann::json& parent, const std::string& pointer,
                                           const char* key, diagnostic& error,
                                           std::optional<bool> fallback) const {
  std::string p = pointer + "/" + key;
  const nlohmann::json* m =
      member(parent, pointer, key, "true or false", fallback.has_value(), error);
  if (!m) return fallback;
  if (!m->is_boolean()) {
    error = error_at(p, "expected true or false");
    return std::nullopt;
  }
  return m->get<bool>();
}

}  // namespace argmap::engine
