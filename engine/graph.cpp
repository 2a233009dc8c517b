#include "engine/graph.hpp"

namespace argmap::engine {

std::optional<std::string_view> claim_node::attribute(std::string_view key) const {
  for (const ast::attribute& a : attributes())
    if (a.key == key) return std::string_view(a.value);
  return std::nullopt;
}

const char* name_of(inference_kind k) {
  switch (k) {
    case inference_kind::support:
      return "support";
    case inference_kind::attack:
      return "attack";
    case inference_kind::undercut:
      return "undercut";
  }
  return "support";
}

std::optional<claim_index> argument_graph::find(std::string_view id) const {
  auto it = by_id.find(std::string(id));
  if (it == by_id.end()) return std::nullopt;
  return it->second;
}

std::string dump(const argument_graph& g) {
  std::string out;
  for (std::size_t i = 0; i < g.sections.size(); ++i) {
    const section& s = g.sections[i];
    out += "section " + std::to_string(i) + " level " + std::to_string(s.level) + " \"" + s.title +
           "\"";
    if (s.parent != no_section) out += " in " + std::to_string(s.parent);
    out += "\n";
  }
  for (const claim_node& c : g.claims) {
    out += "claim " + c.id + (c.user_id ? "" : " (auto)") + (c.root ? " root" : "");
    if (c.section != no_section) out += " section " + std::to_string(c.section);
    out += " \"" + c.text() + "\"\n";
  }
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    const inference& inf = g.inferences[i];
    out += "inference " + std::to_string(i) + " " + name_of(inf.kind) + " [";
    for (std::size_t k = 0; k < inf.premises.size(); ++k)
      out += (k ? ", " : "") + g.claims[inf.premises[k]].id;
    out += "] -> ";
    out += inf.kind == inference_kind::undercut ? "#" + std::to_string(inf.target)
                                                : g.claims[inf.target].id;
    out += "\n";
  }
  for (const contradiction& c : g.contradictions)
    out += "contradiction " + g.claims[c.a].id + " ! " + g.claims[c.b].id + "\n";
  return out;
}

graph_adjacency::graph_adjacency(const argument_graph& g)
    : reasons(g.claims.size()), undercuts(g.inferences.size()), contradictions(g.claims.size()) {
  for (std::uint32_t i = 0; i < g.inferences.size(); ++i) {
    const inference& inf = g.inferences[i];
    (inf.kind == inference_kind::undercut ? undercuts : reasons)[inf.target].push_back(i);
  }
  for (std::uint32_t k = 0; k < g.contradictions.size(); ++k)
    contradictions[g.contradictions[k].a].push_back(k);
}

}  // namespace argmap::engine
