#include "engine/stats.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "grammar/walk.hpp"

namespace argmap::engine {

map_stats compute_stats(const grammar::loaded_map& map, const argument_graph& graph) {
  map_stats s;
  s.claims = graph.claims.size();
  s.inferences = graph.inferences.size();
  for (const inference& inf : graph.inferences) {
    switch (inf.kind) {
      case inference_kind::support:
        ++s.supports;
        break;
      case inference_kind::attack:
        ++s.attacks;
        break;
      case inference_kind::undercut:
        ++s.undercuts;
        break;
    }
    if (inf.premises.size() > 1) ++s.co_premise_groups;
  }
  s.contradictions = graph.contradictions.size();
  s.sections = graph.sections.size();
  for (const claim_node& c : graph.claims) {
    if (c.root) ++s.roots;
    for (const std::string& t : c.tags()) ++s.tags[t];
  }
  grammar::for_each_claim(map.documents,
                          [&](const ast::claim& c, const auto&, std::uint32_t depth) {
                            if (c.is_reference) ++s.references;
                            s.max_depth = std::max<std::size_t>(s.max_depth, depth);
                          });
  return s;
}

std::string stats_json(const map_stats& s) {
  nlohmann::ordered_json j;
  j["claims"] = s.claims;
  j["inferences"] = s.inferences;
  j["supports"] = s.supports;
  j["attacks"] = s.attacks;
  j["undercuts"] = s.undercuts;
  j["contradictions"] = s.contradictions;
  j["co_premise_groups"] = s.co_premise_groups;
  j["references"] = s.references;
  j["sections"] = s.sections;
  j["roots"] = s.roots;
  j["max_depth"] = s.max_depth;
  j["tags"] = nlohmann::ordered_json::object();
  for (const auto& [tag, n] : s.tags) j["tags"][tag] = n;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string stats_text(const map_stats& s) {
  std::string out;
  auto row = [&](const char* name, std::size_t n) { out += fmt::format("{:<18} {}\n", name, n); };
  row("claims", s.claims);
  row("inferences", s.inferences);
  row("  supports", s.supports);
  row("  attacks", s.attacks);
  row("  undercuts", s.undercuts);
  row("co-premise groups", s.co_premise_groups);
  row("contradictions", s.contradictions);
  row("references", s.references);
  row("sections", s.sections);
  row("roots", s.roots);
  row("max depth", s.max_depth);
  if (!s.tags.empty()) {
    out += "tags\n";
    for (const auto& [tag, n] : s.tags) out += fmt::format("  #{:<15} {}\n", tag, n);
  }
  return out;
}

}  // namespace argmap::engine
