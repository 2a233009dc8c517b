#include "engine/lint.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "core/utf8.hpp"

namespace argmap::engine {

const std::vector<std::string_view>& warning_names() {
  static const std::vector<std::string_view> names = {
      "circular-support", "orphan",         "unsupported-thesis", "empty-section",
      "unknown-attribute", "duplicate-text", "long-text", "self-attack", "looks-like-marker",
      "reversed-reference"};
  return names;
}

namespace {

class linter {
 public:
  linter(const argument_graph& g, const source_set& sources) : g_(g), sources_(sources) {}

  std::vector<diagnostic> run() {
    circular_support();
    reversed_references();
    orphans_and_theses();
    empty_sections();
    duplicate_text();
    long_text();
    self_attacks();
    return std::move(out_);
  }

 private:
  void warn(const source_range& r, const char* code, std::string message) {
    out_.push_back(make_diagnostic(sources_, r, severity::warning, code, std::move(message)));
  }

  // A claim's first line, for pointing at it.
  static source_range first_line(const claim_node& c) {
    source_range r = c.range();
    if (r.end_line != r.line) {
      r.end_line = r.line;
      r.end_col = r.col + 1;
    }
    return r;
  }

  // Support edges premise -> conclusion, as compressed rows: the targets of
  // claim v are edges[first[v] .. first[v + 1]).
  struct support_edges {
    std::vector<std::uint32_t> first;
    std::vector<claim_index> edges;
    std::span<const claim_index> of(claim_index v) const {
      return {edges.data() + first[v], edges.data() + first[v + 1]};
    }
  };

  support_edges supports() const {
    std::vector<std::pair<claim_index, claim_index>> pairs;
    for (const inference& inf : g_.inferences) {
      if (inf.kind != inference_kind::support) continue;
      for (claim_index p : inf.premises) pairs.emplace_back(p, inf.target);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    support_edges e;
    e.first.assign(g_.claims.size() + 1, 0);
    for (const auto& pr : pairs) ++e.first[pr.first + 1];
    for (std::size_t i = 1; i < e.first.size(); ++i) e.first[i] += e.first[i - 1];
    e.edges.reserve(pairs.size());
    for (const auto& pr : pairs) e.edges.push_back(pr.second);
    return e;
  }

  // Cycles among support edges are circular reasoning.
  void circular_support() {
    std::size_t n = g_.claims.size();
    support_edges out = supports();
    // Tarjan's strongly connected components, iteratively (maps can be deep).
    std::vector<std::int64_t> index(n, -1), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<claim_index> stack;
    std::vector<std::vector<claim_index>> components;
    std::int64_t counter = 0;
    struct frame {
      claim_index v;
      std::size_t next;
    };
    std::vector<frame> call;
    for (claim_index root = 0; root < n; ++root) {
      if (index[root] >= 0) continue;
      call.push_back({root, 0});
      index[root] = low[root] = counter++;
      stack.push_back(root);
      on_stack[root] = true;
      while (!call.empty()) {
        frame& f = call.back();
        auto targets = out.of(f.v);
        if (f.next < targets.size()) {
          claim_index w = targets[f.next++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push_back(w);
            on_stack[w] = true;
            call.push_back({w, 0});
          } else if (on_stack[w]) {
            low[f.v] = std::min(low[f.v], index[w]);
          }
          continue;
        }
        claim_index v = f.v;
        call.pop_back();
        if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
        if (low[v] != index[v]) continue;
        std::vector<claim_index> component;
        claim_index w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component.push_back(w);
        } while (w != v);
        if (component.size() > 1) components.push_back(std::move(component));
      }
    }
    if (components.empty()) return;
    // The line of each support edge, the last in reading order when several.
    std::map<std::pair<claim_index, claim_index>, source_range> line_of;
    auto later = [](const source_range& a, const source_range& b) {
      return std::tie(a.file, a.line, a.col) > std::tie(b.file, b.line, b.col);
    };
    for (const inference& inf : g_.inferences) {
      if (inf.kind != inference_kind::support) continue;
      for (claim_index p : inf.premises) {
        auto [it, fresh] = line_of.emplace(std::make_pair(p, inf.target), inf.range);
        if (!fresh && later(inf.range, it->second)) it->second = inf.range;
      }
    }
    for (auto& component : components) {
      std::vector<claim_index> cycle = a_cycle(component, out);
      std::string names;
      for (claim_index c : cycle) names += "'" + g_.claims[c].id + "' supports ";
      names += "'" + g_.claims[cycle.front()].id + "'";
      // Point at the line that closes the circle: the last of its edges in reading order.
      source_range closing = first_line(g_.claims[cycle.front()]);
      bool found = false;
      for (std::size_t k = 0; k < cycle.size(); ++k) {
        auto it = line_of.find({cycle[k], cycle[(k + 1) % cycle.size()]});
        if (it == line_of.end()) continue;
        if (!found || later(it->second, closing)) closing = it->second;
        found = true;
      }
      warn(closing, "circular-support", "circular reasoning: " + names + "; this line closes the circle");
    }
  }

