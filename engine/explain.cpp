#include "engine/explain.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "engine/translate.hpp"

namespace argmap::engine {

namespace {

const char* kind_word(inference_kind k) {
  switch (k) {
    case inference_kind::support:
      return "supports";
    case inference_kind::attack:
      return "attacks";
    case inference_kind::undercut:
      return "undercuts";
  }
  return "supports";
}

}  // namespace

struct explainer::impl {
  const argument_graph& g;
  const evaluation& e;
  translation t;
  std::vector<label> grounded_labels;        // per argument (grounded)
  std::vector<std::size_t> in_count;         // per argument: extensions it is in (preferred, stable)
  std::size_t extensions = 0;
  std::vector<std::uint32_t> claim_of;       // per argument: its claim, or UINT32_MAX
  std::vector<std::uint32_t> inference_of;   // per argument: its (unmerged) inference, or UINT32_MAX

  impl(const argument_graph& graph, const evaluation& ev) : g(graph), e(ev) {
    if (e.used == semantics::dfquad) return;
    t = translate(g);
    claim_of.assign(t.names.size(), UINT32_MAX);
    inference_of.assign(t.names.size(), UINT32_MAX);
    for (std::uint32_t c = 0; c < g.claims.size(); ++c) claim_of[t.claim_argument[c]] = c;
    for (std::uint32_t i = 0; i < g.inferences.size(); ++i)
      if (t.inference_argument[i] >= g.claims.size()) inference_of[t.inference_argument[i]] = i;
    if (e.used == semantics::grounded) {
      grounded_labels = grounded(t.af);
      return;
    }
    search_result r = e.used == semantics::preferred ? preferred(t.af) : stable(t.af);
    extensions = r.labellings.size();
    in_count.assign(t.names.size(), 0);
    for (const auto& l : r.labellings)
      for (std::size_t a = 0; a < l.size(); ++a) in_count[a] += l[a] == label::in;
  }

  std::string claim_name(claim_index c) const { return "'" + g.claims[c].id + "'"; }

  // An argument in words, and where it is written.
  std::string describe(std::uint32_t a) const {
    if (claim_of[a] != UINT32_MAX) return claim_name(claim_of[a]);
    if (inference_of[a] != UINT32_MAX) {
      const inference& inf = g.inferences[inference_of[a]];
      std::string premises;
      for (claim_index p : inf.premises) premises += (premises.empty() ? "" : " & ") + claim_name(p);
      if (inf.kind == inference_kind::undercut) return "the undercut by " + premises;
      if (inf.kind == inference_kind::attack)
        return fmt::format("the objection {} to {}", premises, claim_name(inf.target));
      return fmt::format("the reason {} for {}", premises, claim_name(inf.target));
    }
    // rejected:ID
    return "the status 'rejected' of '" + t.names[a].substr(9) + "'";
  }

  void place(std::uint32_t a, explanation& x) const {
    source_range r;
    if (claim_of[a] != UINT32_MAX) r = g.claims[claim_of[a]].range();
    else if (inference_of[a] != UINT32_MAX) r = g.inferences[inference_of[a]].range;
    else if (const auto c = g.find(t.names[a].substr(9))) r = g.claims[*c].range();
    x.file = r.file;
    x.line = r.line;
  }

  std::optional<std::uint32_t> attacker_with(std::uint32_t a, label l) const {
    for (std::uint32_t b : t.af.attackers(a))
      if (grounded_labels[b] == l) return b;
    return std::nullopt;
  }

  // Grounded: why argument `a` has its label.
  explanation grounded_step(std::uint32_t a, unsigned depth, unsigned fanout, std::set<std::uint32_t>& seen) const {
    explanation x;
    place(a, x);
    std::string who = describe(a);
    bool again = !seen.insert(a).second;
    auto attackers = t.af.attackers(a);
    switch (grounded_labels[a]) {
      case label::in:
        if (attackers.empty()) {
          x.text = who + " is in: nothing attacks it";
          break;
        }
        x.text = who + " is in: everything that attacks it is out";
        if (again) {
          x.text += " (explained above)";
          break;
        }
        for (std::size_t k = 0; k < attackers.size() && k < fanout && depth > 1; ++k) {
          std::uint32_t b = attackers[k];
          explanation y;
          place(b, y);
          std::uint32_t c = *attacker_with(b, label::in);  // b is out: an in attacker exists
          y.text = fmt::format("{} is out: {} defeats it", describe(b), describe(c));
          if (depth > 2) y.because.push_back(grounded_step(c, depth - 2, fanout, seen));
          x.because.push_back(std::move(y));
        }
        if (attackers.size() > fanout && depth > 1)
          x.because.push_back({fmt::format("and {} more attacks, all out", attackers.size() - fanout), 0, 0, {}});
        break;
      case label::out: {
        std::uint32_t c = *attacker_with(a, label::in);
        x.text = fmt::format("{} is out: {} defeats it", who, describe(c));
        if (again) x.text += " (explained above)";
        else if (depth > 1) x.because.push_back(grounded_step(c, depth - 1, fanout, seen));
        break;
      }
      case label::undec: {
        std::uint32_t u = *attacker_with(a, label::undec);
        if (u == a) {
          x.text = who + " is undecided: it attacks itself, and nothing that is in defeats it";
          break;
        }
        x.text = fmt::format("{} is undecided: nothing that attacks it is in, but {} is undecided", who,
                             describe(u));
        if (again) x.text += " (the circle closes here)";
        else if (depth > 1) x.because.push_back(grounded_step(u, depth - 1, fanout, seen));
        break;
      }
    }
    return x;
  }

