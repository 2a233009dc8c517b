// DF-QuAD gradual semantics (Rago, Toni, Aurisicchio, Baroni 2016) over the
// bipolar graph of claims and inferences.

#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/evaluate.hpp"

namespace argmap {

namespace {

// F: the combined strength of a set of attackers or supporters.
double aggregate(const std::vector<double>& strengths) {
  double keep = 1;
  for (double s : strengths) keep *= 1 - s;
  return 1 - keep;
}

// C: the base score moved down by attack or up by support.
double combine(double base, double attack, double support) {
  if (attack >= support) return base - base * std::fabs(support - attack);
  return base + (1 - base) * std::fabs(support - attack);
}

double base_score(const claim_node& c) {
  if (auto w = c.attribute("weight")) {
    double v = 0.5;
    std::from_chars(w->data(), w->data() + w->size(), v);
    return v;
  }
  return 0.5;
}

}  // namespace

evaluation dfquad(const argument_graph& g) {
  evaluation e;
  e.used = semantics::dfquad;
  std::size_t nc = g.claims.size(), ni = g.inferences.size();
  if (!g.contradictions.empty()) {
    const contradiction& c = g.contradictions.front();
    e.error = "dfquad needs a map without cycles, and a contradiction is one: '" +
              g.claims[c.a].id + "' ! '" + g.claims[c.b].id + "'";
    return e;
  }
  // Nodes 0..nc-1 are claims, nc.. are inferences; an edge u -> v means v
  // needs u's strength first.
  std::size_t n = nc + ni;
  std::vector<std::vector<std::uint32_t>> next(n);
  std::vector<std::uint32_t> waiting(n, 0);
  auto edge = [&](std::size_t u, std::size_t v) {
    next[u].push_back(static_cast<std::uint32_t>(v));
    ++waiting[v];
  };
  std::vector<std::vector<std::uint32_t>> attacks(nc), supports(nc), undercuts(ni);
  for (std::uint32_t i = 0; i < ni; ++i) {
    const inference& inf = g.inferences[i];
    for (claim_index p : inf.premises) edge(p, nc + i);
    if (inf.kind == inference_kind::undercut) {
      edge(nc + i, nc + inf.target);
      undercuts[inf.target].push_back(i);
    } else {
      edge(nc + i, inf.target);
      (inf.kind == inference_kind::support ? supports : attacks)[inf.target].push_back(i);
    }
  }
  std::vector<std::uint32_t> order, ready;
  for (std::uint32_t v = 0; v < n; ++v)
    if (waiting[v] == 0) ready.push_back(v);
  while (!ready.empty()) {
    std::uint32_t v = ready.back();
    ready.pop_back();
    order.push_back(v);
    for (std::uint32_t w : next[v])
      if (--waiting[w] == 0) ready.push_back(w);
  }
  if (order.size() < n) {
    // Name one cycle: walk back through nodes still waiting until one repeats.
    std::vector<int> seen(n, -1);
    std::vector<std::uint32_t> path;
    std::uint32_t v = 0;
    while (waiting[v] == 0) ++v;
    std::vector<std::vector<std::uint32_t>> prev(n);
    for (std::uint32_t u = 0; u < n; ++u)
      for (std::uint32_t w : next[u]) prev[w].push_back(u);
    while (seen[v] < 0) {
      seen[v] = static_cast<int>(path.size());
      path.push_back(v);
      for (std::uint32_t u : prev[v])
        if (waiting[u] > 0) {
          v = u;
          break;
        }
    }
    std::vector<std::uint32_t> cycle(path.begin() + seen[v], path.end());
    std::reverse(cycle.begin(), cycle.end());
    // Name the claims (inferences sit between them), starting from the first
    // in reading order.
    std::erase_if(cycle, [&](std::uint32_t u) { return u >= nc; });
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::string names;
    for (std::uint32_t u : cycle) names += (names.empty() ? "'" : " -> '") + g.claims[u].id + "'";
    e.error = "dfquad needs a map without cycles; this one has a cycle through " + names;
    return e;
  }
  e.claim_strengths.assign(nc, 0);
  e.inference_strengths.assign(ni, 0);
  for (std::uint32_t v : order) {
    if (v >= nc) {
      std::uint32_t i = v - static_cast<std::uint32_t>(nc);
      double base = 1;
      for (claim_index p : g.inferences[i].premises) base = std::min(base, e.claim_strengths[p]);
      std::vector<double> against;
      for (std::uint32_t u : undercuts[i]) against.push_back(e.inference_strengths[u]);
      e.inference_strengths[i] = combine(base, aggregate(against), 0);
      continue;
    }
    const claim_node& c = g.claims[v];
    auto status = c.attribute("status");
    if (status && *status == "accepted") {
      e.claim_strengths[v] = 1;
    } else if (status && *status == "rejected") {
      e.claim_strengths[v] = 0;
    } else {
      std::vector<double> against, pro;
      for (std::uint32_t i : attacks[v]) against.push_back(e.inference_strengths[i]);
      for (std::uint32_t i : supports[v]) pro.push_back(e.inference_strengths[i]);
      e.claim_strengths[v] = combine(base_score(c), aggregate(against), aggregate(pro));
    }
  }
  return e;
}

}  // namespace argmap
