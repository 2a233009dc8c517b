// Evaluation: Dung's semantics on classic frameworks, the translation of each
// map construct, DF-QuAD on hand-computed examples, and the framework formats.

#include <doctest/doctest.h>

#include <algorithm>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/framework.hpp"
#include "engine/interchange/af_format.hpp"
#include "engine/translate.hpp"
#include "helpers.hpp"
#include "import_text.hpp"

using argmap::engine::framework;
using argmap::engine::label;
using argmap::test::check;

namespace {

constexpr label I = label::in, O = label::out, U = label::undec;

framework af(std::size_t n, std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks) {
  return framework(n, std::move(attacks));
}

std::vector<std::vector<label>> labellings(const argmap::engine::search_result& r) {
  REQUIRE_FALSE(r.too_large);
  return r.labellings;
}

// Grounded labels of a map's claims, "id:label" joined by spaces.
std::string grounded_of(const std::string& map,
                        argmap::engine::semantics s = argmap::engine::semantics::grounded) {
  auto m = check(map);
  REQUIRE(m.errors() == 0);
  auto e = argmap::engine::evaluate(m.graph, s);
  REQUIRE(e.ok());
  std::string out;
  for (std::size_t c = 0; c < m.graph.claims.size(); ++c)
    out += (out.empty() ? "" : " ") + m.graph.claims[c].id + ":" +
           argmap::engine::name_of(e.claim_labels[c]);
  return out;
}

}  // namespace

TEST_CASE("Dung: an unattacked argument is in every extension") {
  framework f = af(1, {});
  CHECK(argmap::engine::grounded(f) == std::vector<label>{I});
  CHECK(labellings(argmap::engine::preferred(f)) == std::vector<std::vector<label>>{{I}});
  CHECK(labellings(argmap::engine::stable(f)) == std::vector<std::vector<label>>{{I}});
}

TEST_CASE("Dung: a simple attack, and reinstatement") {
  CHECK(argmap::engine::grounded(af(2, {{0, 1}})) == std::vector<label>{I, O});
  CHECK(argmap::engine::grounded(af(3, {{0, 1}, {1, 2}})) == std::vector<label>{I, O, I});
}

TEST_CASE("Dung: an even cycle has two preferred and stable extensions, grounded empty") {
  framework f = af(2, {{0, 1}, {1, 0}});
  CHECK(argmap::engine::grounded(f) == std::vector<label>{U, U});
  CHECK(labellings(argmap::engine::preferred(f)) ==
        std::vector<std::vector<label>>{{I, O}, {O, I}});
  CHECK(labellings(argmap::engine::stable(f)) == std::vector<std::vector<label>>{{I, O}, {O, I}});
  CHECK(labellings(argmap::engine::complete_labellings(f)) ==
        std::vector<std::vector<label>>{{I, O}, {O, I}, {U, U}});
}

TEST_CASE("Dung: an odd cycle has no stable extension and one empty preferred") {
  framework f = af(3, {{0, 1}, {1, 2}, {2, 0}});
  CHECK(argmap::engine::grounded(f) == std::vector<label>{U, U, U});
  CHECK(labellings(argmap::engine::preferred(f)) == std::vector<std::vector<label>>{{U, U, U}});
  CHECK(labellings(argmap::engine::stable(f)).empty());
}

TEST_CASE("Dung: a self-attacking argument is never in") {
  framework f = af(2, {{0, 0}, {0, 1}});
  CHECK(argmap::engine::grounded(f) == std::vector<label>{U, U});
  CHECK(labellings(argmap::engine::preferred(f)) == std::vector<std::vector<label>>{{U, U}});
  CHECK(labellings(argmap::engine::stable(f)).empty());
  framework g = af(2, {{0, 0}, {1, 0}});
  CHECK(argmap::engine::grounded(g) == std::vector<label>{O, I});
}

