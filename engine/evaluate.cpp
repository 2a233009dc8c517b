#include "engine/evaluate.hpp"

#include <cmath>
#include <vector>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "engine/explain.hpp"
#include "engine/translate.hpp"

namespace argmap::engine {

std::optional<semantics> semantics_from_name(std::string_view name) {
  if (name == "grounded") return semantics::grounded;
  if (name == "preferred") return semantics::preferred;
  if (name == "stable") return semantics::stable;
  if (name == "dfquad") return semantics::dfquad;
  return std::nullopt;
}

const char* name_of(semantics s) {
  switch (s) {
    case semantics::grounded:
      return "grounded";
    case semantics::preferred:
      return "preferred";
    case semantics::stable:
      return "stable";
    case semantics::dfquad:
      return "dfquad";
  }
  return "grounded";
}

namespace {

void project(const argument_graph& g, const translation& t, const std::vector<label>& args,
             evaluation& e) {
  e.claim_labels.resize(g.claims.size());
  for (std::size_t c = 0; c < g.claims.size(); ++c) e.claim_labels[c] = args[t.claim_argument[c]];
  e.inference_labels.resize(g.inferences.size());
  for (std::size_t i = 0; i < g.inferences.size(); ++i)
    e.inference_labels[i] = args[t.inference_argument[i]];
}

}  // namespace

evaluation evaluate(const argument_graph& g, semantics s, const search_limits& limits) {
  if (s == semantics::dfquad) return dfquad(g);
  evaluation e;
  e.used = s;
  translation t = translate(g);
  if (s == semantics::grounded) {
    project(g, t, grounded(t.af), e);
    return e;
  }
  search_result r = s == semantics::preferred ? preferred(t.af, limits) : stable(t.af, limits);
  if (r.too_large) {
    e.problem = unplaced(
        severity::error, "too-large", {},
        fmt::format(
            "too large for exact {} semantics: more than {} arguments are undecided after the "
            "grounded labelling, or the search passed {} steps or {} labellings (see "
            "docs/evaluation.md)",
            name_of(s), limits.max_open, limits.max_steps, limits.max_labellings));
    return e;
  }
  std::size_t nc = g.claims.size();
  std::vector<std::size_t> in_count(nc, 0);
  std::vector<std::size_t> inference_in(g.inferences.size(), 0);
  for (const std::vector<label>& l : r.labellings) {
    std::vector<claim_index> ext;
    for (claim_index c = 0; c < nc; ++c) {
      if (l[t.claim_argument[c]] == label::in) {
        ext.push_back(c);
        ++in_count[c];
      }
    }
    for (std::size_t i = 0; i < g.inferences.size(); ++i)
      if (l[t.inference_argument[i]] == label::in) ++inference_in[i];
    e.extensions.push_back(std::move(ext));
  }
  std::size_t n = r.labellings.size();
  auto view = [n](std::size_t ins) {
    if (n > 0 && ins == n) return label::in;
    return ins > 0 ? label::undec : label::out;
  };
  for (claim_index c = 0; c < nc; ++c) {
    if (n > 0 && in_count[c] == n) e.sceptical.push_back(c);
    if (in_count[c] > 0) e.credulous.push_back(c);
    e.claim_labels.push_back(view(in_count[c]));
  }
  for (std::size_t i = 0; i < g.inferences.size(); ++i)
    e.inference_labels.push_back(view(inference_in[i]));
  return e;
}

namespace {

double rounded(double v) { return std::round(v * 10000) / 10000; }

nlohmann::ordered_json ids(const argument_graph& g, const std::vector<claim_index>& cs) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (claim_index c : cs) a.push_back(g.claims[c].id);
  return a;
}

}  // namespace

static nlohmann::ordered_json explanation_json(const explanation& x, const std::vector<std::string>& names) {
  nlohmann::ordered_json j;
  j["text"] = x.text;
  if (x.line > 0 && x.file < names.size()) {
    j["file"] = names[x.file];
    j["line"] = x.line;
  }
  j["because"] = nlohmann::ordered_json::array();
  for (const explanation& y : x.because) j["because"].push_back(explanation_json(y, names));
  return j;
}

std::string evaluation_json(const argument_graph& g, const evaluation& e,
                            const std::vector<std::string>* file_names) {
  nlohmann::ordered_json j;
  j["semantics"] = name_of(e.used);
  if (e.problem) {
    j["error"] = e.problem->message;
  } else if (e.used == semantics::grounded) {
    j["labels"] = nlohmann::ordered_json::object();
    for (claim_index c = 0; c < g.claims.size(); ++c)
      j["labels"][g.claims[c].id] = name_of(e.claim_labels[c]);
  } else if (e.used == semantics::dfquad) {
    j["strengths"] = nlohmann::ordered_json::object();
    for (claim_index c = 0; c < g.claims.size(); ++c)
      j["strengths"][g.claims[c].id] = rounded(e.claim_strengths[c]);
  } else {
    j["extensions"] = nlohmann::ordered_json::array();
    for (const auto& ext : e.extensions) j["extensions"].push_back(ids(g, ext));
    j["sceptical"] = ids(g, e.sceptical);
    j["credulous"] = ids(g, e.credulous);
  }
  if (file_names && e.ok()) {
    explainer why(g, e);
    j["explanations"] = nlohmann::ordered_json::object();
    for (claim_index c = 0; c < g.claims.size(); ++c)
      j["explanations"][g.claims[c].id] = explanation_json(why.explain(c, 3, 3), *file_names);
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string evaluation_text(const argument_graph& g, const evaluation& e) {
  if (e.problem) return "error: " + e.problem->message + "\n";
  // Claims grouped by section, sections in order, claims in reading order.
  std::map<std::int32_t, std::vector<claim_index>> by_section;
  for (claim_index c = 0; c < g.claims.size(); ++c) by_section[g.claims[c].section].push_back(c);
  std::string out;
  std::size_t width = 2;
  for (const claim_node& c : g.claims) width = std::max(width, c.id.size());
  width = std::min<std::size_t>(width, 24);
  for (const auto& [s, claims] : by_section) {
    if (s != no_section) {
      std::vector<const std::string*> titles;  // innermost first
      for (std::int32_t p = s; p != no_section; p = g.sections[static_cast<std::size_t>(p)].parent)
        titles.push_back(&g.sections[static_cast<std::size_t>(p)].title);
      out += "# ";
      for (auto t = titles.rbegin(); t != titles.rend(); ++t)
        out += (t == titles.rbegin() ? "" : " / ") + **t;
      out += "\n";
    }
    for (claim_index c : claims) {
      std::string value = e.used == semantics::dfquad
                              ? fmt::format("{:.4f}", e.claim_strengths[c])
                              : std::string(name_of(e.claim_labels[c]));
      std::string text = g.claims[c].text();
      if (utf8::length(text) > 60) text = utf8::substr(text, 0, 59) + "\u2026";
      out += fmt::format("  {:<6} {:<{}} {}\n", value, g.claims[c].id, width, text);
    }
  }
  if (e.used == semantics::preferred || e.used == semantics::stable) {
    out += fmt::format("{} {} extension{}", e.extensions.size(), name_of(e.used),
                       e.extensions.size() == 1 ? "" : "s");
    out += e.used == semantics::preferred
               ? "; in: in every extension, undec: in some, out: in none\n"
               : (e.extensions.empty() ? "; no stable extension exists\n"
                                       : "; in: in every extension, undec: in some, out: in none\n");
  }
  return out;
}

}  // namespace argmap::engine
