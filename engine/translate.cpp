#include "engine/translate.hpp"

#include <algorithm>

namespace argmap::engine {

namespace {

constexpr std::uint32_t none = UINT32_MAX;

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// What the translation needs to know of each claim and inference.
struct relations {
  // Reasons for (pro) and against (con) each claim, and the undercutters of
  // each inference, as inference indices.
  std::vector<std::vector<std::uint32_t>> pro, con, undercutters;
  std::vector<std::vector<std::uint32_t>> contradicting;  // per claim: the claims it contradicts
  std::vector<std::vector<std::uint32_t>> con_all;   // con, plus reasons for contradicting claims
  std::vector<std::vector<std::uint32_t>> partners;  // per inference: its rebuttal partners
  std::vector<bool> accepted, rejected;              // the status attribute
};

relations relations_of(const argument_graph& g) {
  std::size_t nc = g.claims.size(), ni = g.inferences.size();
  relations r;
  r.pro.resize(nc);
  r.con.resize(nc);
  r.undercutters.resize(ni);
  r.contradicting.resize(nc);
  r.partners.resize(ni);
  r.accepted.resize(nc);
  r.rejected.resize(nc);
  for (std::uint32_t i = 0; i < ni; ++i) {
    const inference& inf = g.inferences[i];
    if (inf.kind == inference_kind::support) r.pro[inf.target].push_back(i);
    if (inf.kind == inference_kind::attack) r.con[inf.target].push_back(i);
    if (inf.kind == inference_kind::undercut) r.undercutters[inf.target].push_back(i);
  }
  for (const contradiction& c : g.contradictions) {
    r.contradicting[c.a].push_back(c.b);
    r.contradicting[c.b].push_back(c.a);
  }
  r.con_all = r.con;
  for (std::uint32_t c = 0; c < nc; ++c) {
    for (std::uint32_t other : r.contradicting[c])
      r.con_all[c].insert(r.con_all[c].end(), r.pro[other].begin(), r.pro[other].end());
    sort_unique(r.con_all[c]);
    sort_unique(r.contradicting[c]);
  }
  for (std::uint32_t c = 0; c < nc; ++c) {
    auto status = g.claims[c].attribute("status");
    r.accepted[c] = status && *status == "accepted";
    r.rejected[c] = status && *status == "rejected";
  }
  // The rebuttal partners of an inference: for a reason for t, the reasons
  // against t; for a reason against t (an attack, or a reason for a claim
  // contradicting t), the reasons for t.
  for (std::uint32_t t = 0; t < nc; ++t) {
    for (std::uint32_t p : r.pro[t])
      for (std::uint32_t q : r.con_all[t]) {
        if (p == q) continue;
        r.partners[p].push_back(q);
        r.partners[q].push_back(p);
      }
  }
  for (auto& p : r.partners) sort_unique(p);
  return r;
}

// The arguments: claims first, then the inferences that are not merged into
// their premise's claim, then the rejections; per claim, its rejection's
// argument or `none`.
std::vector<std::uint32_t> arguments(const argument_graph& g, const relations& r, translation& t) {
  std::size_t nc = g.claims.size(), ni = g.inferences.size();
  t.claim_argument.resize(nc);
  for (std::uint32_t c = 0; c < nc; ++c) {
    t.claim_argument[c] = c;
    t.names.push_back(g.claims[c].id);
  }
  t.inference_argument.assign(ni, none);
  for (std::uint32_t i = 0; i < ni; ++i) {
    const inference& inf = g.inferences[i];
    bool merge = inf.premises.size() == 1 && r.undercutters[i].empty() && r.partners[i].empty();
    if (merge) {
      t.inference_argument[i] = t.claim_argument[inf.premises.front()];
    } else {
      t.inference_argument[i] = static_cast<std::uint32_t>(t.names.size());
      t.names.push_back("inference:" + std::to_string(i + 1));
    }
  }
  std::vector<std::uint32_t> rejection(nc, none);
  for (std::uint32_t c = 0; c < nc; ++c) {
    if (!r.rejected[c]) continue;
    rejection[c] = static_cast<std::uint32_t>(t.names.size());
    t.names.push_back("rejected:" + g.claims[c].id);
  }
  return rejection;
}

}  // namespace

translation translate(const argument_graph& g) {
  std::size_t nc = g.claims.size(), ni = g.inferences.size();
  relations r = relations_of(g);
  translation t;
  std::vector<std::uint32_t> rejection = arguments(g, r, t);

  // Attackers of each claim argument.
  std::vector<std::vector<std::uint32_t>> claim_attackers(nc);
  for (std::uint32_t c = 0; c < nc; ++c) {
    if (r.accepted[c]) continue;
    auto& a = claim_attackers[c];
    for (std::uint32_t i : r.con_all[c]) a.push_back(t.inference_argument[i]);
    for (std::uint32_t other : r.contradicting[c]) a.push_back(t.claim_argument[other]);
    if (rejection[c] != none) a.push_back(rejection[c]);
    sort_unique(a);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;
  for (std::uint32_t c = 0; c < nc; ++c)
    for (std::uint32_t x : claim_attackers[c]) attacks.emplace_back(x, t.claim_argument[c]);
  for (std::uint32_t i = 0; i < ni; ++i) {
    std::uint32_t arg = t.inference_argument[i];
    if (arg < nc) continue;  // merged into its premise's claim argument
    std::vector<std::uint32_t> a;
    for (claim_index p : g.inferences[i].premises)
      a.insert(a.end(), claim_attackers[p].begin(), claim_attackers[p].end());
    for (std::uint32_t u : r.undercutters[i]) a.push_back(t.inference_argument[u]);
    for (std::uint32_t q : r.partners[i]) a.push_back(t.inference_argument[q]);
    sort_unique(a);
    for (std::uint32_t x : a) attacks.emplace_back(x, arg);
  }
  t.af = framework(t.names.size(), std::move(attacks));
  return t;
}

}  // namespace argmap::engine
