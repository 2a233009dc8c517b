#include "engine/interchange/argdown_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "engine/format.hpp"
#include "engine/interchange/argdown_text.hpp"
#include "grammar/ast.hpp"
#include "grammar/attributes.hpp"
#include "grammar/lexical.hpp"

namespace argmap::engine {

namespace {

using argdown::flow_pairs;
using argdown::trim;
using argdown::unescape;
using argdown::yaml_scalar;

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
    std::size_t pos = 0, line_no = 0;
    while (pos <= text_.size()) {
      std::size_t nl = text_.find('\n', pos);
      if (nl == std::string::npos) nl = text_.size();
      std::string raw = text_.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      if (std::optional<std::string> what = read_line(raw, line_no))
        return fail(error, line_no, *what);
    }
    return write(error);
  }

 private:
  // Reads one line (without its line break); nothing, or what is wrong with it.
  std::optional<std::string> read_line(const std::string& raw, std::size_t line_no) {
    std::string line = trim(raw);
    if (outside_map(line, line_no)) return std::nullopt;
    if (line.empty()) {
      stack_.clear();
      if (pcs_state_ == 2) pcs_state_ = 0, argument_.clear();
      return std::nullopt;
    }
    std::size_t indent = raw.find_first_not_of(" \t");
    if (line[0] == '#' && indent == 0 && line.size() > 1 && (line[1] == '#' || line[1] == ' ')) {
      std::size_t level = line.find_first_not_of('#');
      std::string title = level == std::string::npos ? "" : trim(line.substr(level));
      if (title.empty())
        return std::nullopt;  // "##" alone: a heading without a title, nothing to keep
      if (level > 1000)
        return fmt::format("a heading of {} '#' (argmap reads at most 1000)", level);
      heading(level, title);
      stack_.clear();
      return std::nullopt;
    }
    // Premise-conclusion form: "(1) statement", an inference line "----" or "-- ... --".
    if (line[0] == '(' && !argument_.empty()) return pcs_statement(line, indent, line_no);
    if (line.rfind("--", 0) == 0 && !argument_.empty()) {
      pcs_state_ = 2;
      return std::nullopt;
    }
    bool related = false;
    if (std::optional<std::string> what = relation_line(line, indent, line_no, related))
      return what;
    if (!related) top_level(line, indent, line_no);
    return std::nullopt;
  }

  // Comments and the front matter: true when `line` is one of them (or in one).
  bool outside_map(const std::string& line, std::size_t line_no) {
    if (in_block_comment_) {
      if (line.find("*/") != std::string::npos) in_block_comment_ = false;
      return true;
    }
    if (line_no == 1 && line == "===") {
      in_front_matter_ = true;
      return true;
    }
    if (in_front_matter_) {
      if (line == "===") {
        in_front_matter_ = false;
      } else if (std::size_t colon = line.find(':'); colon != std::string::npos) {
        // YAML `key: value`; keys argmap's front matter can hold are kept.
        std::string key = trim(line.substr(0, colon));
        std::string value = yaml_scalar(trim(line.substr(colon + 1)));
        if (grammar::lexical::is_key(key) && !value.empty()) front_matter_.emplace_back(key, value);
      }
      return true;
    }
    if (line.rfind("//", 0) == 0) return true;
    if (line.rfind("/*", 0) == 0) {
      in_block_comment_ = line.find("*/", 2) == std::string::npos;
      return true;
    }
    return false;
  }

  // "(1) statement" in the premise-conclusion form of argument_.
  std::optional<std::string> pcs_statement(const std::string& line, std::size_t indent,
                                           std::size_t line_no) {
    std::size_t close = line.find(')');
    if (close == std::string::npos) return "expected ')' after the number";
    std::string key = statement(trim(line.substr(close + 1)), line_no);
    if (key.empty()) return "expected a statement after the number";
    // A statement of the premise-conclusion form can have relations of its own.
    stack_.clear();
    stack_.emplace_back(indent, key);
    if (pcs_state_ == 1) {
      nodes_[argument_].premises.push_back(key);
    } else if (pcs_state_ == 2) {
      nodes_[argument_].conclusion = key;
      pcs_state_ = 1;                            // a following premise line starts a new step
      nodes_[argument_].premises.push_back("");  // marks a multi-step argument
    }
    return std::nullopt;
  }