  // One shortest cycle through the component's first claim in reading order.
  std::vector<claim_index> a_cycle(std::vector<claim_index> component, const support_edges& out) {
    std::sort(component.begin(), component.end());
    std::unordered_map<claim_index, claim_index> came_from;
    claim_index start = component.front();
    auto inside = [&](claim_index c) {
      return std::binary_search(component.begin(), component.end(), c);
    };
    std::vector<claim_index> queue{start};
    for (std::size_t head = 0; head < queue.size(); ++head) {
      claim_index v = queue[head];
      for (claim_index w : out.of(v)) {
        if (!inside(w)) continue;
        if (w == start) {
          std::vector<claim_index> cycle{v};
          while (cycle.back() != start) cycle.push_back(came_from[cycle.back()]);
          std::reverse(cycle.begin(), cycle.end());
          return cycle;
        }
        if (came_from.emplace(w, v).second) queue.push_back(w);
      }
    }
    return {start};
  }

  void orphans_and_theses() {
    if (g_.inferences.empty() && g_.contradictions.empty()) return;
    std::vector<bool> related(g_.claims.size(), false), supported(g_.claims.size(), false),
        premise(g_.claims.size(), false);
    for (const inference& inf : g_.inferences) {
      for (claim_index p : inf.premises) related[p] = premise[p] = true;
      if (inf.kind != inference_kind::undercut) {
        related[inf.target] = true;
        if (inf.kind == inference_kind::support) supported[inf.target] = true;
      }
    }
    for (const contradiction& c : g_.contradictions) related[c.a] = related[c.b] = true;
    for (claim_index i = 0; i < g_.claims.size(); ++i) {
      const claim_node& c = g_.claims[i];
      if (!related[i]) {
        warn(first_line(c), "orphan",
             fmt::format("claim '{}' takes part in no relation: nothing supports or attacks it "
                         "and it supports or attacks nothing",
                         c.id));
      } else if (c.root && !supported[i] && !premise[i] && !reversed_target_[i]) {
        warn(first_line(c), "unsupported-thesis",
             fmt::format("top-level claim '{}' has no supporting reason", c.id));
      }
    }
  }

  void empty_sections() {
    std::vector<std::size_t> claims(g_.sections.size(), 0);
    for (const claim_node& c : g_.claims) {
      for (std::int32_t s = c.section; s != no_section; s = g_.sections[static_cast<std::size_t>(s)].parent)
        ++claims[static_cast<std::size_t>(s)];
    }
    for (std::size_t s = 0; s < g_.sections.size(); ++s) {
      if (claims[s] == 0) {
        warn(g_.sections[s].range, "empty-section",
             fmt::format("section '{}' has no claims", g_.sections[s].title));
      }
    }
  }

  // Texts compare equal ignoring case (ASCII) and runs of blanks. Hashing the
  // normalised form on the fly avoids a copy of every text.
  static std::uint64_t normal_hash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    bool space = false, any = false;
    for (char ch : text) {
      if (ch == ' ' || ch == '\t') {
        space = any;
        continue;
      }
      if (space) h = (h ^ ' ') * 1099511628211ULL;
      space = false;
      any = true;
      h = (h ^ static_cast<unsigned char>(lower(ch))) * 1099511628211ULL;
    }
    return h;
  }

  static char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; }