TEST_CASE("Dung: floating acceptance (c is in every preferred extension, not grounded)") {
  // a <-> b, both attack c, c attacks d.
  framework f = af(4, {{0, 1}, {1, 0}, {0, 2}, {1, 2}, {2, 3}});
  CHECK(argmap::engine::grounded(f) == std::vector<label>{U, U, U, U});
  CHECK(labellings(argmap::engine::preferred(f)) ==
        std::vector<std::vector<label>>{{I, O, O, I}, {O, I, O, I}});
}

TEST_CASE("exact search reports 'too large' instead of running for hours") {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;
  for (std::uint32_t k = 0; k < 40; ++k) attacks.push_back({2 * k, 2 * k + 1}), attacks.push_back({2 * k + 1, 2 * k});
  argmap::engine::search_limits small;
  small.max_open = 64;
  CHECK(argmap::engine::preferred(af(80, attacks), small).too_large);  // 80 open arguments
  small.max_open = 100;
  small.max_labellings = 1000;
  CHECK(argmap::engine::preferred(af(80, attacks), small).too_large);  // 2^40 extensions
  // Through evaluate(): a diagnostic, and no labels.
  auto m = check("[a] A.\n  - [b] B.\n    - @a\n[c] C.\n  - [d] D.\n    - @c\n");
  small.max_open = 1;
  argmap::engine::evaluation e =
      argmap::engine::evaluate(m.graph, argmap::engine::semantics::preferred, small);
  REQUIRE_FALSE(e.ok());
  CHECK(e.problem->code == "too-large");
  CHECK(e.problem->level == argmap::severity::error);
  CHECK(e.claim_labels.empty());
}

TEST_CASE("grounded is linear: a long chain alternates in and out") {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> chain;
  for (std::uint32_t k = 0; k + 1 < 100000; ++k) chain.emplace_back(k, k + 1);
  auto l = argmap::engine::grounded(af(100000, chain));
  CHECK(l[0] == I);
  CHECK(l[99998] == I);
  CHECK(l[99999] == O);
}

TEST_CASE("translation: a map of plain attacks is exactly the framework it draws") {
  auto m = check("[a] A.\n  - [b] B.\n    - [c] C.\n");
  auto t = argmap::engine::translate(m.graph);
  CHECK(t.names == std::vector<std::string>{"a", "b", "c"});
  CHECK(t.af.attacks() == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{1, 0}, {2, 1}});
}

TEST_CASE("construct: an objection defeats an unsupported claim; a rebuttal reinstates it") {
  CHECK(grounded_of("[t] T.\n  - [o] O.\n") == "t:out o:in");
  CHECK(grounded_of("[t] T.\n  - [o] O.\n    - [r] R.\n") == "t:in o:out r:in");
}

TEST_CASE("construct: support against attack is a rebuttal — contested until resolved") {
  CHECK(grounded_of("[t] T.\n  + [s] S.\n  - [o] O.\n") == "t:undec s:in o:in");
  CHECK(grounded_of("[t] T.\n  + [s] S.\n  - [o] O.\n    - [r] R.\n") == "t:in s:in o:out r:in");
}

TEST_CASE("construct: co-premises — the reason needs every premise") {
  auto m = check("[t] T.\n  - [a] A.\n  & [b] B.\n    - [x] X.\n");
  auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::grounded);
  // x defeats b, so the joint objection (a and b) fails and t stands.
  CHECK(argmap::engine::name_of(e.claim_labels[0]) == std::string("in"));
  CHECK(argmap::engine::name_of(e.claim_labels[2]) == std::string("out"));
  CHECK(argmap::engine::name_of(e.inference_labels[0]) == std::string("out"));
}

TEST_CASE("construct: an undercut defeats the inference, not its premise") {
  auto m = check("[t] T.\n  - [o] O.\n    ~ [u] U.\n");
  auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::grounded);
  CHECK(grounded_of("[t] T.\n  - [o] O.\n    ~ [u] U.\n") == "t:in o:in u:in");
  CHECK(e.inference_labels[0] == label::out);
}

