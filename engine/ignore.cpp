#include "engine/ignore.hpp"

namespace argmap {

bool glob_match(std::string_view g, std::string_view t) {
  if (g.empty()) return t.empty();
  if (g.starts_with("**")) {
    std::string_view rest = g.substr(2);
    if (rest.starts_with("/")) rest.remove_prefix(1);
    // `**` matches nothing, or any run of whole segments.
    if (glob_match(rest, t)) return true;
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i] == '/' && glob_match(rest, t.substr(i + 1))) return true;
    return rest.empty();
  }
  if (g[0] == '*') {
    for (std::size_t i = 0; i <= t.size(); ++i) {
      if (glob_match(g.substr(1), t.substr(i))) return true;
      if (i < t.size() && t[i] == '/') break;
    }
    return false;
  }
  if (t.empty()) return false;
  if (g[0] == '?') return t[0] != '/' && glob_match(g.substr(1), t.substr(1));
  return g[0] == t[0] && glob_match(g.substr(1), t.substr(1));
}

ignore_list::ignore_list(std::string_view text) {
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    pattern p;
    if (line.front() == '!') {
      p.negate = true;
      line.remove_prefix(1);
    }
    if (line.ends_with("/")) {
      p.directory_only = true;
      line.remove_suffix(1);
    }
    bool leading_slash = line.starts_with("/");
    if (leading_slash) line.remove_prefix(1);
    p.anchored = leading_slash || line.find('/') != std::string_view::npos;
    p.glob = std::string(line);
    if (!p.glob.empty()) patterns_.push_back(std::move(p));
  }
}

bool ignore_list::matches(const pattern& p, std::string_view path, bool directory) const {
  if (p.directory_only && !directory) return false;
  if (p.anchored) return glob_match(p.glob, path);
  std::size_t slash = path.rfind('/');
  return glob_match(p.glob, slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool ignore_list::ignored(std::string_view path, bool directory) const {
  // A path is ignored when it or one of its folders is.
  std::size_t slash = 0;
  while ((slash = path.find('/', slash)) != std::string_view::npos) {
    if (ignored(path.substr(0, slash), true)) return true;
    ++slash;
  }
  bool result = false;
  for (const pattern& p : patterns_)
    if (matches(p, path, directory)) result = !p.negate;
  return result;
}

}  // namespace argmap
