#include "engine/interchange/kialo.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "engine/format.hpp"
#include "grammar/parse.hpp"

namespace argmap::engine {

namespace {

struct kialo_node {
  std::string number;  // "1.2.1"
  std::string parent;  // "1.2"; empty for the thesis
  char marker = 0;     // '+', '-' or 0 (the thesis)
  std::string text;
  std::string link;  // for "-> See 1.1."
  std::size_t line = 0;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  std::size_t b = s.find_first_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b);
}

std::string id_of(const std::string& number) {
  std::string id = "k";
  for (char c : number) id += c == '.' ? '_' : c;
  return id;
}

std::size_t depth_of(const std::string& number) {
  return static_cast<std::size_t>(std::count(number.begin(), number.end(), '.'));
}

// "1.2.3. rest" -> number "1.2.3", rest; false when the line has no number.
bool numbered(const std::string& line, std::string& number, std::string& rest) {
  std::size_t i = 0;
  while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.'))
    ++i;
  if (i == 0 || line[i - 1] != '.' || (i < line.size() && line[i] != ' ')) return false;
  number = line.substr(0, i - 1);
  rest = trim(line.substr(i));
  return !number.empty() && number.find("..") == std::string::npos;
}

// A numbered line "1.2. Con: text" as a node (number and rest already split).
kialo_node node_of(const std::string& number, std::string rest, std::size_t line_no) {
  kialo_node n;
  n.number = number;
  n.line = line_no;
  std::size_t dot = number.rfind('.');
  if (dot != std::string::npos) {
    n.parent = number.substr(0, dot);
    n.marker = '+';
    if (rest.rfind("Pro:", 0) == 0) {
      rest = trim(rest.substr(4));
    } else if (rest.rfind("Con:", 0) == 0) {
      n.marker = '-';
      rest = trim(rest.substr(4));
    }
  }
  if (rest.rfind("-> See ", 0) == 0) {
    n.link = trim(rest.substr(7));
    if (!n.link.empty() && n.link.back() == '.') n.link.pop_back();
  } else {
    n.text = std::move(rest);
  }
  return n;
}

// A Kialo plain-text export: its title and numbered claims.
struct discussion {
  std::string title;
  std::vector<kialo_node> nodes;
  std::map<std::string, std::size_t> by_number;
};

// Reads the lines of `text`; nothing, or the first error.
std::optional<diagnostic> read_lines(const std::string& text, const grammar::parse_options& limits,
                                     discussion& d) {
  std::size_t pos = 0, line_no = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    if (line.rfind("Discussion Title:", 0) == 0) {
      d.title = trim(line.substr(17));
      continue;
    }
    std::string number, rest;
    if (!numbered(line, number, rest)) {
      if (d.nodes.empty()) return at_line(line_no, "expected a numbered claim such as '1. text'");
      d.nodes.back().text += " " + line;  // a continuation of the claim above
      continue;
    }
    if (depth_of(number) > limits.max_depth)
      return at_line(line_no, "claim {} is nested deeper than argmap's {} levels",
                     number.substr(0, 40) + "...", limits.max_depth);
    if (!d.by_number.emplace(number, d.nodes.size()).second)
      return at_line(line_no, "claim number {} is used twice", number);
    d.nodes.push_back(node_of(number, std::move(rest), line_no));
  }
  return std::nullopt;
}

// Every parent and every link names a claim; nothing, or the first error.
std::optional<diagnostic> check_links(const discussion& d) {
  for (const kialo_node& n : d.nodes) {
    if (!n.parent.empty() && !d.by_number.count(n.parent))
      return at_line(n.line, "claim {} has no parent: no claim is numbered {}", n.number, n.parent);
    if (!n.link.empty() && !d.by_number.count(n.link))
      return at_line(n.line, "'-> See {}.' links to no claim", n.link);
    if (!n.link.empty() && !d.nodes[d.by_number.at(n.link)].link.empty())  // found by fuzz_import
      return at_line(n.line, "'-> See {}.' links to another link, not to a claim", n.link);
  }
  return std::nullopt;
}

// Written as a tree: each claim under its parent by number, whatever the
// order of the lines (1.1.1 after 1.2 still belongs under 1.1); siblings in
// file order. An explicit stack: no recursion however deep. Ids come from
// the numbers, cut to the id length limit and kept unique.
map_builder write(const discussion& d) {
  std::vector<std::string> ids;
  ids.reserve(d.nodes.size());
  id_maker maker;
  for (const kialo_node& n : d.nodes) ids.push_back(maker.make(id_of(n.number)));
  map_builder out;
  if (!d.title.empty()) {
    out.meta("title", d.title);
    out.meta("source", "Kialo");
  }
  std::vector<std::vector<std::size_t>> children(d.nodes.size());
  std::vector<std::size_t> roots;
  for (std::size_t k = 0; k < d.nodes.size(); ++k) {
    if (d.nodes[k].parent.empty())
      roots.push_back(k);
    else
      children[d.by_number.at(d.nodes[k].parent)].push_back(k);
  }
  std::vector<std::size_t> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    std::size_t k = stack.back();
    stack.pop_back();
    stack.insert(stack.end(), children[k].rbegin(), children[k].rend());
    const kialo_node& n = d.nodes[k];
    std::size_t depth = depth_of(n.number);
    ast::relation rel = n.marker == '-'   ? ast::relation::attack
                        : n.marker == '+' ? ast::relation::support
                                          : ast::relation::root;
    if (!n.link.empty())
      out.reference(depth, rel, ids[d.by_number.at(n.link)]);
    else
      out.claim(depth, rel, ids[k], n.text);
  }
  return out;
}

}  // namespace

std::optional<import_result> import_kialo(const std::string& text, diagnostic& error,
                                          const grammar::parse_options& limits) {
  discussion d;
  std::optional<diagnostic> problem = unreadable_text(text);
  if (!problem) problem = read_lines(text, limits, d);
  if (!problem) problem = check_links(d);
  if (problem) {
    error = std::move(*problem);
    return std::nullopt;
  }
  return finish_import(write(d), {}, error, limits);
}

}  // namespace argmap::engine