  // A relation line "SYMBOL element" under the element above it; `related`
  // says whether `line` was one.
  std::optional<std::string> relation_line(const std::string& line, std::size_t indent,
                                           std::size_t line_no, bool& related) {
    static const std::vector<std::pair<std::string, std::pair<kind, bool>>> symbols = {
        {"<+", {kind::support, false}},       {"<-", {kind::attack, false}},
        {"<_", {kind::undercut, false}},      {"+>", {kind::support, true}},
        {"->", {kind::attack, true}},         {"_>", {kind::undercut, true}},
        {"><", {kind::contradiction, false}}, {"+", {kind::support, false}},
        {"-", {kind::attack, false}},         {"_", {kind::undercut, false}}};
    for (const auto& [sym, meaning] : symbols) {
      if (line.rfind(sym, 0) != 0 || line.size() <= sym.size() || line[sym.size()] != ' ') continue;
      related = true;
      while (!stack_.empty() && stack_.back().first >= indent) stack_.pop_back();
      if (stack_.empty()) return "a relation needs an element above it";
      std::string child = element(trim(line.substr(sym.size() + 1)), line_no);
      if (child.empty()) return "expected a statement or an argument";
      const std::string& parent = stack_.back().second;
      // Incoming: the child relates to the parent; outgoing: the parent to the child.
      relations_.push_back(
          {meaning.second ? parent : child, meaning.second ? child : parent, meaning.first});
      stack_.emplace_back(indent, child);
      return std::nullopt;
    }
    return std::nullopt;
  }