  static bool normal_equal(std::string_view a, std::string_view b) {
    auto next = [](std::string_view s, std::size_t& i, bool& pending_space) -> int {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
        ++i;
        pending_space = true;
      }
      if (i == s.size()) return -1;
      if (pending_space) {
        pending_space = false;
        return ' ';
      }
      return static_cast<unsigned char>(lower(s[i++]));
    };
    std::size_t i = 0, j = 0;
    bool si = false, sj = false;
    // Leading blanks do not count.
    while (i < a.size() && (a[i] == ' ' || a[i] == '\t')) ++i;
    while (j < b.size() && (b[j] == ' ' || b[j] == '\t')) ++j;
    for (;;) {
      int x = next(a, i, si), y = next(b, j, sj);
      if (x != y) return false;
      if (x < 0) return true;
    }
  }

  void duplicate_text() {
    // Sort (hash, claim) pairs: equal texts end up next to each other, the
    // earliest claim first.
    std::vector<std::pair<std::uint64_t, claim_index>> hashed;
    hashed.reserve(g_.claims.size());
    for (claim_index i = 0; i < g_.claims.size(); ++i)
      hashed.emplace_back(normal_hash(g_.claims[i].text()), i);
    std::sort(hashed.begin(), hashed.end());
    std::vector<std::pair<claim_index, claim_index>> found;  // (later, first)
    for (std::size_t i = 0; i < hashed.size();) {
      std::size_t j = i;
      while (j < hashed.size() && hashed[j].first == hashed[i].first) ++j;
      // Within one hash, compare each claim with the earlier distinct texts.
      for (std::size_t k = i + 1; k < j; ++k) {
        for (std::size_t m = i; m < k; ++m) {
          const claim_node& a = g_.claims[hashed[m].second];
          const claim_node& b = g_.claims[hashed[k].second];
          if (normal_equal(a.text(), b.text())) {
            found.emplace_back(hashed[k].second, hashed[m].second);
            break;
          }
        }
      }
      i = j;
    }
    std::sort(found.begin(), found.end());
    for (auto [later, earlier] : found) {
      const claim_node& a = g_.claims[earlier];
      const claim_node& b = g_.claims[later];
      diagnostic d = make_diagnostic(
          sources_, first_line(b), severity::warning, "duplicate-text",
          fmt::format("claim '{}' has the same text as claim '{}'; to mean the same claim, write "
                      "'@{}' instead",
                      b.id, a.id, a.id));
      d.notes.push_back(make_diagnostic(sources_, first_line(a), severity::note, "duplicate-text",
                                        fmt::format("'{}' is written here", a.id)));
      out_.push_back(std::move(d));
    }
  }

  void long_text() {
    for (const claim_node& c : g_.claims) {
      std::size_t n = utf8::length(c.text());
      if (n > long_text_limit) {
        warn(first_line(c), "long-text",
             fmt::format("claim '{}' is {} characters long (more than {}); split it into a claim "
                         "and its reasons",
                         c.id, n, long_text_limit));
      }
    }
  }

  // A claim among the premises of an attack on itself: legitimate ("this
  // statement is false"), but never accepted, so worth a word.
  void self_attacks() {
    for (const inference& inf : g_.inferences) {
      if (inf.kind != inference_kind::attack) continue;
      if (std::find(inf.premises.begin(), inf.premises.end(), inf.target) == inf.premises.end()) continue;
      warn(inf.range, "self-attack",
           fmt::format("claim '{}' attacks itself: no semantics accepts it; unless another claim "
                       "defeats it, grounded semantics leaves it undecided and stable semantics "
                       "has no extension",
                       g_.claims[inf.target].id));
    }
  }

  // `- @x` under a top-level claim P, where x is a top-level claim written
  // earlier: x now attacks P. When P has no other role (nothing supports it
  // and it is no premise), the author most likely meant the reverse (P is an
  // objection, written in a section of its own, to the principle x), which
  // is `-> @x`. The usual 'unsupported thesis' warning for P would mislead.
  void reversed_references() {
    std::size_t n = g_.claims.size();
    reversed_target_.assign(n, false);
    std::vector<bool> supported(n, false), premise(n, false);
    for (const inference& inf : g_.inferences) {
      for (claim_index p : inf.premises) premise[p] = true;
      if (inf.kind == inference_kind::support) supported[inf.target] = true;
    }
    auto before = [](const source_range& a, const source_range& b) {
      return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    };
    for (const inference& inf : g_.inferences) {
      if (inf.kind != inference_kind::attack || inf.outgoing || inf.premises.size() != 1) continue;
      claim_index x = inf.premises.front(), p = inf.target;
      const claim_node& xc = g_.claims[x];
      const claim_node& pc = g_.claims[p];
      bool reference = xc.range().file != inf.range.file || xc.range().line != inf.range.line;
      if (x == p || !reference || !xc.root || !pc.root || !before(xc.range(), pc.range())) continue;
      if (supported[p] || premise[p]) continue;
      reversed_target_[p] = true;
      warn(inf.range, "reversed-reference",
           fmt::format("'{}' (a top-level claim) now attacks '{}': a reference under a claim makes "
                       "the referenced claim relate to the claim above it. Did you mean that '{}' "
                       "attacks '{}'? Then write '-> @{}'",
                       xc.id, pc.id, pc.id, xc.id, xc.id));
    }
  }

  const argument_graph& g_;
  const source_set& sources_;
  std::vector<diagnostic> out_;
  std::vector<bool> reversed_target_;  // claims a reversed-reference warning is about
};

}  // namespace

std::vector<diagnostic> lint(const argument_graph& graph, const source_set& sources) {
  return linter(graph, sources).run();
}

std::set<std::string> disabled_by_front_matter(std::string_view value,
                                               std::vector<std::string>& unknown) {
  std::set<std::string> off;
  std::size_t i = 0;
  while (i <= value.size()) {
    std::size_t comma = value.find(',', i);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view item = value.substr(i, comma - i);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) {
      std::string_view name = item.starts_with("no-") ? item.substr(3) : std::string_view{};
      const auto& names = warning_names();
      if (!name.empty() && std::find(names.begin(), names.end(), name) != names.end()) {
        off.emplace(name);
      } else {
        unknown.emplace_back(item);
      }
    }
    i = comma + 1;
  }
  return off;
}

}  // namespace argmap::engine