TEST_CASE("construct: contradiction — mutual attack, decided by reasons") {
  CHECK(grounded_of("[a] A.\n  ! [b] B.\n") == "a:undec b:undec");
  CHECK(grounded_of("[a] A.\n  + [s] S.\n  ! [b] B.\n") == "a:in s:in b:out");
  auto m = check("[a] A.\n  ! [b] B.\n");
  auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::preferred);
  CHECK(e.extensions == std::vector<std::vector<argmap::engine::claim_index>>{{0}, {1}});
  CHECK(e.sceptical.empty());
  CHECK(e.credulous == std::vector<argmap::engine::claim_index>{0, 1});
}

TEST_CASE("construct: the author's verdicts") {
  CHECK(grounded_of("[t] T. {status: accepted}\n  - [o] O.\n") == "t:in o:in");
  CHECK(grounded_of("[t] T. {status: rejected}\n  + [s] S.\n") == "t:out s:in");
  CHECK(grounded_of("[t] T. {status: assumed}\n  - [o] O.\n") == "t:out o:in");
}

TEST_CASE("DF-QuAD on hand-computed examples") {
  auto strengths = [](const std::string& map) {
    auto m = check(map);
    auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::dfquad);
    REQUIRE(e.ok());
    return e.claim_strengths;
  };
  // One attacker of strength 0.5 on a base 0.5 claim: 0.5 - 0.5 * 0.5.
  CHECK(strengths("[t] T.\n  - O.\n")[0] == doctest::Approx(0.25));
  // One supporter of strength 0.5: 0.5 + 0.5 * 0.5.
  CHECK(strengths("[t] T.\n  + S.\n")[0] == doctest::Approx(0.75));
  // Weights; attack 0.8 and support 0.2 on base 0.6: 0.6 - 0.6 * 0.6.
  CHECK(strengths("[t] T. {weight: 0.6}\n  - O. {weight: 0.8}\n  + S. {weight: 0.2}\n")[0] ==
        doctest::Approx(0.24));
  // Two supporters 0.5 and 0.5 aggregate to 0.75: 0.5 + 0.5 * 0.75.
  CHECK(strengths("[t] T.\n  + A.\n  + B.\n")[0] == doctest::Approx(0.875));
  // A linked reason counts its weakest premise: min(0.9, 0.3) = 0.3 -> 0.5 + 0.5 * 0.3.
  CHECK(strengths("[t] T.\n  + A. {weight: 0.9}\n  & B. {weight: 0.3}\n")[0] ==
        doctest::Approx(0.65));
  // An undercut weakens the inference: 0.5 - 0.5 * 0.5 = 0.25, so t = 0.5 + 0.5 * 0.25.
  CHECK(strengths("[t] T.\n  + S.\n    ~ U.\n")[0] == doctest::Approx(0.625));
}

TEST_CASE("DF-QuAD on cycles and contradictions: the fixed point of its equations") {
  // a and b attack each other: a = 0.5 - 0.5 b and b = 0.5 - 0.5 a, so both 1/3.
  auto m = check("[a] A.\n  - [b] B.\n    - @a\n");
  auto e = argmap::engine::evaluate(m.graph, argmap::engine::semantics::dfquad);
  REQUIRE(e.ok());
  CHECK(e.claim_strengths[0] == doctest::Approx(1.0 / 3).epsilon(1e-6));
  CHECK(e.claim_strengths[1] == doctest::Approx(1.0 / 3).epsilon(1e-6));
  // A contradiction: each side attacks the other with its own strength.
  auto c = check("[a] A. {weight: 0.8}\n  ! [b] B. {weight: 0.2}\n");
  e = argmap::engine::evaluate(c.graph, argmap::engine::semantics::dfquad);
  REQUIRE(e.ok());
  // a = 0.8 - 0.8 b, b = 0.2 - 0.2 a: a = 0.64 / 0.84, b = 0.2 - 0.2 a.
  double a = 0.64 / 0.84;
  CHECK(e.claim_strengths[0] == doctest::Approx(a).epsilon(1e-6));
  CHECK(e.claim_strengths[1] == doctest::Approx(0.2 - 0.2 * a).epsilon(1e-6));
  // A self-attack: s = 0.5 - 0.5 s.
  auto liar = check("[a] This statement is false.\n  - @a\n");
  e = argmap::engine::evaluate(liar.graph, argmap::engine::semantics::dfquad);
  CHECK(e.claim_strengths[0] == doctest::Approx(1.0 / 3).epsilon(1e-6));
  // Without cycles, one exact pass as before.
  auto plain = check("[a] A.\n  - [b] B.\n");
  CHECK(
      argmap::engine::evaluate(plain.graph, argmap::engine::semantics::dfquad).claim_strengths[0] ==
      0.25);
}