  // A line that is neither a relation nor part of a premise-conclusion form.
  void top_level(const std::string& line, std::size_t indent, std::size_t line_no) {
    if (indent > 0 && !stack_.empty()) {
      warn(line_no, "indented text that is not a relation is skipped");
      return;
    }
    std::string key = element(line, line_no);
    if (key.empty()) {
      warn(line_no, "text that is neither a statement nor an argument is skipped");
      return;
    }
    // Written here at the top level: this is where the claim goes (and
    // into this section), even if a relation above mentioned it first.
    place_[key] = sequence_++;
    stack_.clear();
    stack_.emplace_back(indent, key);
    if (key[0] == '<') {
      argument_ = key;
      pcs_state_ = 1;
    } else {
      argument_.clear();
      pcs_state_ = 0;
    }
  }

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
        if (grammar::lexical::is_key(key) && !value.empty() &&
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

  // A statement written as the negation a joint objection concludes: no claim.
  bool is_negation(const std::string& key) {
    auto it = negation_.find(key);
    return it != negation_.end() && nodes_.count(it->second) > 0;
  }

  // Indexes, so that writing is linear: incoming relations by target (in
  // reading order), arguments by conclusion, and the elements that take part
  // in a relation other than an undercut. A joint objection argmap wrote
  // concludes a statement that negates its target: its premises attack that
  // target, and the negation is no claim.
  struct index {
    std::map<std::string, std::vector<const relation*>> incoming;
    std::map<std::string, std::vector<const node*>> by_conclusion, objections;
    std::set<std::string> related;
  };

  index make_index() {
    index x;
    for (const relation& r : relations_) x.incoming[r.to].push_back(&r);
    for (const auto& [akey, a] : nodes_) {
      if (akey[0] != '<' || a.conclusion.empty()) continue;
      auto negated = negation_.find(a.conclusion);
      if (negated != negation_.end() && nodes_.count(negated->second))
        x.objections[negated->second].push_back(&a);
      else
        x.by_conclusion[a.conclusion].push_back(&a);
    }
    for (const relation& r : relations_)
      if (r.k != kind::undercut && !is_negation(r.from) && !is_negation(r.to))
        x.related.insert(r.from), x.related.insert(r.to);
    return x;
  }

  std::optional<import_result> write(diagnostic& error) {
    std::stable_sort(order_.begin(), order_.end(), [&](const std::string& a, const std::string& b) {
      return place_[a] < place_[b];
    });
    for (const std::string& key : order_)
      if (nodes_.count(key)) nodes_[key].id = id_for(key);
    const index x = make_index();
    map_builder out;
    if (!front_matter_.empty()) {
      bool source = false;
      for (const auto& [key, value] : front_matter_) {
        out.meta(key, value);
        source = source || key == "source";
      }
      if (!source) out.meta("source", "Argdown");
    }
    std::vector<std::string> notes;
    for (const std::string& key : order_) {
      if (key[0] == '#') {
        std::size_t space = key.find(' '), seq = key.rfind('#');
        out.heading(static_cast<unsigned>(std::stoul(key.substr(1, space - 1))),
                    key.substr(space, seq - space));
        continue;
      }
      const node& n = nodes_[key];
      // An argument that only carries a premise-conclusion form (no
      // description, no relations of its own) is that reason, not a claim.
      if (key[0] == '<' && !n.conclusion.empty() && n.text.empty() && !x.related.count(key))
        continue;
      if (is_negation(key)) continue;
      write_claim(n, x, out, notes);
    }
    for (std::string& n : notes_) notes.push_back(std::move(n));
    return finish_import(out, std::move(notes), error, limits_);
  }

  // Element `n` as a top-level claim with its reasons, objections and
  // undercuts as reference lines under it.
  void write_claim(const node& n, const index& x, map_builder& out,
                   std::vector<std::string>& notes) {
    const std::string& key = n.key;
    auto ref = [&](std::size_t depth, ast::relation rel, const std::string& k) {
      out.reference(depth, rel, nodes_[k].id);
    };
    claim_line line;
    line.id = n.id;
    line.text = n.text.empty() ? key.substr(1, key.size() - 2) : n.text;
    line.tags = n.tags;  // Argdown allows any text in #(tags): the builder makes them tags
    line.attributes = n.attributes;
    out.claim(0, std::move(line));
    auto incoming = [&](const std::string& k) {
      auto it = x.incoming.find(k);
      return it == x.incoming.end() ? std::vector<const relation*>{} : it->second;
    };
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
      for (const relation* r : incoming(a.key))
        if (r->k == kind::undercut && r->from != key) ref(2, ast::relation::undercut, r->from);
    };
    if (auto it = x.by_conclusion.find(key); it != x.by_conclusion.end())
      for (const node* ap : it->second) reason(*ap, ast::relation::support);
    if (auto it = x.objections.find(key); it != x.objections.end())
      for (const node* ap : it->second) reason(*ap, ast::relation::attack);
    for (const relation* r : incoming(key)) {
      if (is_negation(r->from))
        continue;  // the negation's own '->': written as the objection above
      if (r->from == key) {
        notes.push_back(fmt::format("a relation of {} to itself is skipped", key));
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
          notes.push_back(fmt::format(
              "{} undercuts {}, which has no premise-conclusion form: imported as an attack",
              r->from, key));
          ref(1, ast::relation::attack, r->from);
          break;
      }
    }
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
  // Where reading is.
  std::vector<std::pair<std::size_t, std::string>> stack_;  // (indent, node key) of open elements
  std::string argument_;  // the argument whose premise-conclusion form is being read
  int pcs_state_ = 0;     // 0 none, 1 premises, 2 after the inference line
  bool in_block_comment_ = false, in_front_matter_ = false;
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
