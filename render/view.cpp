#include "render/view.hpp"

#include <algorithm>
#include <deque>

#include "grammar/suggest.hpp"

namespace argmap::render {

namespace {

// Claim-to-claim adjacency: one step per relation.
std::vector<std::vector<engine::claim_index>> neighbours(const engine::argument_graph& g) {
  std::vector<std::vector<engine::claim_index>> adj(g.claims.size());
  auto link = [&](engine::claim_index a, engine::claim_index b) {
    if (a == b) return;
    adj[a].push_back(b);
    adj[b].push_back(a);
  };
  // The claims an inference joins: its premises and, for claim targets, the target.
  auto members = [&](const engine::inference& inf) {
    std::vector<engine::claim_index> m = inf.premises;
    if (inf.kind != engine::inference_kind::undercut) m.push_back(inf.target);
    return m;
  };
  for (const engine::inference& inf : g.inferences) {
    std::vector<engine::claim_index> m = members(inf);
    if (inf.kind == engine::inference_kind::undercut) {
      std::vector<engine::claim_index> undercut = members(g.inferences[inf.target]);
      m.insert(m.end(), undercut.begin(), undercut.end());
    }
    for (std::size_t i = 0; i < m.size(); ++i)
      for (std::size_t j = i + 1; j < m.size(); ++j) link(m[i], m[j]);
  }
  for (const engine::contradiction& c : g.contradictions) link(c.a, c.b);
  for (auto& a : adj) {
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
  }
  return adj;
}

std::vector<bool> focus(const engine::argument_graph& g, engine::claim_index start,
                        unsigned depth) {
  auto adj = neighbours(g);
  std::vector<int> dist(g.claims.size(), -1);
  std::deque<engine::claim_index> queue{start};
  dist[start] = 0;
  while (!queue.empty()) {
    engine::claim_index v = queue.front();
    queue.pop_front();
    if (static_cast<unsigned>(dist[v]) == depth) continue;
    for (engine::claim_index w : adj[v]) {
      if (dist[w] >= 0) continue;
      dist[w] = dist[v] + 1;
      queue.push_back(w);
    }
  }
  std::vector<bool> keep(g.claims.size());
  for (std::size_t i = 0; i < keep.size(); ++i) keep[i] = dist[i] >= 0;
  return keep;
}

bool in_section(const engine::argument_graph& g, std::int32_t s, const std::vector<bool>& chosen) {
  for (; s != engine::no_section; s = g.sections[static_cast<std::size_t>(s)].parent)
    if (chosen[static_cast<std::size_t>(s)]) return true;
  return false;
}

}  // namespace

view select_view(const engine::argument_graph& g, const options& opts,
                 std::vector<diagnostic>& problems) {
  std::string error;
  view v;
  v.claims.assign(g.claims.size(), true);
  if (!opts.focus.empty()) {
    auto start = g.find(opts.focus);
    if (!start) {
      std::vector<std::string> ids;
      for (const engine::claim_node& c : g.claims) ids.push_back(c.id);
      auto near = grammar::closest(opts.focus, ids);
      error = "--focus: no claim has id '" + opts.focus + "'" +
              (near ? "; did you mean '" + *near + "'?" : "");
      v.claims.assign(g.claims.size(), false);
    } else {
      std::vector<bool> keep = focus(g, *start, opts.depth);
      for (std::size_t i = 0; i < keep.size(); ++i) v.claims[i] = v.claims[i] && keep[i];
    }
  }
  if (!opts.section.empty() && error.empty()) {
    std::vector<bool> chosen(g.sections.size(), false);
    bool any = false;
    for (std::size_t s = 0; s < g.sections.size(); ++s)
      if (g.sections[s].title == opts.section) chosen[s] = any = true;
    if (!any) {
      std::vector<std::string> titles;
      for (const engine::section& s : g.sections) titles.push_back(s.title);
      auto near = grammar::closest(opts.section, titles);
      error = "--section: no section is called '" + opts.section + "'" +
              (near ? "; did you mean '" + *near + "'?" : "");
      v.claims.assign(g.claims.size(), false);
    } else {
      for (std::size_t i = 0; i < g.claims.size(); ++i)
        v.claims[i] = v.claims[i] && in_section(g, g.claims[i].section, chosen);
    }
  }
  if (!opts.tags.empty() && error.empty()) {
    std::vector<bool> tagged(g.claims.size(), false);
    for (std::size_t i = 0; i < g.claims.size(); ++i) {
      for (const std::string& t : g.claims[i].tags())
        if (std::find(opts.tags.begin(), opts.tags.end(), t) != opts.tags.end()) tagged[i] = true;
    }
    auto adj = neighbours(g);
    std::vector<bool> keep = tagged;
    for (std::size_t i = 0; i < g.claims.size(); ++i) {
      if (tagged[i]) continue;
      std::size_t links = 0;
      for (engine::claim_index w : adj[i]) links += tagged[w];
      keep[i] = links >= 2;
    }
    for (std::size_t i = 0; i < keep.size(); ++i) v.claims[i] = v.claims[i] && keep[i];
  }
  v.inferences.assign(g.inferences.size(), false);
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    const engine::inference& inf = g.inferences[i];
    bool premise = std::any_of(inf.premises.begin(), inf.premises.end(),
                               [&](engine::claim_index p) { return v.claims[p]; });
    // Undercuts come after the inference they target, which is decided first.
    bool target = inf.kind == engine::inference_kind::undercut
                      ? v.inferences[inf.target]
                      : static_cast<bool>(v.claims[inf.target]);
    v.inferences[i] = premise && target;
  }
  v.contradictions.assign(g.contradictions.size(), false);
  for (std::size_t i = 0; i < g.contradictions.size(); ++i)
    v.contradictions[i] = v.claims[g.contradictions[i].a] && v.claims[g.contradictions[i].b];
  if (!error.empty()) problems.push_back(unplaced(severity::error, "unknown-view", {}, error));
  return v;
}

}  // namespace argmap::render