TEST_CASE("DF-QuAD says which claim did not settle, and where") {
  auto m = check("[a] A. {weight: 0.9}\n  - [b] B. {weight: 0.3}\n    - @a\n");
  auto e = argmap::engine::dfquad(m.graph, 3);
  REQUIRE_FALSE(e.ok());
  CHECK(e.problem->code == "no-convergence");
  CHECK(e.problem->message.rfind("dfquad did not converge in 3 rounds: the strength of '", 0) == 0);
  CHECK(e.problem->message.find("(line ") != std::string::npos);
  CHECK(e.problem->message.find("or use --semantics grounded") != std::string::npos);
  CHECK(argmap::engine::dfquad(m.graph).ok());  // with the usual bound it settles
}

TEST_CASE("JSON output of each semantics") {
  auto m = check("[a] A.\n  - [b] B.\n");
  CHECK(argmap::engine::evaluation_json(
            m.graph, argmap::engine::evaluate(m.graph, argmap::engine::semantics::grounded)) ==
        "{\"semantics\":\"grounded\",\"labels\":{\"a\":\"out\",\"b\":\"in\"}}\n");
  CHECK(argmap::engine::evaluation_json(
            m.graph, argmap::engine::evaluate(m.graph, argmap::engine::semantics::preferred)) ==
        "{\"semantics\":\"preferred\",\"extensions\":[[\"b\"]],\"sceptical\":[\"b\"],"
        "\"credulous\":[\"b\"]}\n");
  CHECK(argmap::engine::evaluation_json(
            m.graph, argmap::engine::evaluate(m.graph, argmap::engine::semantics::dfquad)) ==
        "{\"semantics\":\"dfquad\",\"strengths\":{\"a\":0.25,\"b\":0.5}}\n");
}

TEST_CASE("frameworks round-trip through TGF, APX and i23, and through a map") {
  framework f = af(4, {{0, 1}, {1, 2}, {2, 3}, {3, 2}});
  argmap::engine::named_framework nf{{"a", "b", "c", "d"}, f};
  for (auto format : {argmap::engine::af_format::tgf, argmap::engine::af_format::apx,
                      argmap::engine::af_format::i23}) {
    std::string text = argmap::engine::write_af(nf, format);
    argmap::diagnostic error;
    auto back = argmap::engine::read_af(text, format, error);
    REQUIRE(back);
    CHECK(back->af.attacks() == f.attacks());
    CHECK(argmap::engine::write_af(*back, format) == text);
  }
  argmap::diagnostic error;
  auto map = argmap::engine::framework_to_map(nf, error);
  REQUIRE(map);
  auto m = check(*map);
  CHECK(m.errors() == 0);
  auto t = argmap::engine::translate(m.graph);
  CHECK(t.names == nf.names);
  CHECK(t.af.attacks() == f.attacks());
}

