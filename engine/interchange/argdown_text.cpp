#include "engine/interchange/argdown_text.hpp"

namespace argmap::engine::argdown {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// Argdown's backslash escapes resolved.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i];
  }
  return out;
}

// A YAML scalar as Argdown front matter and data write it: double-quoted
// (with backslash escapes), single-quoted ('' for a quote) or plain.
std::string yaml_scalar(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
      if (v[i] == '\\' && i + 2 < v.size()) {
        char e = v[++i];
        out += e == 'n' ? ' ' : e == 't' ? '\t' : e;
        continue;
      }
      out += v[i];
    }
    return out;
  }
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
      out += v[i];
      if (v[i] == '\'' && i + 2 < v.size() && v[i + 1] == '\'') ++i;
    }
    return out;
  }
  return std::string(v);
}

// `key: value, key: "a, b"` split into pairs, commas inside quotes kept.
std::vector<std::pair<std::string, std::string>> flow_pairs(std::string_view data) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  char quote = 0;
  for (std::size_t i = 0; i <= data.size(); ++i) {
    char c = i < data.size() ? data[i] : ',';
    if (quote) {
      if (c == '\\' && quote == '"')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if (c != ',') continue;
    std::string pair = trim(data.substr(start, i - start));
    start = i + 1;
    if (pair.empty()) continue;
    std::size_t colon = pair.find(':');
    out.emplace_back(trim(pair.substr(0, colon)),
                     colon == std::string::npos ? "" : yaml_scalar(trim(pair.substr(colon + 1))));
  }
  return out;
}

}  // namespace argmap::engine::argdown
