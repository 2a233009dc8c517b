#include "engine/interchange/argdown_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/format.hpp"
#include "grammar/ast.hpp"
#include "grammar/attributes.hpp"
#include "grammar/utf8.hpp"

namespace argmap::engine {

namespace {

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
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
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

// What argmap's front matter and attribute blocks accept as a key.
bool is_front_matter_key(std::string_view key) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (key.empty() || !alpha(key[0])) return false;
  for (char c : key)
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '-') return false;
  return true;
}

enum class kind { support, attack, undercut, contradiction };

struct relation {
  std::string from, to;  // node keys
  kind k;
};

struct node {
  std::string key;  // "[title]" or "<title>"
  std::string id;   // argmap id
  std::string text;
  std::vector<std::string> tags;
  std::vector<std::string> premises;  // for an argument in premise-conclusion form
  std::string conclusion;
  std::vector<std::pair<std::string, std::string>> attributes;  // from Argdown data
};

class reader {
 public:
  reader(const std::string& text, const grammar::parse_options& limits)
      : text_(text), limits_(limits) {}

  std::optional<import_result> run(diagnostic& error) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= text_.size()) {
      std::size_t nl = text_.find('\n', pos);
      if (nl == std::string::npos) nl = text_.size();
      lines.push_back(text_.substr(pos, nl - pos));
      pos = nl + 1;
    }
    std::vector<std::pair<std::size_t, std::string>> stack;  // (indent, node key)
    std::string argument;  // the argument whose premise-conclusion form is being read
    int pcs_state = 0;     // 0 none, 1 premises, 2 after the inference line
    bool in_block_comment = false, in_front_matter = false;
    for (std::size_t n = 0; n < lines.size(); ++n) {
      std::size_t line_no = n + 1;
      std::string raw = lines[n];
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::string line = trim(raw);
      if (in_block_comment) {
        if (line.find("*/") != std::string::npos) in_block_comment = false;
        continue;
      }
      if (line_no == 1 && line == "===") {
        in_front_matter = true;
        continue;
      }
      if (in_front_matter) {
        if (line == "===") {
          in_front_matter = false;
        } else if (std::size_t colon = line.find(':'); colon != std::string::npos) {
          // YAML `key: value`; keys argmap's front matter can hold are kept.
          std::string key = trim(line.substr(0, colon));
          std::string value = yaml_scalar(trim(line.substr(colon + 1)));
          if (is_front_matter_key(key) && !value.empty()) front_matter_.emplace_back(key, value);
        }
        continue;
      }
      if (line.empty()) {
        stack.clear();
        if (pcs_state == 2) pcs_state = 0, argument.clear();
        continue;
      }
      if (line.rfind("//", 0) == 0) continue;
      if (line.rfind("/*", 0) == 0) {
        in_block_comment = line.find("*/", 2) == std::string::npos;
        continue;
      }
      std::size_t indent = raw.find_first_not_of(" \t");
      if (line[0] == '#' && indent == 0 && line.size() > 1 && (line[1] == '#' || line[1] == ' ')) {
        std::size_t level = line.find_first_not_of('#');
        std::string title = level == std::string::npos ? "" : trim(line.substr(level));
        if (title.empty()) continue;  // "##" alone: a heading without a title, nothing to keep
        if (level > 1000)
          return fail(error, line_no,
                      fmt::format("a heading of {} '#' (argmap reads at most 1000)", level));
        heading(level, title);
        stack.clear();
        continue;
      }
      // Premise-conclusion form: "(1) statement", an inference line "----" or "-- ... --".
      if (line[0] == '(' && !argument.empty()) {
        std::size_t close = line.find(')');
        if (close == std::string::npos)
          return fail(error, line_no, "expected ')' after the number");
        std::string key = statement(trim(line.substr(close + 1)), line_no);
        if (key.empty()) return fail(error, line_no, "expected a statement after the number");
        // A statement of the premise-conclusion form can have relations of its own.
        stack.clear();
        stack.emplace_back(indent, key);
        if (pcs_state == 1)
          nodes_[argument].premises.push_back(key);
        else if (pcs_state == 2) {
          nodes_[argument].conclusion = key;
          pcs_state = 1;                            // a following premise line starts a new step
          nodes_[argument].premises.push_back("");  // marks a multi-step argument
        }
        continue;
      }
      if (line.rfind("--", 0) == 0 && !argument.empty()) {
        pcs_state = 2;
        continue;
      }
      // A relation line: SYMBOL element.
      static const std::vector<std::pair<std::string, std::pair<kind, bool>>> symbols = {
          {"<+", {kind::support, false}},       {"<-", {kind::attack, false}},
          {"<_", {kind::undercut, false}},      {"+>", {kind::support, true}},
          {"->", {kind::attack, true}},         {"_>", {kind::undercut, true}},
          {"><", {kind::contradiction, false}}, {"+", {kind::support, false}},
          {"-", {kind::attack, false}},         {"_", {kind::undercut, false}}};
      bool related = false;
      for (const auto& [sym, meaning] : symbols) {
        if (line.rfind(sym, 0) != 0 || line.size() <= sym.size() || line[sym.size()] != ' ')
          continue;
        while (!stack.empty() && stack.back().first >= indent) stack.pop_back();
        if (stack.empty()) return fail(error, line_no, "a relation needs an element above it");
        std::string child = element(trim(line.substr(sym.size() + 1)), line_no);
        if (child.empty()) return fail(error, line_no, "expected a statement or an argument");
        const std::string& parent = stack.back().second;
        // Incoming: the child relates to the parent; outgoing: the parent to the child.
        relation r{meaning.second ? parent : child, meaning.second ? child : parent, meaning.first};
        relations_.push_back(r);
        stack.emplace_back(indent, child);
        related = true;
        break;
      }
      if (related) continue;
      if (indent > 0 && !stack.empty()) {
        warn(line_no, "indented text that is not a relation is skipped");
        continue;
      }
      std::string key = element(line, line_no);
      if (key.empty()) {
        warn(line_no, "text that is neither a statement nor an argument is skipped");
        continue;
      }
      // Written here at the top level: this is where the claim goes (and
      // into this section), even if a relation above mentioned it first.
      place_[key] = sequence_++;
      stack.clear();
      stack.emplace_back(indent, key);
      if (key[0] == '<') {
        argument = key;
        pcs_state = 1;
      } else {
        argument.clear();
        pcs_state = 0;
      }
    }
    return write(error);
  }

 private:
  std::optional<import_result> fail(diagnostic& error, std::size_t line, const std::string& what) {
    error = at_line(line, "{}", what);
    return std::nullopt;
  }

  void warn(std::size_t line, const std::string& what) {
    notes_.push_back(fmt::format("line {}: {}", line, what));
  }

  void heading(std::size_t level, const std::string& title) {
    std::string key = "#" + std::to_string(level) + " " + title + "#" + std::to_string(sequence_);
    order_.push_back(key);
    place_[key] = sequence_++;
  }

  // `[T]: text #tags`, `[T]`, `<A>: text`, `<A>` or plain text (an anonymous
  // statement). Returns the node key, or "" when there is nothing.
  std::string element(std::string s, std::size_t line) {
    if (s.empty()) return "";
    if (s[0] == '<') {
      std::size_t close = s.find('>');
      if (close == std::string::npos) return "";
      std::string key = "<" + s.substr(1, close - 1) + ">";
      define(key, trim(s.substr(close + 1)), line);
      return key;
    }
    return statement(s, line);
  }

  std::string statement(std::string s, std::size_t line) {
    if (s.empty()) return "";
    std::string key;
    std::string rest = s;
    if (s[0] == '[') {
      std::size_t close = s.find(']');
      if (close != std::string::npos) {
        key = "[" + s.substr(1, close - 1) + "]";
        rest = trim(s.substr(close + 1));
      }
    }
    if (key.empty()) key = "[" + std::to_string(anonymous_++) + " anonymous]";
    define(key, rest, line);
    return key;
  }

  void define(const std::string& key, std::string rest, std::size_t line) {
    const std::string& statement_key = key;
    if (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
    std::vector<std::pair<std::string, std::string>> attributes;
    if (!rest.empty() && rest.back() == '}' && rest.find('{') != std::string::npos) {
      // Argdown data, a flat YAML flow mapping: every key argmap can hold
      // becomes an attribute (unknown ones are kept, and warned about by
      // `check`); `negates` marks the conclusion of a joint objection.
      std::size_t open = rest.rfind('{');
      std::string data = rest.substr(open + 1, rest.size() - open - 2);
      rest = trim(rest.substr(0, open));
      for (const auto& [key, value] : flow_pairs(data)) {
        if (key == "negates") {
          negation_[statement_key] = "[" + value + "]";
          continue;
        }
        if (is_front_matter_key(key) && !value.empty() &&
            (!grammar::is_known_attribute(key) || !grammar::check_attribute_value(key, value))) {
          attributes.emplace_back(key, value);
        } else {
          warn(line, "Argdown data '" + key + "' cannot be an argmap attribute (or its value is not "
                     "valid) and is not imported");
        }
      }
    }
    std::vector<std::string> tags;
    // Trailing #tags and #(tags with spaces).
    for (;;) {
      bool bracketed = !rest.empty() && rest.back() == ')';
      std::size_t hash = bracketed ? rest.rfind(" #(") : rest.rfind(" #");
      if (hash == std::string::npos) break;
      std::string tag = rest.substr(hash + 2);
      if (bracketed) {
        tag = tag.substr(1, tag.size() - 2);  // #(tag with spaces)
      } else if (tag.empty() || tag.find(' ') != std::string::npos) {
        break;
      }
      if (tag.empty()) break;
      tags.insert(tags.begin(), tag);
      rest = trim(rest.substr(0, hash));
    }
    auto [it, fresh] = nodes_.try_emplace(key);
    node& n = it->second;
    if (fresh) {
      n.key = key;
      order_.push_back(key);
      place_[key] = sequence_++;
    }
    if (n.text.empty() && !rest.empty()) n.text = unescape(rest);
    // A key given again (in one data block, or where the statement is written
    // again) takes the later value, as Argdown merges data; argmap allows one.
    for (auto& a : attributes) {
      auto same = std::find_if(n.attributes.begin(), n.attributes.end(),
                               [&](const auto& b) { return b.first == a.first; });
      if (same != n.attributes.end())
        same->second = std::move(a.second);
      else
        n.attributes.push_back(std::move(a));
    }
    for (const std::string& t : tags)
      if (std::find(n.tags.begin(), n.tags.end(), t) == n.tags.end()) n.tags.push_back(t);
  }

  std::string id_for(const std::string& key) {
    std::string title = key.substr(1, key.size() - 2);
    std::string id;
    for (char c : title) {
      unsigned char u = static_cast<unsigned char>(c);
      id += (std::isalnum(u) || c == '_' || c == '.' || c == '-') ? c : '_';
    }
    if (!ast::is_valid_id(id)) id = (key[0] == '<' ? "arg_" : "s_") + id;
    return ids_.make(std::move(id));
  }

  std::optional<import_result> write(diagnostic& error) {
    std::stable_sort(order_.begin(), order_.end(),
                     [&](const std::string& a, const std::string& b) { return place_[a] < place_[b]; });
    for (const std::string& key : order_)
      if (nodes_.count(key)) nodes_[key].id = id_for(key);
    // Incoming relations by target, in reading order.
    std::map<std::string, std::vector<const relation*>> incoming;
    for (const relation& r : relations_) incoming[r.to].push_back(&r);
    // Indexes, so that writing is linear: arguments by conclusion, and the
    // elements that take part in a relation other than an undercut.
    // A joint objection argmap wrote concludes a statement that `negates` its
    // target: its premises attack that target, and the negation is no claim.
    std::map<std::string, std::vector<const node*>> by_conclusion, objections;
    for (const auto& [akey, a] : nodes_) {
      if (akey[0] != '<' || a.conclusion.empty()) continue;
      auto negated = negation_.find(a.conclusion);
      if (negated != negation_.end() && nodes_.count(negated->second)) objections[negated->second].push_back(&a);
      else by_conclusion[a.conclusion].push_back(&a);
    }
    auto negation = [&](const std::string& k) { return negation_.count(k) > 0 && nodes_.count(negation_[k]) > 0; };
    std::set<std::string> related;
    for (const relation& r : relations_)
      if (r.k != kind::undercut && !negation(r.from) && !negation(r.to)) related.insert(r.from), related.insert(r.to);
    map_builder out;
    if (!front_matter_.empty()) {
      bool source = false;
      for (const auto& [key, value] : front_matter_) {
        out.meta(key, value);
        source = source || key == "source";
      }
      if (!source) out.meta("source", "Argdown");
    }
    import_result result;
    auto ref = [&](std::size_t depth, ast::relation rel, const std::string& key) {
      out.reference(depth, rel, nodes_[key].id);
    };
    for (const std::string& key : order_) {
      if (key[0] == '#') {
        std::size_t space = key.find(' '), seq = key.rfind('#');
        out.heading(static_cast<unsigned>(std::stoul(key.substr(1, space - 1))),
                    key.substr(space, seq - space));
        continue;
      }
      node& n = nodes_[key];
      // An argument that only carries a premise-conclusion form (no
      // description, no relations of its own) is that reason, not a claim.
      if (key[0] == '<' && !n.conclusion.empty() && n.text.empty() && !related.count(key)) continue;
      if (negation(key)) continue;
      const std::string text = n.text.empty() ? key.substr(1, key.size() - 2) : n.text;
      claim_line line;
      line.id = n.id;
      line.text = text;
      line.tags = n.tags;  // Argdown allows any text in #(tags): the builder makes them tags
      line.attributes = n.attributes;
      out.claim(0, std::move(line));
      // An argument in premise-conclusion form: its premises jointly support
      // its conclusion (or, for a joint objection, attack the statement its
      // conclusion negates).
      auto reason = [&](const node& a, ast::relation marker) {
        std::vector<std::string> premises;
        for (const std::string& p : a.premises)
          if (!p.empty() && p != key) premises.push_back(p);
        if (premises.empty()) return;
        ref(1, marker, premises.front());
        for (std::size_t i = 1; i < premises.size(); ++i)
          ref(1, ast::relation::co_premise, premises[i]);
        for (const relation* r : incoming[a.key])
          if (r->k == kind::undercut && r->from != key) ref(2, ast::relation::undercut, r->from);
      };
      for (const node* ap : by_conclusion[key]) reason(*ap, ast::relation::support);
      for (const node* ap : objections[key]) reason(*ap, ast::relation::attack);
      for (const relation* r : incoming[key]) {
        if (negation(r->from)) continue;  // the negation's own '->': written as the objection above
        if (r->from == key) {
          result.notes.push_back(fmt::format("a relation of {} to itself is skipped", key));
          continue;
        }
        switch (r->k) {
          case kind::support:
            ref(1, ast::relation::support, r->from);
            break;
          case kind::attack:
            ref(1, ast::relation::attack, r->from);
            break;
          case kind::contradiction:
            ref(1, ast::relation::contradiction, r->from);
            break;
          case kind::undercut:
            if (key[0] == '<' && !n.conclusion.empty()) break;  // written with the argument above
            result.notes.push_back(fmt::format(
                "{} undercuts {}, which has no premise-conclusion form: imported as an attack",
                r->from, key));
            ref(1, ast::relation::attack, r->from);
            break;
        }
      }
    }
    for (std::string& n : notes_) result.notes.push_back(std::move(n));
    return finish_import(out, std::move(result.notes), error, limits_);
  }

  const std::string& text_;
  const grammar::parse_options& limits_;
  std::vector<std::pair<std::string, std::string>> front_matter_;
  std::map<std::string, std::string> negation_;  // a joint objection's conclusion -> the statement it negates
  std::map<std::string, node> nodes_;
  std::vector<std::string> order_;  // node keys and "#N title#seq" headings, first seen first
  std::map<std::string, std::size_t> place_;  // where each goes: its top-level line, else its first mention
  std::size_t sequence_ = 0;
  std::vector<relation> relations_;
  std::vector<std::string> notes_;
  id_maker ids_;
  std::size_t anonymous_ = 1;
};

}  // namespace

std::optional<import_result> import_argdown(const std::string& text, diagnostic& error,
                                            const grammar::parse_options& limits) {
  if (auto bad = unreadable_text(text)) {
    error = *bad;
    return std::nullopt;
  }
  return reader(text, limits).run(error);
}

}  // namespace argmap::engine