TEST_CASE("framework format errors name the line") {
  argmap::diagnostic error;
  CHECK_FALSE(argmap::engine::read_af("p af 2\n1 3\n", argmap::engine::af_format::i23, error));
  CHECK(text_of(error) == "line 2: expected two argument numbers from 1 to 2");
  CHECK_FALSE(
      argmap::engine::read_af("arg(a).\natt(a,b).\n", argmap::engine::af_format::apx, error));
  CHECK(text_of(error) == "line 2: 'b' is not declared with arg(...)");
  CHECK_FALSE(argmap::engine::read_af("a\n#\na b\n", argmap::engine::af_format::tgf, error));
  CHECK(text_of(error) == "line 3: 'b' is not an argument listed before '#'");
  // A self-attacking argument imports as a claim attacking itself.
  auto self = argmap::engine::framework_to_map({{"a"}, af(1, {{0, 0}})}, error);
  REQUIRE(self);
  CHECK(self->find("[a] Argument a.\n  - @a\n") != std::string::npos);
  // Seventeen bytes must not become a map of twenty million claims.
  CHECK_FALSE(argmap::engine::read_af("p af 20000000\n", argmap::engine::af_format::i23, error));
  CHECK(text_of(error) == "line 1: 20000000 arguments: a map holds at most 100000 claims");
  std::string many;
  for (int k = 0; k <= 100000; ++k) many += "a" + std::to_string(k) + "\n";
  auto tgf = argmap::engine::read_af(many, argmap::engine::af_format::tgf, error);
  REQUIRE(tgf);
  CHECK_FALSE(argmap::engine::framework_to_map(*tgf, error));
  CHECK(text_of(error) ==
        "100001 arguments: a map holds at most 100000 claims (--max-nodes sets another limit)");
}

namespace {

// The textbook definitions (Dung 1995), by brute force over all subsets.
struct textbook {
  std::size_t n;
  std::vector<std::vector<bool>> att;  // att[a][b]: a attacks b

  bool conflict_free(unsigned s) const {
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = 0; b < n; ++b)
        if ((s >> a & 1) && (s >> b & 1) && att[a][b]) return false;
    return true;
  }
  bool defends(unsigned s, std::size_t a) const {
    for (std::size_t b = 0; b < n; ++b) {
      if (!att[b][a]) continue;
      bool countered = false;
      for (std::size_t c = 0; c < n; ++c)
        if ((s >> c & 1) && att[c][b]) countered = true;
      if (!countered) return false;
    }
    return true;
  }
  bool admissible(unsigned s) const {
    if (!conflict_free(s)) return false;
    for (std::size_t a = 0; a < n; ++a)
      if ((s >> a & 1) && !defends(s, a)) return false;
    return true;
  }
  bool complete(unsigned s) const {
    if (!admissible(s)) return false;
    for (std::size_t a = 0; a < n; ++a)
      if (!(s >> a & 1) && defends(s, a)) return false;
    return true;
  }
  bool stable(unsigned s) const {
    if (!conflict_free(s)) return false;
    for (std::size_t b = 0; b < n; ++b) {
      if (s >> b & 1) continue;
      bool attacked = false;
      for (std::size_t a = 0; a < n; ++a)
        if ((s >> a & 1) && att[a][b]) attacked = true;
      if (!attacked) return false;
    }
    return true;
  }
};

unsigned in_set(const std::vector<label>& l) {
  unsigned s = 0;
  for (std::size_t a = 0; a < l.size(); ++a)
    if (l[a] == label::in) s |= 1u << a;
  return s;
}

}  // namespace

