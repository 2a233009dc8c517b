// DF-QuAD gradual semantics (Rago, Toni, Aurisicchio, Baroni 2016) over the
// bipolar graph of claims and inferences.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "engine/evaluate.hpp"

namespace argmap::engine {

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

// The strengths of a map with cycles (attacks in a circle, contradictions,
// a claim attacking itself): the DF-QuAD equations solved by damped fixed-point
// iteration. Each round computes every inference from the claims' strengths
// and every claim from its reasons' and its contradictors' strengths, then
// moves halfway there; a fixed point of the damped map is one of DF-QuAD's.
struct fixed_point {
  const argument_graph& g;
  const std::vector<std::vector<std::uint32_t>>& attacks;
  const std::vector<std::vector<std::uint32_t>>& supports;
  const std::vector<std::vector<std::uint32_t>>& undercuts;
  const std::vector<std::vector<claim_index>>& contradicting;
  int max_rounds;

  std::string run(evaluation& e) const {
    std::size_t nc = g.claims.size(), ni = g.inferences.size();
    e.claim_strengths.assign(nc, 0);
    e.inference_strengths.assign(ni, 0);
    for (claim_index c = 0; c < nc; ++c) e.claim_strengths[c] = fixed(c).value_or(base_score(g.claims[c]));
    constexpr double tolerance = 1e-9;
    std::vector<double> next(nc);
    double change = 0;
    claim_index worst = 0;
    for (int round = 0; round < max_rounds; ++round) {
      inferences(e);
      change = 0;
      for (claim_index c = 0; c < nc; ++c) {
        double target = fixed(c).value_or(claim(c, e));
        next[c] = (e.claim_strengths[c] + target) / 2;
        double d = std::fabs(next[c] - e.claim_strengths[c]);
        if (d > change) {
          change = d;
          worst = c;
        }
      }
      e.claim_strengths.swap(next);
      if (change < tolerance) {
        inferences(e);
        return {};
      }
    }
    const claim_node& w = g.claims[worst];
    return fmt::format(
        "dfquad did not converge in {} rounds: the strength of '{}' (line {}) still changes by {:.2g} "
        "from round to round, in a cycle of attacks that keeps swinging; give claims of that cycle a "
        "weight ({{weight: 0.8}}) or a status, or use --semantics grounded",
        max_rounds, w.id, w.range().line, change);
  }

  std::optional<double> fixed(claim_index c) const {
    auto status = g.claims[c].attribute("status");
    if (status && *status == "accepted") return 1.0;
    if (status && *status == "rejected") return 0.0;
    return std::nullopt;
  }

  void inferences(evaluation& e) const {
    // Undercuts may chain: inferences in index order, twice as many passes as
    // needed is avoided by computing undercut targets from the last round.
    std::vector<double> previous = e.inference_strengths;
    for (std::size_t i = 0; i < g.inferences.size(); ++i) {
      double base = 1;
      for (claim_index p : g.inferences[i].premises) base = std::min(base, e.claim_strengths[p]);
      std::vector<double> against;
      for (std::uint32_t u : undercuts[i]) against.push_back(previous[u]);
      e.inference_strengths[i] = combine(base, aggregate(against), 0);
    }
  }

  double claim(claim_index c, const evaluation& e) const {
    std::vector<double> against, pro;
    for (std::uint32_t i : attacks[c]) against.push_back(e.inference_strengths[i]);
    for (claim_index other : contradicting[c]) against.push_back(e.claim_strengths[other]);
    for (std::uint32_t i : supports[c]) pro.push_back(e.inference_strengths[i]);
    return combine(base_score(g.claims[c]), aggregate(against), aggregate(pro));
  }
};

}  // namespace

evaluation dfquad(const argument_graph& g, int max_rounds) {
  evaluation e;
  e.used = semantics::dfquad;
  std::size_t nc = g.claims.size(), ni = g.inferences.size();
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
  // A contradiction a ! b: each attacks the other with its own strength.
  std::vector<std::vector<claim_index>> contradicting(nc);
  for (const contradiction& c : g.contradictions) {
    contradicting[c.a].push_back(c.b);
    contradicting[c.b].push_back(c.a);
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
  if (order.size() < n || !g.contradictions.empty()) {
    // Cycles: solve by iteration (docs/evaluation.md).
    std::string why =
        fixed_point{g, attacks, supports, undercuts, contradicting, max_rounds}.run(e);
    if (!why.empty()) {
      e.problem = unplaced(severity::error, "no-convergence", {}, std::move(why));
      e.claim_strengths.clear();
      e.inference_strengths.clear();
    }
    return e;
  }
  // No cycle: one pass in dependency order gives the exact strengths.
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

}  // namespace argmap::engine