  // Preferred and stable: in how many extensions, and the same of each attacker.
  explanation extension_step(claim_index c, unsigned fanout) const {
    std::uint32_t a = t.claim_argument[c];
    explanation x;
    place(a, x);
    const char* sem = name_of(e.used);
    auto share = [&](std::uint32_t arg) {
      std::size_t k = in_count[arg];
      if (extensions == 0) return fmt::format("in no {} extension: there is none", sem);
      if (extensions == 1) return fmt::format("{} the only {} extension", k ? "in" : "not in", sem);
      if (k == extensions) return fmt::format("in every one of the {} {} extensions", extensions, sem);
      if (k == 0) return fmt::format("in none of the {} {} extensions", extensions, sem);
      return fmt::format("in {} of the {} {} extensions", k, extensions, sem);
    };
    x.text = describe(a) + " is " + share(a);
    auto attackers = t.af.attackers(a);
    for (std::size_t k = 0; k < attackers.size() && k < fanout; ++k) {
      explanation y;
      place(attackers[k], y);
      y.text = describe(attackers[k]) + " attacks it, and is " + share(attackers[k]);
      x.because.push_back(std::move(y));
    }
    if (attackers.size() > fanout)
      x.because.push_back({fmt::format("and {} more attacks", attackers.size() - fanout), 0, 0, {}});
    if (attackers.empty()) x.because.push_back({"nothing attacks it", 0, 0, {}});
    return x;
  }

  // DF-QuAD: the base score and the aggregated attacks and supports.
  explanation dfquad_step(claim_index c, unsigned fanout) const {
    const claim_node& n = g.claims[c];
    explanation x;
    x.file = n.range().file;
    x.line = n.range().line;
    auto status = n.attribute("status");
    if (status && (*status == "accepted" || *status == "rejected")) {
      x.text = fmt::format("{} has strength {:.4f}: its status is '{}', whatever attacks or supports it",
                           claim_name(c), e.claim_strengths[c], *status);
      return x;
    }
    std::vector<explanation> parts;
    double keep_attack = 1, keep_support = 1;
    auto add = [&](std::string text, double s, const source_range& r) {
      parts.push_back({fmt::format("{} with strength {:.4f}", text, s), r.file, r.line, {}});
    };
    for (std::size_t i = 0; i < g.inferences.size(); ++i) {
      const inference& inf = g.inferences[i];
      if (inf.kind == inference_kind::undercut || inf.target != c) continue;
      double s = e.inference_strengths[i];
      std::string premises;
      for (claim_index p : inf.premises) premises += (premises.empty() ? "" : " & ") + claim_name(p);
      (inf.kind == inference_kind::attack ? keep_attack : keep_support) *= 1 - s;
      add(fmt::format("{} {} it", premises, kind_word(inf.kind)), s, inf.range);
    }
    for (const contradiction& k : g.contradictions) {
      if (k.a != c && k.b != c) continue;
      claim_index other = k.a == c ? k.b : k.a;
      keep_attack *= 1 - e.claim_strengths[other];
      add(claim_name(other) + " contradicts it", e.claim_strengths[other], k.range);
    }
    double base = 0.5;
    if (auto w = n.attribute("weight")) base = std::strtod(std::string(*w).c_str(), nullptr);
    x.text = fmt::format(
        "{} has strength {:.4f}: base score {:.4f}{}, attacks together {:.4f}, supports together {:.4f}",
        claim_name(c), e.claim_strengths[c], base, n.attribute("weight") ? " (its weight)" : "",
        1 - keep_attack, 1 - keep_support);
    if (parts.size() > fanout) {
      std::size_t more = parts.size() - fanout;
      parts.resize(fanout);
      parts.push_back({fmt::format("and {} more", more), 0, 0, {}});
    }
    if (parts.empty()) parts.push_back({"nothing attacks or supports it: its strength is its base score", 0, 0, {}});
    x.because = std::move(parts);
    return x;
  }
};

explainer::explainer(const argument_graph& g, const evaluation& e) : impl_(std::make_unique<impl>(g, e)) {}

explainer::~explainer() = default;

explanation explainer::explain(claim_index c, unsigned depth, unsigned fanout) const {
  switch (impl_->e.used) {
    case semantics::grounded: {
      std::set<std::uint32_t> seen;
      return impl_->grounded_step(impl_->t.claim_argument[c], depth, fanout, seen);
    }
    case semantics::dfquad:
      return impl_->dfquad_step(c, fanout);
    default:
      return impl_->extension_step(c, fanout);
  }
}

namespace {

void text_of(const explanation& x, const std::vector<std::string>& names, unsigned depth, std::string& out) {
  std::string where = x.line > 0 && x.file < names.size() ? fmt::format(" ({}:{})", names[x.file], x.line) : "";
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += depth > 0 ? "- " : "";
  out += x.text;
  out += where;
  out += '\n';
  for (const explanation& y : x.because) text_of(y, names, depth + 1, out);
}

}  // namespace

std::string explanation_text(const explanation& x, const std::vector<std::string>& names) {
  std::string out;
  text_of(x, names, 0, out);
  return out;
}

}  // namespace argmap::engine