TEST_CASE("on random frameworks, every semantics equals the textbook definition") {
  unsigned seed = 2024;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 400; ++round) {
    std::size_t n = 1 + next() % 7;
    textbook tb{n, std::vector<std::vector<bool>>(n, std::vector<bool>(n, false))};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;
    for (std::uint32_t a = 0; a < n; ++a)
      for (std::uint32_t b = 0; b < n; ++b)
        if (next() % 100 < 25) {
          tb.att[a][b] = true;
          attacks.emplace_back(a, b);
        }
    framework f(n, attacks);
    std::vector<unsigned> complete, preferred, stable;
    for (unsigned s = 0; s < (1u << n); ++s) {
      if (tb.complete(s)) complete.push_back(s);
      if (tb.stable(s)) stable.push_back(s);
    }
    unsigned grounded = complete.front();  // the least complete extension
    for (unsigned s : complete)
      if ((s & grounded) == s) grounded = s;
    for (unsigned s = 0; s < (1u << n); ++s) {
      if (!tb.admissible(s)) continue;
      bool maximal = true;
      for (unsigned t = 0; t < (1u << n); ++t)
        if (t != s && (t & s) == s && tb.admissible(t)) maximal = false;
      if (maximal) preferred.push_back(s);
    }
    auto sets = [](const argmap::engine::search_result& r) {
      std::vector<unsigned> out;
      for (const auto& l : r.labellings) out.push_back(in_set(l));
      std::sort(out.begin(), out.end());
      return out;
    };
    CHECK(in_set(argmap::engine::grounded(f)) == grounded);
    CHECK(sets(argmap::engine::complete_labellings(f)) == complete);
    CHECK(sets(argmap::engine::preferred(f)) == preferred);
    CHECK(sets(argmap::engine::stable(f)) == stable);
  }
}

namespace {

std::string explained(const std::string& map, argmap::engine::semantics s, const char* id) {
  auto m = check(map);
  auto e = argmap::engine::evaluate(m.graph, s);
  argmap::engine::explainer why(m.graph, e);
  return argmap::engine::explanation_text(why.explain(*m.graph.find(id)), {"m.arg"});
}

}  // namespace

TEST_CASE("--explain: a dispute tree for grounded, with the lines") {
  std::string map = "[plan] Build it.\n  - [flood] A flood.\n    - [raised] The deck is raised.\n";
  CHECK(explained(map, argmap::engine::semantics::grounded, "flood") ==
        "'flood' is out: 'raised' defeats it (m.arg:2)\n"
        "  - 'raised' is in: nothing attacks it (m.arg:3)\n");
  CHECK(explained(map, argmap::engine::semantics::grounded, "plan") ==
        "'plan' is in: everything that attacks it is out (m.arg:1)\n"
        "  - 'flood' is out: 'raised' defeats it (m.arg:2)\n"
        "    - 'raised' is in: nothing attacks it (m.arg:3)\n");
  // A cycle is cut where it closes.
  CHECK(explained("[a] A.\n  - [b] B.\n    - @a\n", argmap::engine::semantics::grounded, "a") ==
        "'a' is undecided: nothing that attacks it is in, but 'b' is undecided (m.arg:1)\n"
        "  - 'b' is undecided: nothing that attacks it is in, but 'a' is undecided (m.arg:2)\n"
        "    - 'a' is undecided: nothing that attacks it is in, but 'b' is undecided (the circle "
        "closes here) (m.arg:1)\n");
  CHECK(explained("[a] A.\n  - @a\n", argmap::engine::semantics::grounded, "a") ==
        "'a' is undecided: it attacks itself, and nothing that is in defeats it (m.arg:1)\n");
}

TEST_CASE("--explain: DF-QuAD's parts, and extensions for preferred") {
  std::string map = "[t] T.\n  + [r] R.\n  - [o] O. {weight: 0.8}\n";
  CHECK(explained(map, argmap::engine::semantics::dfquad, "t") ==
        "'t' has strength 0.3500: base score 0.5000, attacks together 0.8000, supports together "
        "0.5000 (m.arg:1)\n"
        "  - 'r' supports it with strength 0.5000 (m.arg:2)\n"
        "  - 'o' attacks it with strength 0.8000 (m.arg:3)\n");
  CHECK(explained("[a] A.\n  - [b] B.\n    - @a\n", argmap::engine::semantics::preferred, "a") ==
        "'a' is in 1 of the 2 preferred extensions (m.arg:1)\n"
        "  - 'b' attacks it, and is in 1 of the 2 preferred extensions (m.arg:2)\n");
}
